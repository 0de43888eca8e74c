import { z } from '@strapi/utils';
import { MESSAGES, format, isMessageId, languageOf } from '../../plugins/liaison/server/src/rules/messages';
import { checkEvent, checkEventPublishable, checkLiaisonPost, checkCohortYears, checkDateFormats, checkOrder, fieldError } from '../../plugins/liaison/server/src/rules';
import { validationError, conflictError } from '../../plugins/liaison/server/src/utils/errors';
import { uniqueFieldError } from '../../plugins/liaison/server/src/utils/db-errors';
import { day, documentId, oneOf, parseWith, problemsOf, says, wholeNumber } from '../../plugins/liaison/server/src/rules/inputs';
import { parseInput } from '../../plugins/liaison/server/src/utils/input';
import { appointmentInput } from '../../plugins/liaison/server/src/assignment/inputs';

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
    fieldError('alumnus', 'unique.together', { field: 'session' }),
    fieldError('course', 'required'),
  ];

  it('every message a rule produces names its id in the catalogue, with the English derived from it, and reads as Chinese', () => {
    expect(produced.length).toBeGreaterThan(15);
    for (const problem of produced) {
      expect(isMessageId(problem.id)).toBe(true);
      expect(problem.message).toBe(format(problem.id, problem.values, 'en'));
      const zh = format(problem.id, problem.values, 'zh-Hans');
      expect(zh).toMatch(han);
      expect(zh).not.toMatch(/termStart|startsAt|periodStart|session|chapter|college/);
    }
  });

  it('fills in the values in each language', () => {
    expect(format('date.after', { field: 'termStart' }, 'zh-Hans')).toBe('须晚于任期开始');
    expect(fieldError('termEnd', 'date.after', { field: 'termStart' })).toEqual({ path: 'termEnd', id: 'date.after', values: { field: 'termStart' }, message: 'must be after termStart' });
    expect(format('post.scopeExtra', { dimension: 'cohort', field: 'chapter' }, 'zh-Hans')).toBe('年级（班级）维度的岗位不能指定地区校友会');
    expect(format('event.organisers', { fields: 'chapter and college' }, 'zh-Hans')).toBe('一个活动只有一个主办方：不能同时填写地区校友会、学院');
    expect(format('date.after', { field: 'termStart' }, 'en')).toBe('must be after termStart');
    expect(fieldError('posts', 'common.wholeNumber', { min: 0, max: 1000 }).values).toEqual({ min: '0', max: '1000' });
    expect(isMessageId('something nobody catalogued')).toBe(false);
    expect(isMessageId('constructor')).toBe(false);
  });

  it('errors carry the message id and values, and say the message in the language asked', () => {
    const en = validationError([fieldError('termEnd', 'date.after', { field: 'termStart' })], 'en');
    const zh = validationError([fieldError('termEnd', 'date.after', { field: 'termStart' })], 'zh-Hans');
    expect(en.message).toBe('termEnd: must be after termStart');
    expect(zh.message).toBe('任期结束：须晚于任期开始');
    expect((zh.details as any).errors[0]).toEqual({ path: ['termEnd'], message: '须晚于任期开始', name: 'ValidationError', messageId: 'liaison.error.date.after', values: { field: 'termStart' } });
    expect((conflictError([fieldError('studentNo', 'unique.taken')], 'zh-Hans') as any).details.errors[0].message).toBe('已被其他记录使用');
  });

  it('picks the language from Accept-Language, else the admin user’s preference, else English', () => {
    expect(languageOf('zh-Hans')).toBe('zh-Hans');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8', 'en')).toBe('zh-Hans');
    expect(languageOf('en', 'zh-Hans')).toBe('en');
    expect(languageOf(undefined, 'zh-Hans')).toBe('zh-Hans');
    expect(languageOf(undefined, null)).toBe('en');
  });
});

