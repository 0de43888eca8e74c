import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken, CM } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

const ALUMNI = `${CM}/plugin::liaison.alumnus`;

beforeAll(setupStrapi);
afterAll(teardownStrapi);

// The compiled module the running Strapi uses (its record of which databases have the indexes).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const searchIndex = require('../../plugins/liaison/dist/server/board/search-index');

const isPostgres = () => strapiApp().db.dialect.client === 'postgres';
const onPostgres = (name: string, fn: () => Promise<void>) =>
  it(name, async () => {
    if (!isPostgres()) return; // PostgreSQL only: SQLite has no pg_trgm, and searches its small tables by scanning
    await fn();
  });

describe("the Content Manager's search of alumni", () => {
  // Unique per run: the tests share one database.
  const tag = unique('x').replace(/[^a-z0-9]/gi, '').slice(-8).toLowerCase();
  const phone = `139${String(Date.now()).slice(-8)}`;
  let person: any;
  let other: any;
  let token: string;
  const found = async (q: string, as = token) => {
    const res = await withToken(as).get(`${ALUMNI}?page=1&pageSize=100&sort=name:ASC&_q=${encodeURIComponent(q)}`);
    expect({ q, status: res.status }).toEqual({ q, status: 200 });
    return { ids: res.body.results.map((r: any) => r.documentId) as string[], total: res.body.pagination.total as number };
  };

  beforeAll(async () => {
    token = await adminToken();
    const college = await makeCollege();
    const cohort = await makeCohort({ college: college.documentId });
    person = await makeAlumnus({
      name: '司马懿昭',
      cohort: cohort.documentId,
      phone,
      email: `Sima.${tag}@Example.com`,
      wechat: `wx_${tag}`,
    });
    other = await makeAlumnus({ name: '司马懿', cohort: cohort.documentId, email: `other.${tag}@example.com` });
  });

  it('finds a person by a fragment of their phone, e-mail (any case) or WeChat, and by name, pinyin and initials', async () => {
    for (const q of [phone.slice(2, 9), phone, `sima.${tag}`, `SIMA.${tag.toUpperCase()}@EXAMPLE`, `wx_${tag}`, '司马懿昭', '马懿昭', 'simayizhao', 'smyz', ' 司马懿昭 ']) {
      const { ids } = await found(q);
      expect({ q, found: ids.includes(person.documentId) }).toEqual({ q, found: true });
    }
  });

  it('finds by one or two characters, which have no trigrams', async () => {
    for (const q of ['昭', '懿昭', 'yz']) {
      const { ids } = await found(q);
      expect({ q, found: ids.includes(person.documentId) }).toEqual({ q, found: true });
    }
    // Two characters are looked for in the name, pinyin and initials, not in an address.
    expect((await found('@e')).ids).not.toContain(person.documentId);
    // 懿 alone: both of them, and the total counts them both.
    const both = await found('懿');
    expect(both.ids).toEqual(expect.arrayContaining([person.documentId, other.documentId]));
    expect(both.total).toBe(both.ids.length);
  });

  it('finds exactly the records that hold the words, the total included', async () => {
    const { ids, total } = await found(tag);
    expect(ids.sort()).toEqual([person.documentId, other.documentId].sort());
    expect(total).toBe(2);
    expect((await found(`${tag}zzz`)).ids).toEqual([]);
    // LIKE's wildcards are what they are: % and _ match themselves only.
    expect((await found(`sima%${tag}`)).ids).toEqual([]);
    expect((await found(`sima_${tag}`)).ids).toEqual([]);
  });

  it('keeps the other filters of the list', async () => {
    const res = await withToken(token).get(`${ALUMNI}?_q=${tag}&filters[name][$eq]=${encodeURIComponent('司马懿')}`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.documentId)).toEqual([other.documentId]);
  });

  it("searches a College Staff member's alumni by name and student number, never by phone or e-mail", async () => {
    const college = await makeCollege();
    const mine = await makeAlumnus({ name: '诸葛明亮', cohort: (await makeCohort({ college: college.documentId })).documentId, phone: `138${String(Date.now()).slice(-8)}`, email: `zg.${tag}@example.com` });
    const staff = await signInStaff('College Staff', { colleges: [college.documentId] });
    expect((await found('诸葛明亮', staff.token)).ids).toEqual([mine.documentId]);
    expect((await found('zgml', staff.token)).ids).toEqual([mine.documentId]);
    expect((await found(mine.studentNo, staff.token)).ids).toEqual([mine.documentId]);
    expect((await found(`zg.${tag}`, staff.token)).ids).toEqual([]);
    expect((await found(mine.phone.slice(3), staff.token)).ids).toEqual([]);
    // Not another college's alumni, however they match.
    expect((await found('司马懿昭', staff.token)).ids).toEqual([]);
  });

  it("answers the relation picker's search by name the same way, within a scoped user's reach", async () => {
    const picker = (q: string, as = token) =>
      withToken(as).get(`/content-manager/relations/plugin::liaison.liaison/alumnus?pageSize=50&_q=${encodeURIComponent(q)}`);
    for (const q of ['司马懿昭', '懿昭', '昭']) {
      const res = await picker(q);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
      expect({ q, found: res.body.results.some((r: any) => r.documentId === person.documentId) }).toEqual({ q, found: true });
    }
    // The main field only: not the e-mail address.
    expect((await picker(`sima.${tag}`)).body.results).toEqual([]);
    // Both of them, and only people whose name holds the words (other tests' alumni may too).
    const both = await picker('司马懿');
    expect(both.body.results.map((r: any) => r.documentId)).toEqual(expect.arrayContaining([person.documentId, other.documentId]));
    expect(both.body.results.filter((r: any) => !String(r.name).includes('司马懿'))).toEqual([]);
    expect(both.body.pagination.total).toBe(both.body.results.length);
    // College Staff of another college: their picker stays within their colleges.
    const staff = await signInStaff('College Staff', { colleges: [(await makeCollege()).documentId] });
    const theirs = await picker('司马懿', staff.token);
    expect(theirs.status).toBe(200);
    expect(theirs.body.results).toEqual([]);
  });

  onPostgres('has the search indexes after bootstrap, and the search text is what they index', async () => {
    const app = strapiApp();
    const knex = app.db.connection;
    const extension = await knex.raw(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(extension.rows.length).toBe(1);
    const indexes = (await knex.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'liaison_alumni'`)).rows;
    const byName = new Map<string, string>(indexes.map((r: any) => [r.indexname, r.indexdef]));
    const [trigrams, pieces] = searchIndex.searchIndexes(app);
    expect(byName.get(trigrams.name)).toMatch(/USING gin .*gin_trgm_ops/s);
    expect(byName.get(pieces.name)).toMatch(/USING gin .*liaison_search_pieces/s);
    // Only the current ones: each name carries a hash of its definition.
    const ours = [...byName.keys()].filter((n) => n.startsWith(`${trigrams.base}_`) || n.startsWith(`${pieces.base}_`));
    expect(ours.sort()).toEqual([trigrams.name, pieces.name].sort());
    // With sequential scans off, the planner must be able to answer both kinds of term from the
    // indexes: the search's conditions are the indexes' expressions, word for word.
    await knex.transaction(async (trx: any) => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      const plan = async (term: string, fields: string[]) => {
        const condition = searchIndex.indexedCondition(app, 'a', term, fields);
        expect({ term, indexed: condition !== null }).toEqual({ term, indexed: true });
        return (await trx.raw(`EXPLAIN SELECT a.id FROM liaison_alumni a WHERE ${condition.sql}`, condition.bindings)).rows
          .map((r: any) => r['QUERY PLAN'])
          .join('\n');
      };
      expect(await plan(phone.slice(2, 9), ['name', 'searchKey', 'phone', 'email'])).toContain(trigrams.name);
      expect(await plan('懿昭', ['name', 'searchKey'])).toContain(pieces.name);
    });
  });

  onPostgres('creates them once: a second bootstrap changes nothing', async () => {
    const app = strapiApp();
    const before = (await app.db.connection.raw(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'liaison_alumni'`)).rows[0].n;
    await searchIndex.installSearchIndexes(app);
    const after = (await app.db.connection.raw(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'liaison_alumni'`)).rows[0].n;
    expect(after).toBe(before);
  });
});
