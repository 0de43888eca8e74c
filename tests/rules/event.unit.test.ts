import { checkCohortYears, checkDateFormats, checkEvent, checkEventPublishable, type EventState } from '../../plugins/liaison/server/src/rules';

const event = (overrides: Partial<EventState> = {}): EventState => ({
  startsAt: '2026-12-01T10:00:00Z',
  endsAt: '2026-12-01T12:00:00Z',
  registrationOpensAt: '2026-11-01T00:00:00Z',
  registrationClosesAt: '2026-11-30T00:00:00Z',
  venue: '图书馆报告厅',
  onlineUrl: null,
  organisers: { chapter: true, college: false, industry: false },
  ...overrides,
});
const paths = (e: EventState) => checkEvent(e).map((x) => x.path);

describe('an event', () => {
  it('is valid when its dates are in order', () => expect(checkEvent(event())).toEqual([]));
  it('ends after it starts', () => expect(paths(event({ endsAt: '2026-12-01T09:00:00Z' }))).toEqual(['endsAt']));
  it('closes registration after opening it', () =>
    expect(paths(event({ registrationClosesAt: '2026-10-01T00:00:00Z' }))).toEqual(['registrationClosesAt']));
  it('closes registration by the end of the event', () => {
    expect(paths(event({ registrationClosesAt: '2026-12-02T00:00:00Z' }))).toEqual(['registrationClosesAt']);
    expect(paths(event({ endsAt: null, registrationClosesAt: '2026-12-01T10:00:00Z' }))).toEqual([]);
  });
  it('has one organiser at most', () => {
    expect(paths(event({ organisers: { chapter: true, college: true, industry: false } }))).toEqual(['college']);
    expect(paths(event({ organisers: { chapter: false, college: false, industry: false } }))).toEqual([]);
  });
  it('links online only to web addresses', () => {
    expect(paths(event({ onlineUrl: 'ftp://example.com' }))).toEqual(['onlineUrl']);
    expect(paths(event({ onlineUrl: 'https://meeting.example.com/123' }))).toEqual([]);
  });
  it('is published only with a venue or an online link', () => {
    expect(checkEventPublishable(event({ venue: ' ', onlineUrl: null })).map((e) => e.path)).toEqual(['venue']);
    expect(checkEventPublishable(event({ venue: null, onlineUrl: 'https://live.example.com' }))).toEqual([]);
  });
});

describe("a story's cohort years", () => {
  it('are a list of graduation years', () => {
    expect(checkCohortYears([1985, 2015])).toEqual([]);
    expect(checkCohortYears(null)).toEqual([]);
    expect(checkCohortYears(['2015'])).toHaveLength(1);
    expect(checkCohortYears([1850])).toHaveLength(1);
    expect(checkCohortYears({ year: 2015 })).toHaveLength(1);
  });
});

describe('dates sent by a writer', () => {
  const attributes = { termStart: { type: 'date' }, startsAt: { type: 'datetime' }, name: { type: 'string' } };
  it('are named when they cannot be read', () => {
    expect(checkDateFormats(attributes, { termStart: 'next tuesday', startsAt: 'soon', name: 'x' }).map((e) => e.path)).toEqual(['termStart', 'startsAt']);
    expect(checkDateFormats(attributes, { termStart: '2025-02-30' }).map((e) => e.path)).toEqual(['termStart']);
  });
  it('pass when well formed, empty or absent', () => {
    expect(checkDateFormats(attributes, { termStart: '2024-02-29', startsAt: '2026-12-01T10:00:00.000Z' })).toEqual([]);
    expect(checkDateFormats(attributes, { termStart: null, startsAt: '' })).toEqual([]);
    expect(checkDateFormats(attributes, undefined)).toEqual([]);
  });
});
