import type { AddressInfo } from 'net';
import request from 'supertest';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeChapter, makeCollege } from '../helpers/fixtures';

/**
 * The public API fuzzed from its own OpenAPI document, read from the running app. For each
 * path and parameter the document's schemas give valid values (enums, types, examples) and
 * hostile ones (prototype names, NUL bytes, huge numbers, empty values, lists and nested
 * brackets where one value is expected, very long and non-Latin text). Whether a request is
 * valid is decided by the document alone (a small JSON Schema check below), and then:
 * no answer is a 5xx; a request the document allows answers 2xx (404 for a key that names
 * nothing); one it does not allow answers 400 naming the parameter. The generator is seeded
 * (FUZZ_SEED), so a failure is replayed by running the file again.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261301);
const COMBINATIONS = 30;
/** Requests in flight at once: reads only, so the order does not matter. */
const IN_FLIGHT = 4;

type Schema = Record<string, any>;
interface Param {
  name: string;
  in: 'query' | 'path';
  style?: string;
  explode?: boolean;
  allowEmptyValue?: boolean;
  schema: Schema;
}
interface Operation {
  path: string;
  params: Param[];
  notFound: boolean;
}
interface Case {
  operation: Operation;
  values: Map<string, unknown>;
  /** A path or `chapter` value known to name a record: the answer must be 200, not 404. */
  known?: boolean;
}

/** mulberry32: a small seeded generator, good enough to pick test values. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = seeded(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;

let doc: any;
const resolve = (schema: Schema): Schema => {
  let s = schema;
  while (s?.$ref)
    s = s.$ref
      .split('/')
      .slice(1)
      .reduce((node: any, key: string) => node[key], doc);
  return s;
};

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value, as the query string carries it (text, lists, objects), is one the schema allows. */
const valid = (raw: Schema, v: unknown): boolean => {
  const s = resolve(raw);
  if (s.anyOf && !s.anyOf.some((branch: Schema) => valid(branch, v))) return false;
  if (s.enum && !s.enum.includes(v)) return false;
  switch (s.type) {
    case 'string': {
      if (typeof v !== 'string') return false;
      if (s.maxLength !== undefined && [...v].length > s.maxLength) return false;
      return !s.pattern || new RegExp(s.pattern, 'u').test(v);
    }
    case 'integer': {
      if (typeof v !== 'string' || !/^-?\d+$/.test(v)) return false;
      const n = Number(v);
      return (s.minimum === undefined || n >= s.minimum) && (s.maximum === undefined || n <= s.maximum);
    }
    case 'boolean':
      return v === 'true' || v === 'false';
    case 'array': {
      if (!Array.isArray(v)) return false;
      if ((s.minItems !== undefined && v.length < s.minItems) || (s.maxItems !== undefined && v.length > s.maxItems)) return false;
      return v.every((item) => valid(s.items, item));
    }
    case 'object': {
      if (!isPlain(v)) return false;
      const keys = Object.keys(v);
      if ((s.minProperties !== undefined && keys.length < s.minProperties) || (s.maxProperties !== undefined && keys.length > s.maxProperties)) return false;
      return keys.every((k) => (s.properties?.[k] ? valid(s.properties[k], v[k]) : s.additionalProperties !== false));
    }
    default:
      return true;
  }
};

const TEXT = ['abc', '校友会', 'Ünïcödé', 'a b', '😀🎓', "o'brien", '100%', 'x'.repeat(500)];

/** A value the schema allows, chosen at random (examples and enums first). */
const generate = (raw: Schema, depth = 0): unknown => {
  const s = resolve(raw);
  if (s.examples && chance(0.7)) return pick(s.examples);
  if (s.anyOf) return generate({ ...s, anyOf: undefined, ...pick(s.anyOf) }, depth);
  if (s.enum) return pick(s.enum);
  switch (s.type) {
    case 'string':
      if (s.maxLength === 0) return '';
      return s.pattern && s.examples ? pick(s.examples) : pick(TEXT.filter((t) => [...t].length <= (s.maxLength ?? Infinity)));
    case 'integer': {
      const min = s.minimum ?? 0;
      const max = s.maximum ?? min + 1000;
      const options = [min, max, min + Math.floor(random() * Math.min(1000, max - min + 1))];
      if (s.maximum === undefined) options.push(Number.MAX_SAFE_INTEGER);
      return String(pick(options));
    }
    case 'boolean':
      return pick(['true', 'false']);
    case 'array': {
      const n = Math.max(s.minItems ?? 1, Math.min(s.maxItems ?? 3, 1 + Math.floor(random() * 3)));
      const items = Array.from({ length: n }, () => generate(s.items, depth + 1));
      return s.uniqueItems ? [...new Set(items)] : items;
    }
    case 'object': {
      // Nested $and, $or and $not stop at two levels.
      const keys = Object.keys(s.properties ?? {}).filter((k) => depth < 2 || !['$and', '$or', '$not'].includes(k));
      const n = Math.min(s.maxProperties ?? 2, keys.length, 1 + Math.floor(random() * 2));
      const chosen = new Set<string>();
      while (chosen.size < n) chosen.add(pick(keys));
      return Object.fromEntries([...chosen].map((k) => [k, generate(s.properties[k], depth + 1)]));
    }
    default:
      return 'abc';
  }
};

