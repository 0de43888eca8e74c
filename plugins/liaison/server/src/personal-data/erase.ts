import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules/field-error';
import { conflictError, requestLanguage } from '../utils/errors';
import { isPostgres, joinOf } from '../utils/db';
import { LIVE_STATUSES } from '../assignment/rules/lifecycle';
import { postLabelIn } from '../services/post-labels';
import { announceChange } from '../website/invalidation';
import type { Actor } from '../assignment/history';
import type { ErasureResult } from '../admin-api-types';
import { ALUMNUS_POPULATE, personalRecord, UID } from './dossier';
import { withConsentSource } from './consents';
import { namesToScrub, scrubStory, scrubText } from './scrub';
import { eraseAccountData } from '../accounts/me';
import { dropRejectedRowsOf } from '../imports/erase';
import { eraseSurveyTexts } from '../surveys/erase';

/** What an erased person's name becomes: one placeholder, numbered so that staff can still tell records apart. */
export const placeholderName = (id: number) => `已删除校友 #${id}`;
/** What an erased free text becomes where the record needs one (an industry post's nomination reason). */
export const ERASED_TEXT = '（已删除）';
/** The address an erased person's mails keep: reserved, never delivered. */
export const erasedAddress = (id: number) => `erased-${id}@erased.invalid`;

/** The alumnus' own fields that an erasure clears (the record itself stays, for counts, coverage and history). */
const CLEARED: Record<string, null | boolean> = {
  displayName: null,
  displayNameEn: null,
  studentNo: null,
  phone: null,
  email: null,
  wechat: null,
  employer: null,
  jobTitle: null,
  language: null,
  contactConsent: false,
  publishConsent: false,
};

const POST_TEXTS = ['nominationReason', 'rejectionReason', 'endNote'] as const;

const q = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any);
const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id);

/** Sets `data` on the rows of `uid` with these ids (none: nothing); how many. */
const updateIds = async (strapi: Core.Strapi, uid: string, ids: number[], data: Record<string, unknown>) => {
  if (!ids.length) return 0;
  await q(strapi, uid).updateMany({ where: { id: { $in: ids } }, data });
  return ids.length;
};

/** An erasure's refusal: 409 naming the alumnus. */
const refused = (id: 'personalData.livePost' | 'personalData.erased', values: Record<string, string>) =>
  conflictError([fieldError('alumnus', id, values)]);

/**
 * Erases what is held about one person, in one transaction: their name becomes a
 * placeholder; their contact fields, student number, employer, job title, display names and
 * consents are cleared; the free texts about them (contact summaries, feedback and answers,
 * training notes, honour citations, reviewers' comments and feedback on their appraisals,
 * their posts' reasons and notes, in the posts' history too) are cleared; stories that
 * featured them no longer link or name them; mails to them keep no address or text; what
 * they wrote in surveys goes (their choices stay, for the results); the rejected rows of earlier
 * imports that name them go.
 * The record and its relations stay, so that counts, coverage, appraisal figures and the
 * posts' history stay as they were. The erasure is recorded (who, when, why), never the data.
 * Refused (409) while they hold a live post, and when they were erased already.
 */
