import { addWorkingDays, beijingDay, dueAtOf, endOfBeijingDay, isWorkingDay } from '../../plugins/liaison/server/src/feedback/working-days';

// 2026: National Day holidays 1–8 October (Thu–Thu), make-up working days Sunday 27 Sept and Saturday 10 Oct.
const calendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-09-27', '2026-10-10'],
};
const plain = { holidays: [], workdays: [] };

describe('working days', () => {
  it('counts Monday to Friday, skipping weekends', () => {
    expect(addWorkingDays('2026-11-20', 5, plain)).toBe('2026-11-27'); // Friday → next Friday
    expect(addWorkingDays('2026-11-21', 1, plain)).toBe('2026-11-23'); // Saturday → Monday
    expect(addWorkingDays('2026-11-20', 0, plain)).toBe('2026-11-20');
  });

  it('skips the listed public holidays and counts the make-up working days', () => {
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-09-27', calendar)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // a Saturday worked
    // Received Wednesday 30 Sept: the holiday week counts nothing; Fri 9 and Sat 10 (make-up) count, then Mon 12, 13, 14.
    expect(addWorkingDays('2026-09-30', 5, calendar)).toBe('2026-10-14');
    // Without the list the same deadline falls within the holiday.
    expect(addWorkingDays('2026-09-30', 5, plain)).toBe('2026-10-07');
    // Received Saturday 26 Sept: the Sunday make-up day is the first working day.
    expect(addWorkingDays('2026-09-26', 1, calendar)).toBe('2026-09-27');
  });

  it('works in Beijing days: an item received late in the evening UTC belongs to the next day in Beijing', () => {
    expect(beijingDay('2026-11-19T17:00:00.000Z')).toBe('2026-11-20');
    expect(endOfBeijingDay('2026-11-27').toISOString()).toBe('2026-11-27T15:59:59.999Z');
    expect(dueAtOf(new Date('2026-11-19T17:00:00.000Z'), 5, plain).toISOString()).toBe('2026-11-27T15:59:59.999Z');
  });

  it('ends even when every day is a holiday', () => {
    const all = { holidays: Array.from({ length: 4000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)), workdays: [] };
    expect(typeof addWorkingDays('2026-01-01', 3, all)).toBe('string');
  });
});
