import path from 'path';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeCohort, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';

// The compiled module the app runs (its registry of measures), not a second copy from the sources.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measureOf } = require('../../plugins/liaison/dist/server/appraisal/measures');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const migration = require('../../database/migrations/2026.12.03T02.00.00.feedback-kinds.js');

const FEEDBACK = 'plugin::liaison.feedback';
const rowsOf = (r: any) => (Array.isArray(r) ? r : r.rows);

beforeAll(setupStrapi, 120000);
afterAll(teardownStrapi);

describe('the kinds of feedback', () => {
  it('rewrites the first categories of existing rows to the kinds of issue 17', async () => {
    const knex = strapiApp().db.connection;
    const created: number[] = [];
    for (const category of ['need', 'opinion', 'data_update', 'complaint', 'suggestion']) {
      const row = await strapiApp().db.query(FEEDBACK).create({ data: { category: 'other', content: unique('旧'), receivedAt: new Date(), feedbackStatus: 'open' } });
      await knex('liaison_feedback').where({ id: row.id }).update({ category });
      created.push(row.id);
    }
    await migration.up(knex);
    const after = rowsOf(await knex.raw(`SELECT category FROM liaison_feedback WHERE id IN (${created.join(',')}) ORDER BY id`)).map((r: any) => r.category);
    expect(after).toEqual(['other', 'other', 'data_correction', 'complaint', 'suggestion']);
  });
});

describe('the appraisal measure feedback_on_time', () => {
  it('counts, for the responsible post, the items answered through the API by their deadline', async () => {
    const cohort = await makeCohort();
    const holder = await signedInAlumnus({ name: unique('联络员') });
    const post = await makePost({ alumnus: holder.alumnus.documentId, cohort: cohort.documentId });
    const person = await signedInAlumnus({ name: unique('校友'), cohort: cohort.documentId });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await http().post('/api/liaison/feedback').set(person.auth).send({ kind: 'career_help', content: `问题 ${i}` });
      expect(res.status).toBe(201);
      ids.push(res.body.data.documentId);
    }
    // The first answered on time, the second after its deadline (moved into the past), the third not at all.
    await strapiApp().db.query(FEEDBACK).update({ where: { documentId: ids[1] }, data: { dueAt: new Date(Date.now() - 60_000) } });
    for (const documentId of ids.slice(0, 2)) {
      expect((await http().post(`/api/liaison/feedback/${documentId}/answer`).set(holder.auth).send({ answer: '答复' })).status).toBe(200);
    }
    const year = new Date().getUTCFullYear();
    // The window is on the deadline: the whole of this year and next (a deadline in early January).
    const { sql, bindings } = measureOf('feedback_on_time').query({ strapi: strapiApp(), periodStart: `${year - 1}-01-01`, periodEnd: `${year + 1}-12-31` });
    const rows = rowsOf(await strapiApp().db.connection.raw(sql, bindings));
    const mine = rows.find((r: any) => Number(r.post_id) === post.id);
    expect(Number(mine?.value)).toBe(1);
  });
});