export const eraseAlumnus = async (strapi: Core.Strapi, alumnus: any, reason: string, by: Actor | null): Promise<ErasureResult> => {
  const id = alumnus.id as number;
  const lang = requestLanguage();
  const erasedAt = new Date();
  const cleared = await strapi.db.transaction(async ({ trx }) => {
    // Two erasures of one person, or an erasure and a nomination, take turns (SQLite runs one write at a time).
    if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:alumnus:${id}`]);
    const earlier = await q(strapi, UID.request).findOne({ where: { alumnus: { id }, request: 'erase' }, select: ['at'] });
    if (earlier) throw refused('personalData.erased', { date: new Date(earlier.at).toISOString().slice(0, 10) });
    const live: any[] = await q(strapi, UID.post).findMany({
      where: { alumnus: { id }, postStatus: { $in: LIVE_STATUSES } },
      select: ['documentId', 'label', 'postStatus'],
    });
    if (live.length) throw refused('personalData.livePost', { posts: live.map((p) => postLabelIn(p.label, lang) || p.documentId).join('; ') });

    const names = namesToScrub(alumnus);
    const placeholder = placeholderName(id);
    // Before the record forgets them: the rows of earlier imports' rejected-rows files that name the person.
    const importRows = await dropRejectedRowsOf(strapi, { studentNo: alumnus.studentNo, phone: alumnus.phone, email: alumnus.email });

    // The record: through the Document Service, so that the write pipeline refreshes the labels that
    // name them, records the consents' withdrawal (source: erasure) and clears the website's cache.
    await strapi.documents(UID.alumnus as any).update(
      withConsentSource({ documentId: alumnus.documentId, data: { name: placeholder, ...CLEARED } as any }, { source: 'erasure', by }) as any
    );
    // Their sign-in (users-permissions user and account), its open links, and the changes they made themselves.
    await eraseAccountData(strapi, id);

    const [contacts, feedback, training, honours, posts] = await Promise.all([
      q(strapi, UID.contact).findMany({ where: { alumnus: { id } }, select: ['id'] }),
      q(strapi, UID.feedback).findMany({ where: { alumnus: { id } }, select: ['id'] }),
      q(strapi, UID.training).findMany({ where: { alumnus: { id } }, select: ['id'] }),
      q(strapi, UID.honour).findMany({ where: { alumnus: { id } }, select: ['id'] }),
      q(strapi, UID.post).findMany({ where: { alumnus: { id } }, select: ['id', 'documentId', ...POST_TEXTS] }),
    ]);
    const count = {
      contacts: await updateIds(strapi, UID.contact, idsOf(contacts), { summary: null, needs: null }),
      feedback: await updateIds(strapi, UID.feedback, idsOf(feedback), { content: null, answer: null }),
      training: await updateIds(strapi, UID.training, idsOf(training), { note: null }),
      honours: await updateIds(strapi, UID.honour, idsOf(honours), { citation: null, rejectionReason: null, showPublicly: false }),
      posts: 0,
      reviews: 0,
      stories: 0,
      mails: 0,
      surveyAnswers: await eraseSurveyTexts(strapi, id),
      importRows,
    };

    // Their posts' free texts, in the posts and in their history (the changes themselves stay).
    for (const post of posts) {
      const data = Object.fromEntries(POST_TEXTS.filter((f) => post[f]).map((f) => [f, ERASED_TEXT]));
      if (Object.keys(data).length) {
        await q(strapi, UID.post).update({ where: { id: post.id }, data });
        count.posts += 1;
      }
    }
    const postDocumentIds = posts.map((p) => p.documentId);
    if (postDocumentIds.length) {
      const events: any[] = await q(strapi, 'plugin::liaison.post-event').findMany({ where: { post: { $in: postDocumentIds } } });
      const scrubSnapshot = (s: any) =>
        s && typeof s === 'object' ? { ...s, ...Object.fromEntries(POST_TEXTS.filter((f) => s[f]).map((f) => [f, ERASED_TEXT])) } : s;
      for (const e of events) {
        await q(strapi, 'plugin::liaison.post-event').update({
          where: { id: e.id },
          data: { reason: e.reason ? ERASED_TEXT : e.reason, before: scrubSnapshot(e.before), after: scrubSnapshot(e.after) },
        });
      }
      // Reviewers' comments and supervision feedback on their appraisals: about them. The scores stay.
      const appraisals = idsOf(await q(strapi, UID.appraisal).findMany({ where: { liaison: { id: { $in: idsOf(posts as any) } } }, select: ['id'] }));
      if (appraisals.length) {
        // A score's label copies its appraisal's when it is given ("<holder> · <cycle> · <criterion>"): written again from the renamed one.
        const scores: any[] = await q(strapi, UID.score).findMany({
          where: { appraisal: { id: { $in: appraisals } } },
          select: ['id', 'criterion', 'comment'],
          populate: { appraisal: { select: ['label'] } },
        });
        for (const score of scores) {
          await q(strapi, UID.score).update({
            where: { id: score.id },
            data: { comment: null, label: `${score.appraisal?.label ?? ''} · ${score.criterion}`.slice(0, 300) },
          });
          if (score.comment) count.reviews += 1;
        }
        count.reviews += await updateIds(
          strapi,
          UID.note,
          idsOf(await q(strapi, UID.note).findMany({ where: { appraisal: { id: { $in: appraisals } } }, select: ['id'] })),
          { text: ERASED_TEXT }
        );
      }
    }

    // Stories that featured them (every locale, draft and published): the link goes, their names go from the text.
    const stories: any[] = await q(strapi, UID.story).findMany({ where: { featuredAlumni: { id } }, select: ['id', 'title', 'summary', 'body', 'locale'] });
    const link = joinOf(strapi, UID.story, 'featuredAlumni');
    await trx(link.table).where(link.to, id).del();
    for (const story of stories) {
      const data = scrubStory(story, names);
      if (data) await q(strapi, UID.story).update({ where: { id: story.id }, data });
    }
    count.stories = new Set(stories.map((s) => s.id)).size;

    // Mails to them: no address, no text; any still waiting never leaves.
    const mails: any[] = await q(strapi, UID.mail).findMany({ where: { alumnus: { id } }, select: ['id', 'subject', 'deliveryStatus'] });
    for (const mail of mails) {
      await q(strapi, UID.mail).update({
        where: { id: mail.id },
        data: {
          to: erasedAddress(id),
          subject: scrubText(mail.subject ?? '', names, placeholder),
          text: null,
          html: null,
          attemptLog: null,
          lastError: null,
          ...(mail.deliveryStatus === 'pending' || mail.deliveryStatus === 'sending' ? { deliveryStatus: 'failed', nextAttemptAt: null } : {}),
        },
      });
    }
    count.mails = mails.length;

    await q(strapi, UID.request).create({
      data: { request: 'erase', alumnus: id, alumnusDocumentId: alumnus.documentId, reason, at: erasedAt, by: by?.name ?? null, byId: by?.id ?? null },
    });
    const cache = strapi.plugin('liaison').service('website')?.invalidated?.();
    if (cache) await announceChange(strapi, cache);
    return count;
  });

  const row = await q(strapi, UID.alumnus).findOne({ where: { id }, populate: ALUMNUS_POPULATE });
  return { alumnus: personalRecord(row, lang), erasedAt: erasedAt.toISOString(), cleared };
};
