import fs from 'fs';
import path from 'path';
import { installDatabaseGuards } from '../../plugins/liaison/server/src/services/db-guards';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';

/**
 * On PostgreSQL a website list page is one statement that returns its JSON, and its
 * total comes from totals the database keeps by trigger (plugins/liaison/server/src/
 * website/list-statement.ts, published-totals.ts). Both must answer exactly what the
 * query engine answers. Skipped on SQLite, which reads every list through the engine.
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

const website = () => strapiApp().plugin('liaison').service('website');
const stories = () => strapiApp().documents('plugin::liaison.story');
const knex = () => strapiApp().db.connection;

const realTotals = async (table: string) =>
  Object.fromEntries(
    (await knex()(table).whereNotNull('published_at').groupBy('locale').select('locale').count({ n: '*' })).map((r: any) => [
      r.locale,
      Number(r.n),
    ]),
  );
const keptTotals = async (table: string) =>
  Object.fromEntries(
    (await knex()('liaison_published_totals').where('table_name', table).select('locale', 'total')).map((r: any) => [
      r.locale,
      Number(r.total),
    ]),
  );
const withoutZeros = (totals: Record<string, number>) => Object.fromEntries(Object.entries(totals).filter(([, n]) => n !== 0));

let tag: string;

/**
 * Runs `read` and counts the statements that read stories, whichever way they reach the
 * database (knex or a prepared statement): every pooled connection's `query` is watched
 * meanwhile. Other work of the app (jobs, upload hooks) runs too, hence the filter.
 */
const storyStatements = async <T>(read: () => Promise<T>) => {
  const client = (knex() as any).client;
  const acquire = client.acquireConnection;
  const watched = new Map<any, any>();
  let statements = 0;
  client.acquireConnection = async function (...args: unknown[]) {
    const connection = await acquire.apply(this, args);
    if (!watched.has(connection)) {
      const query = connection.query;
      watched.set(connection, query);
      connection.query = function (config: any, ...rest: unknown[]) {
        if (/"stories"/.test(typeof config === 'string' ? config : (config?.text ?? ''))) statements += 1;
        return query.call(this, config, ...rest);
      };
    }
    return connection;
  };
  try {
    return { result: await read(), statements };
  } finally {
    client.acquireConnection = acquire;
    for (const [connection, query] of watched) connection.query = query;
  }
};

beforeAll(async () => {
  await setupStrapi();
  if (!onPostgres) return;
  tag = unique('stmt');
  const filepath = path.join(__dirname, '../../src/demo/images/homecoming-day.jpg');
  const [file] = await strapiApp()
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { alternativeText: 'a cover' } },
      files: { filepath, originalFilename: 'cover.jpg', mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
    });
  for (let i = 0; i < 7; i += 1) {
    const doc = await stories().create({
      data: {
        title: `Story ${i} ${tag}`,
        slug: unique('stmt'),
        summary: i % 2 ? null : 'a summary',
        tags: [tag, `n${i % 3}`],
        cohortYears: [2000 + i],
        ...(i % 3 ? { cover: file.id } : {}),
      } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
    if (i < 3)
      await stories().update({
        documentId: doc.documentId,
        locale: 'en',
        data: { title: `Story ${i} en ${tag}`, slug: unique('stmt-en') } as any,
        status: 'published',
      });
  }
});
afterAll(teardownStrapi);