const HUGE = '288230376151711745';
/** Hostile values: prototype names, NUL bytes, numbers too large, empty, long and non-Latin text, structure where text is expected. */
// prettier-ignore
const HOSTILE: unknown[] = [
  '__proto__', 'constructor', 'hasOwnProperty', 'toString', '\u0000', 'a\u0000b', HUGE, `-${HUGE}`, '-1', '0', '1.5', '1e3', '',
  'notadate', 'true', 'x'.repeat(501), '😀'.repeat(501), '校'.repeat(300), '[]', '{}', '%', 'a,b',
  ['a', 'b'], ['1'], { a: { b: 'c' } }, { $eq: 'x' },
];
/** Keys that are no field, to put where the document names fields (prototype names are dropped by the query parser itself). */
const HOSTILE_KEYS = ['nosuchfield', '$regex', 'createdBy', 'password'];

/** A copy of a generated object with one leaf, or one key, replaced by something hostile. */
const mutate = (value: unknown): unknown => {
  if (Array.isArray(value) && value.length) {
    const copy = [...value];
    const i = Math.floor(random() * copy.length);
    copy[i] = mutate(copy[i]);
    return copy;
  }
  if (isPlain(value) && Object.keys(value).length) {
    const copy: Record<string, unknown> = { ...value };
    if (chance(0.2)) copy[pick(HOSTILE_KEYS)] = 'x';
    else {
      const key = pick(Object.keys(copy));
      copy[key] = mutate(copy[key]);
    }
    return copy;
  }
  return pick(HOSTILE);
};

/** `name[key][0]=value` pairs, as qs (Strapi's query parser) reads them. */
const brackets = (prefix: string, v: unknown): string[] => {
  if (Array.isArray(v)) return v.flatMap((item, i) => brackets(`${prefix}[${i}]`, item));
  if (isPlain(v)) return Object.entries(v).flatMap(([k, item]) => brackets(`${prefix}[${encodeURIComponent(k)}]`, item));
  return [`${prefix}=${encodeURIComponent(String(v))}`];
};

const commaList = (p: Param) => p.style === 'form' && p.explode === false && resolve(p.schema).type === 'array';
const serialise = (p: Param, v: unknown) =>
  commaList(p) && Array.isArray(v) && v.every((x) => typeof x === 'string')
    ? [`${p.name}=${v.map((x) => encodeURIComponent(x)).join(',')}`]
    : brackets(p.name, v);
/** The value as the document reads it: a comma list is a list. */
/** The value as the document reads it off the wire: a comma list is a list (and `['']` was sent as an empty value). */
const onTheWire = (p: Param, v: unknown) => (commaList(p) && Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(',') : v);
const allowed = (p: Param, value: unknown) => {
  const v = onTheWire(p, value);
  if (v === '' && p.allowEmptyValue) return true;
  return valid(p.schema, commaList(p) && typeof v === 'string' ? v.split(',') : v);
};

const urlOf = (c: Case) => {
  let path = c.operation.path;
  const query: string[] = [];
  for (const p of c.operation.params) {
    if (!c.values.has(p.name)) continue;
    const v = c.values.get(p.name);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
    else query.push(...serialise(p, v));
  }
  return query.length ? `${path}?${query.join('&')}` : path;
};

let known: Record<string, string[]> = {};
/** The app listening once, for requests in parallel (supertest would listen anew for each). */
let base: string;

/** Every operation's cases: each parameter alone (valid and hostile), then random valid combinations with one hostile value at times. */
const casesOf = (operation: Operation): Case[] => {
  const cases: Case[] = [];
  const base = () => {
    const values = new Map<string, unknown>();
    for (const p of operation.params.filter((x) => x.in === 'path')) values.set(p.name, pick(known[operation.path] ?? ['no-such-record']));
    return values;
  };
  for (const p of operation.params) {
    const samples: unknown[] = [];
    for (let i = 0; i < 5; i += 1) samples.push(generate(p.schema));
    const generated = generate(p.schema);
    samples.push(...HOSTILE, ...(isPlain(generated) || Array.isArray(generated) ? [mutate(generated), mutate(generated), mutate(generated)] : []));
    if (p.in === 'path') samples.push(...(known[operation.path] ?? []));
    if (p.name === 'chapter') samples.push(...known.chapter);
    for (const v of samples) {
      if (p.in === 'path' && (v === '' || typeof v !== 'string')) continue;
      const values = base();
      values.set(p.name, v);
      cases.push({ operation, values });
    }
  }
  for (let i = 0; i < COMBINATIONS; i += 1) {
    const values = base();
    for (const p of operation.params.filter((x) => x.in === 'query')) if (chance(0.5)) values.set(p.name, generate(p.schema));
    if (chance(0.3)) {
      const p = pick(operation.params.filter((x) => x.in === 'query'));
      values.set(p.name, mutate(generate(p.schema)));
    }
    cases.push({ operation, values });
  }
  return cases;
};

