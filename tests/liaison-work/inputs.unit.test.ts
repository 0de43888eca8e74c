import { parseWith } from '../../plugins/liaison/server/src/rules/inputs';
import { alumniQuery, contactInput } from '../../plugins/liaison/server/src/liaison-work/inputs';

const body = (change: Record<string, unknown> = {}) => ({ alumni: ['a1'], channel: 'call', date: '2025-05-20', summary: '电话', ...change });
const paths = (schema: any, data: unknown) => parseWith(schema, data).problems.map((p) => [p.path, p.id]);

describe('a contact log’s input', () => {
  it('reads a day as that day, and a date and time as its instant with the network’s day', () => {
    expect(parseWith(contactInput, body()).value!.date).toEqual({ day: '2025-05-20', at: new Date('2025-05-20T00:00:00.000Z'), dayOnly: true });
    // 20 May 23:30 UTC is 21 May in Beijing.
    expect(parseWith(contactInput, body({ date: '2025-05-20T23:30:00Z' })).value!.date).toEqual({
      day: '2025-05-21',
      at: new Date('2025-05-20T23:30:00.000Z'),
      dayOnly: false,
    });
    expect(parseWith(contactInput, body({ date: '2025-05-20T08:30+08:00' })).value!.date.day).toBe('2025-05-20');
  });

  it('names each wrong field', () => {
    for (const date of ['2025-02-30', '20250520', '2025-05-20T10:00', 'tomorrow', 20250520]) {
      expect(paths(contactInput, body({ date }))).toEqual([['date', 'liaisonWork.date']]);
    }
    expect(paths(contactInput, body({ alumni: ['a1', 'a2', 'a1'] }))).toEqual([['alumni[2]', 'liaisonWork.twice']]);
    expect(paths(contactInput, body({ alumni: 'a1' }))).toEqual([['alumni', 'liaisonWork.alumni']]);
    expect(paths(contactInput, body({ summary: '' }))).toEqual([['summary', 'required']]);
    expect(paths(contactInput, body({ channel: 'fax', needs: 'x'.repeat(2001) }))).toEqual([
      ['channel', 'common.oneOf'],
      ['needs', 'common.maxLength'],
    ]);
  });
});

describe('the alumni list’s query', () => {
  it('takes post, q, page and pageSize, and names anything else', () => {
    expect(parseWith(alumniQuery, { q: 'lzd', page: '2' }).value).toEqual({ q: 'lzd', page: 2, pageSize: 25 });
    expect(paths(alumniQuery, { sort: 'phone', filters: { phone: { $startsWith: '139' } } })).toEqual([
      ['sort', 'liaisonWork.unknownParameter'],
      ['filters', 'liaisonWork.unknownParameter'],
    ]);
    expect(paths(alumniQuery, { pageSize: '101' })).toEqual([['pageSize', 'common.wholeNumber']]);
  });
});