describe('a request parsed by its schema', () => {
  /** A request being served, as Strapi's request context hands it to the errors. */
  const serving = (acceptLanguage: string | undefined, run: () => unknown) => {
    const g = globalThis as any;
    const before = g.strapi;
    g.strapi = { requestContext: { get: () => ({ get: (h: string) => (h === 'accept-language' ? acceptLanguage : undefined), state: {} }) } };
    try {
      return run();
    } finally {
      g.strapi = before;
    }
  };
  const refusal = (acceptLanguage: string | undefined, data: unknown) => {
    try {
      serving(acceptLanguage, () => parseInput(appointmentInput, data));
    } catch (error: any) {
      return { name: error.name, status: error.details && 400, message: error.message, errors: error.details.errors };
    }
    throw new Error('the request was not refused');
  };

  it('hands back the typed value', () => {
    expect(parseInput(appointmentInput, { termStart: '2026-07-01', termEnd: '', appointments: [{ studentNo: ' 2019001 ', role: 'monitor' }] })).toEqual({
      termStart: '2026-07-01',
      termEnd: null,
      appointments: [{ role: 'monitor', studentNo: '2019001' }],
      locale: 'zh-Hans',
    });
  });

  it('turns a zod issue into a 400 naming the field path, with the message id, in English', () => {
    const en = refusal('en', { termStart: '2026-07-01', appointments: [{ alumnus: 'bad id!', role: 'monitor' }] });
    expect(en.name).toBe('ValidationError');
    expect(en.message).toBe('appointments[0].alumnus: must be the documentId of an alumnus');
    expect(en.errors).toEqual([
      { path: ['appointments[0].alumnus'], message: 'must be the documentId of an alumnus', name: 'ValidationError', messageId: 'liaison.error.assignment.alumnusId', values: {} },
    ]);
  });

  it('says the same in Chinese to Accept-Language: zh-CN, with the same message id and values', () => {
    const data = { termStart: '2026-02-30', appointments: [{ role: 'king' }] };
    const [en, zh] = [refusal(undefined, data), refusal('zh-CN,zh;q=0.9', data)];
    expect(en.errors.map((e: any) => e.path[0])).toEqual(['termStart', 'appointments[0].role', 'appointments[0].alumnus']);
    expect(zh.errors.map((e: any) => [e.path, e.messageId, e.values])).toEqual(en.errors.map((e: any) => [e.path, e.messageId, e.values]));
    expect(zh.errors[0].message).toBe('为必填项，格式为 yyyy-MM-dd');
    expect(zh.errors[1].message).toMatch(/^须为以下之一：/);
    expect(zh.message).toMatch(/^任期开始：为必填项，格式为 yyyy-MM-dd；/);
  });

  it('says by its kind what an issue without a message of ours is', () => {
    const schema = z.object({ a: z.string(), b: z.number().max(5), c: z.enum(['x', 'y']), d: z.array(z.string()) });
    expect(parseWith(schema, { b: 9, c: 'z', d: 'no' }).problems.map((p) => [p.path, p.message])).toEqual([
      ['a', 'is required'],
      ['b', 'must be at most 5'],
      ['c', 'must be one of x, y'],
      ['d', 'must be a list'],
    ]);
    // Without our messages at hand (zod's own error map), an issue is still one of ours: not valid.
    expect(problemsOf(schema.safeParse({ a: 'x', b: 9, c: 'x', d: [] }).error!.issues)).toEqual([fieldError('b', 'common.invalid')]);
  });

  it('refuses prototype names, NUL bytes and numbers too large as 400 naming the field, never a crash', () => {
    const schema = z.object({ id: documentId(), on: day(), n: wholeNumber(0, 10), kind: oneOf(['a', 'b']) });
    const { problems } = parseWith(schema, JSON.parse('{"id":"a\\u0000b","on":"2024-01-01\\u0000","n":1e400,"kind":"constructor","__proto__":{"x":1}}'));
    expect(problems.map((p) => [p.path, p.id])).toEqual([
      ['id', 'common.documentId'],
      ['on', 'date.format'],
      ['n', 'common.wholeNumber'],
      ['kind', 'common.oneOf'],
    ]);
    expect(({} as any).x).toBeUndefined();
    expect(says('required')).not.toMatch(/is required/);
  });
});
