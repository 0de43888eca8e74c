import { MESSAGES, format, languageOf, localise, parseMessage } from '../../plugins/liaison/server/src/rules/messages';
import { checkEvent, checkEventPublishable, checkLiaisonPost, checkCohortYears, checkDateFormats, checkOrder } from '../../plugins/liaison/server/src/rules';
import { validationError, conflictError } from '../../plugins/liaison/server/src/utils/errors';
import { uniqueFieldError } from '../../plugins/liaison/server/src/utils/db-errors';

const han = /[\u4e00-\u9fff]/;

describe('the integrity rules speak English and Chinese', () => {
  it.each(Object.entries(MESSAGES))('%s has both languages with the same placeholders', (_id, m) => {
    expect(m.en).toMatch(/\S/);
    expect(m['zh-Hans']).toMatch(han);
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(names(m['zh-Hans'])).toEqual(names(m.en));
  });

  const noScopes = { cohort: false, college: false, chapter: false, industry: false };
  const produced = [
    ...checkLiaisonPost({ dimension: 'cohort', hasAlumnus: false, scopes: { ...noScopes, chapter: true }, termStart: '2024-02-01', termEnd: '2024-01-01', postStatus: 'ended', nominationReason: null, endReason: null }),
    ...checkLiaisonPost({ dimension: 'industry', hasAlumnus: true, scopes: { ...noScopes, industry: true }, termStart: null, termEnd: null, postStatus: 'active', nominationReason: null, endReason: null }),
    ...checkLiaisonPost({ dimension: 'planet', hasAlumnus: true, scopes: noScopes, termStart: null, termEnd: null, postStatus: 'active', nominationReason: null, endReason: null }),
    ...checkEvent({ startsAt: '2025-01-02T10:00:00Z', endsAt: '2025-01-01T10:00:00Z', registrationOpensAt: null, registrationClosesAt: '2025-02-01T00:00:00Z', venue: null, onlineUrl: 'ftp://x', organisers: { chapter: true, college: true, industry: false } }),
    ...checkEventPublishable({ startsAt: null, endsAt: null, registrationOpensAt: null, registrationClosesAt: null, venue: null, onlineUrl: null, organisers: { chapter: false, college: false, industry: false } }),
    ...checkCohortYears(['x']),
    ...checkDateFormats({ a: { type: 'date' }, b: { type: 'datetime' } }, { a: '2024-13-01', b: 'soon' }),
    ...checkOrder({ field: 'periodStart', value: '2024-02-01' }, { field: 'periodEnd', value: '2024-01-01' }, true),
    uniqueFieldError({ kind: 'unique', columns: ['student_no'], indexName: null }, () => 'studentNo', {}),
    { path: 'alumnus', message: 'already has a record for this session' },
    { path: 'course', message: 'is required' },
  ];

  it('every message a rule produces is in the catalogue, and reads as Chinese', () => {
    expect(produced.length).toBeGreaterThan(15);
    for (const problem of produced) {
      expect({ message: problem.message, parsed: !!parseMessage(problem.message) }).toEqual({ message: problem.message, parsed: true });
      const zh = localise(problem.message, 'zh-Hans').message;
      expect(zh).toMatch(han);
      expect(zh).not.toMatch(/termStart|startsAt|periodStart|session|chapter|college/);
    }
  });

  it('fills in the values in each language', () => {
    expect(localise('must be after termStart', 'zh-Hans').message).toBe('须晚于任期开始');
    expect(localise('a cohort post cannot have a chapter', 'zh-Hans').message).toBe('年级（班级）维度的岗位不能指定地区校友会');
    expect(localise('an event has one organiser: chapter and college are both set', 'zh-Hans').message).toBe('一个活动只有一个主办方：不能同时填写地区校友会、学院');
    expect(format('date.after', { field: 'termStart' }, 'en')).toBe('must be after termStart');
    expect(localise('something nobody catalogued', 'zh-Hans')).toEqual({ message: 'something nobody catalogued', id: null, values: {} });
  });

  it('errors carry the message id and values, and say the message in the language asked', () => {
    const en = validationError([{ path: 'termEnd', message: 'must be after termStart' }], 'en');
    const zh = validationError([{ path: 'termEnd', message: 'must be after termStart' }], 'zh-Hans');
    expect(en.message).toBe('termEnd: must be after termStart');
    expect(zh.message).toBe('任期结束：须晚于任期开始');
    expect((zh.details as any).errors[0]).toEqual({ path: ['termEnd'], message: '须晚于任期开始', name: 'ValidationError', messageId: 'liaison.error.date.after', values: { field: 'termStart' } });
    expect((conflictError([{ path: 'studentNo', message: 'is already taken by another record' }], 'zh-Hans') as any).details.errors[0].message).toBe('已被其他记录使用');
  });

  it('picks the language from Accept-Language, else the admin user’s preference, else English', () => {
    expect(languageOf('zh-Hans')).toBe('zh-Hans');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8', 'en')).toBe('zh-Hans');
    expect(languageOf('en', 'zh-Hans')).toBe('en');
    expect(languageOf(undefined, 'zh-Hans')).toBe('zh-Hans');
    expect(languageOf(undefined, null)).toBe('en');
  });
});
