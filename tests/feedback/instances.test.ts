import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeCohort, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { signInStaff } from '../helpers/staff';
import { SecondInstance } from '../helpers/instance';
import { endOfBeijingDay } from '../../plugins/liaison/server/src/feedback/working-days';

/**
 * The daily feedback job run by two Strapi instances on one PostgreSQL database at the same
 * time (a second app in the same process does not boot: the second is a child process).
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const FEEDBACK = 'plugin::liaison.feedback';
const second = new SecondInstance();

(onPostgres ? describe : describe.skip)('two instances sweeping overdue feedback (skipped on SQLite: one process)', () => {
  beforeAll(async () => {
    await setupStrapi();
    await second.start();
  }, 180000);

  afterAll(async () => {
    await second.stop();
    await teardownStrapi();
  });

  it('sends the reminder and then the escalation once each', async () => {
    const cohort = await makeCohort();
    const college = (await strapiApp().documents('plugin::liaison.cohort').findOne({ documentId: cohort.documentId, populate: ['college'] }))!.college;
    const staff = await signInStaff('College Staff', { colleges: [college.documentId] });
    const holder = await signedInAlumnus({ name: unique('联络员') });
    await makePost({ alumnus: holder.alumnus.documentId, cohort: cohort.documentId });
    const person = await signedInAlumnus({ name: unique('校友'), cohort: cohort.documentId });
    const items: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await http().post('/api/liaison/feedback').set(person.auth).send({ kind: 'complaint', content: `第 ${i} 条` });
      items.push(res.body.data.documentId);
    }
    await strapiApp().db.query(FEEDBACK).updateMany({ where: { documentId: { $in: items } }, data: { dueAt: endOfBeijingDay('2026-11-02') } });
    const sweep = (day: string) => Promise.all([strapiApp().plugin('liaison').service('feedback').sweep(day), second.call('feedbackSweep', { day }), second.call('feedbackSweep', { day })]);
    await sweep('2026-11-02');
    await sweep('2026-11-05');
    for (const kind of ['feedback-reminder', 'feedback-escalation']) {
      const all = await strapiApp()
        .db.query('plugin::liaison.notification')
        .findMany({ where: { kind, $or: items.map((d) => ({ dedupeKey: { $startsWith: `${kind}:${d}` } })) } });
      expect(all).toHaveLength(5);
      expect(new Set(all.map((m: any) => m.to))).toEqual(new Set([kind === 'feedback-reminder' ? holder.alumnus.email : staff.user.email]));
    }
  });
});