(onPostgres ? describe : describe.skip)('website lists in one statement (PostgreSQL)', () => {
  const STORY_QUERIES: Record<string, unknown>[] = [
    {},
    { populate: 'cover' },
    { locale: 'en', populate: ['cover'] },
    { fields: ['title', 'publishedAt'], populate: { cover: true } },
    { filters: { tags: { $contains: 'x' } } },
    { sort: 'title:asc', pagination: { page: 2, pageSize: 3 } },
    { sort: ['publishedAt:asc', 'title:desc'], pagination: { start: 1, limit: 4 }, populate: 'cover' },
    { pagination: { pageSize: 5, withCount: 'false' } },
    { pagination: { page: 999, pageSize: 10 } },
    { filters: { title: { $containsi: 'story 1' } }, populate: 'cover' },
    { filters: { $or: [{ slug: { $startsWith: 'stmt' } }, { summary: { $null: true } }] } },
  ];

  it('answers exactly what the query engine answers, in one statement', async () => {
    for (const raw of STORY_QUERIES) {
      const query = JSON.parse(JSON.stringify(raw).replace('"x"', JSON.stringify(tag)));
      const { result, statements } = await storyStatements(() => website().findStories(query));
      const fast = JSON.parse(result);
      const engine = JSON.parse(await website().findStories(query, { statement: false }));
      expect({ query, answer: fast }).toEqual({ query, answer: engine });
      expect({ query, statements }).toEqual({ query, statements: 1 });
    }
    const tagged = JSON.parse(await website().findStories({ filters: { tags: { $contains: tag } }, populate: 'cover' }));
    expect(tagged.data).toHaveLength(7);
    expect(tagged.data.filter((s: any) => s.cover?.formats?.thumbnail)).toHaveLength(4);
  });

  it('answers events, upcoming and past, as the query engine does', async () => {
    for (const query of [
      {},
      { timeframe: 'upcoming', populate: 'cover' },
      { timeframe: 'past', pagination: { pageSize: 2 } },
      { sort: 'capacity:desc' },
    ]) {
      const fast = JSON.parse(await website().findEvents(query));
      const engine = JSON.parse(await website().findEvents(query, { statement: false }));
      expect({ query, answer: fast }).toEqual({ query, answer: engine });
    }
  });

  it("keeps each locale's published total through publish, unpublish, delete, bulk inserts and rollbacks", async () => {
    const check = async () => expect(withoutZeros(await keptTotals('stories'))).toEqual(await realTotals('stories'));
    await check();
    const draft = await stories().create({ data: { title: 'draft', slug: unique('stmt-draft') } as any, locale: 'zh-Hans' });
    await check();
    await stories().publish({ documentId: draft.documentId, locale: 'zh-Hans' });
    await check();
    await stories().update({
      documentId: draft.documentId,
      locale: 'en',
      data: { title: 'en', slug: unique('stmt-en') } as any,
      status: 'published',
    });
    await check();
    await stories().unpublish({ documentId: draft.documentId, locale: 'zh-Hans' });
    await check();
    await stories().delete({ documentId: draft.documentId, locale: '*' });
    await check();

    const before = await keptTotals('stories');
    await expect(
      strapiApp().db.transaction(async ({ trx }) => {
        await trx('stories').insert({
          document_id: 'rolledbackrolledbackroll',
          locale: 'zh-Hans',
          title: 'gone',
          slug: unique('gone'),
          published_at: new Date(),
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await keptTotals('stories')).toEqual(before);

    const rows = Array.from({ length: 50 }, (_, i) => ({
      document_id: `bulk${tag.replace(/[^a-z0-9]/g, '').slice(-12)}${String(i).padStart(8, '0')}`.slice(0, 24),
      locale: i % 2 ? 'en' : 'zh-Hans',
      title: `bulk ${i}`,
      slug: unique('bulk'),
      published_at: i % 5 ? new Date() : null,
    }));
    await knex()('stories').insert(rows);
    await check();
    expect((await keptTotals('stories'))['zh-Hans']).toBe((before['zh-Hans'] ?? 0) + 20);
    await knex()('stories')
      .whereIn(
        'slug',
        rows.map((r) => r.slug),
      )
      .update({ locale: 'en' });
    await check();
    await knex()('stories')
      .whereIn(
        'slug',
        rows.map((r) => r.slug),
      )
      .del();
    await check();
    expect(await keptTotals('stories')).toEqual(before);

    const page = await http()
      .get('/api/stories')
      .query({ locale: 'en', pagination: { pageSize: 1 } });
    expect(page.body.meta.pagination.total).toBe((await realTotals('stories')).en);
  });

  it('counts the totals afresh at start, whatever changed while the triggers were away', async () => {
    await knex()('liaison_published_totals').where('table_name', 'stories').update({ total: 123456 });
    await installDatabaseGuards(strapiApp());
    expect(withoutZeros(await keptTotals('stories'))).toEqual(await realTotals('stories'));
  });
});