interface Failure {
  url: string;
  status: number;
  expected: string;
  body: string;
}

const check = async (c: Case, failures: Failure[]) => {
  const url = urlOf(c);
  const invalid = c.operation.params.filter((p) => c.values.has(p.name) && !allowed(p, c.values.get(p.name))).map((p) => p.name);
  const res = await request(base).get(url);
  const paths: string[] = (res.body?.error?.details?.errors ?? []).map((e: any) => String(e.path?.[0] ?? ''));
  const named = paths.some((path) => invalid.includes(path.split('[')[0]));
  // A known record may have no English version: asked in English it is a 404 like any other.
  const namesKnown = c.values.get('locale') !== 'en' && [...c.values.values()].some((v) => typeof v === 'string' && Object.values(known).flat().includes(v));
  const ok = invalid.length
    ? res.status === 400 && named
    : (res.status >= 200 && res.status < 300) || (res.status === 404 && c.operation.notFound && !namesKnown);
  if (!ok || res.status >= 500) {
    const expected = invalid.length ? `400 naming ${invalid.join(' or ')}` : '2xx';
    failures.push({
      url: url.slice(0, 300),
      status: res.status,
      expected,
      body: JSON.stringify(res.body).slice(0, 300),
    });
  }
};

beforeAll(async () => {
  const server = (await setupStrapi()).server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const college = await makeCollege({ code: unique('FZ').slice(0, 12) });
  const chapter = await makeChapter({ province: '测试省' });
  const story = await strapiApp()
    .documents('plugin::liaison.story')
    .create({
      data: {
        title: '校友的故事',
        slug: unique('fuzz-story'),
        summary: '一位校友',
        cohortYears: [2006],
        tags: ['fuzz'],
        colleges: [college.documentId],
        chapters: [chapter.documentId],
      } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
  const event = await strapiApp()
    .documents('plugin::liaison.event')
    .create({
      data: {
        title: '年会',
        slug: unique('fuzz-event'),
        type: 'reunion',
        chapter: chapter.documentId,
        venue: '会议中心',
        capacity: 80,
        startsAt: '2031-01-01T10:00:00.000Z',
      } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
  known = {
    '/api/stories/{idOrSlug}': [story.slug, story.documentId],
    '/api/events/{idOrSlug}': [event.slug, event.documentId],
    chapter: [chapter.documentId],
  };
  const res = await http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(teardownStrapi);

it('answers every request generated from /api/openapi.json as the document says: no 5xx, valid → 2xx, invalid → 400 naming the parameter', async () => {
  const operations: Operation[] = Object.entries(doc.paths).map(([path, item]: [string, any]) => ({
    path,
    params: item.get.parameters as Param[],
    notFound: !!item.get.responses['404'],
  }));
  expect(operations.length).toBeGreaterThanOrEqual(7);
  const cases = operations.flatMap(casesOf);
  const failures: Failure[] = [];
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await check(c, failures);
    }),
  );
  // One line per kind of failure (path, status, what was expected), with an example of each.
  const kinds = new Map<string, Failure>();
  for (const f of failures) kinds.set(`${f.url.split('?')[0]} ${f.status} (expected ${f.expected.replace(/naming .*/, 'naming …')})`, f);
  expect({
    seed: SEED,
    requests: cases.length,
    failures: failures.length,
    kinds: [...kinds].map(([kind, f]) => `${kind}: GET ${f.url} → ${f.body}`),
  }).toEqual({
    seed: SEED,
    requests: cases.length,
    failures: 0,
    kinds: [],
  });
}, 120_000);

it('ignores prototype names used as parameter or filter names (the query parser drops them) without a 5xx', async () => {
  for (const url of [
    '/api/stories?constructor=1',
    '/api/stories?__proto__[x]=1',
    '/api/stories?filters[constructor][$eq]=x',
    '/api/stories?filters[__proto__][title]=x',
    '/api/stories?filters[title][constructor]=x',
    '/api/events?pagination[__proto__]=1',
    '/api/liaison/chapters?hasOwnProperty=1',
  ]) {
    const res = await http().get(url);
    expect([url, res.status]).toEqual([url, 200]);
  }
});
