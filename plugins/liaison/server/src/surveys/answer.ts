import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError } from '../rules/field-error';
import { format } from '../rules/messages';
import { isPostgres, jsonColumn } from '../utils/db';
import { conflictError, requestLanguage, validationError } from '../utils/errors';
import { insertDocuments } from '../utils/bulk-insert';
import { checkAnswers, localised, storedQuestions, type Lang } from './questions';
import { ANSWER, hashSurveyToken, INVITATION } from './sql';
import { loadSurvey, statusOf } from './store';

const unknownLink = () => new errors.NotFoundError(format('surveys.unknownLink', {}, requestLanguage()));

/** The invitation a personal link names (by its token's hash), with its survey and person: 404 when none. */
const invitationOf = async (strapi: Core.Strapi, token: string) => {
  const row: any = await strapi.db.query(INVITATION as any).findOne({
    where: { tokenHash: hashSurveyToken(token) },
    select: ['id', 'documentId', 'answeredAt'],
    populate: { survey: { select: ['id'] }, alumnus: { select: ['id', 'name', 'language'] } },
  });
  if (!row?.survey || !row.alumnus) throw unknownLink();
  const survey = await loadSurvey(strapi, { id: row.survey.id });
  if (!survey || survey.surveyStatus === 'draft') throw unknownLink();
  return { invitation: row, survey };
};

const currentAnswer = async (strapi: Core.Strapi, invitationDocumentId: string) => {
  const row: any = await strapi.db.query(ANSWER as any).findOne({ where: { invitationKey: invitationDocumentId }, select: ['id', 'answers', 'updatedAt'] });
  return row ? { id: row.id as number, answers: jsonColumn(row.answers) ?? {}, updatedAt: new Date(row.updatedAt).toISOString() } : null;
};

/**
 * A person answering through their mailed link: no sign-in, the link is the key. One answer
 * per invitation, replaced by each new one until the survey closes.
 */
export const answering = (strapi: Core.Strapi) => ({
  /** The survey as the person reads it (their language unless `lang` says otherwise) and their answer so far. */
  async read(token: string, lang?: Lang) {
    const { invitation, survey } = await invitationOf(strapi, token);
    const language: Lang = lang ?? (invitation.alumnus.language === 'en' ? 'en' : 'zh-Hans');
    const en = language === 'en';
    const answer = await currentAnswer(strapi, invitation.documentId);
    const status = statusOf(survey);
    return {
      survey: {
        documentId: survey.documentId,
        title: en ? survey.titleEn || survey.title : survey.title,
        intro: (en ? survey.introEn || survey.intro : survey.intro) ?? null,
        opensAt: survey.opensAt,
        closesAt: survey.closesAt,
        open: status === 'sent' && (!survey.opensAt || new Date(survey.opensAt).getTime() <= Date.now()),
        closed: status === 'closed',
      },
      language,
      questions: localised(storedQuestions(survey.questions), language),
      answer: answer ? { answers: answer.answers, updatedAt: answer.updatedAt } : null,
    };
  },

  /**
   * Stores the person's answer, replacing the one before: 409 naming closesAt once the
   * survey has closed (opensAt before it opens), 400 naming each question an answer breaks.
   * The invitation counts as answered from the first answer on.
   */
  async write(token: string, answers: unknown) {
    const { invitation, survey } = await invitationOf(strapi, token);
    const now = Date.now();
    if (statusOf(survey, now) === 'closed') throw conflictError([fieldError('closesAt', 'surveys.closed', { closesAt: survey.closesAt ?? '' })]);
    if (survey.opensAt && new Date(survey.opensAt).getTime() > now) throw conflictError([fieldError('opensAt', 'surveys.notOpen', { opensAt: survey.opensAt })]);
    const { value, problems } = checkAnswers(storedQuestions(survey.questions), answers);
    if (problems.length) throw validationError(problems);
    return strapi.db.transaction(async ({ trx }) => {
      // One person's two answers at once take turns (SQLite writes one at a time anyway).
      if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:survey-answer:${invitation.id}`]);
      const at = new Date();
      const before = await currentAnswer(strapi, invitation.documentId);
      if (before) {
        await strapi.db.query(ANSWER as any).update({ where: { id: before.id }, data: { answers: value, updatedAt: at } });
      } else {
        await insertDocuments(strapi, trx, ANSWER, [
          { data: { invitationKey: invitation.documentId, answers: value }, links: { survey: survey.id, invitation: invitation.id, alumnus: invitation.alumnus.id } },
        ]);
        await strapi.db.query(INVITATION as any).update({ where: { id: invitation.id }, data: { answeredAt: at } });
      }
      return { answers: value, updatedAt: at.toISOString(), replaced: !!before };
    });
  },
});
