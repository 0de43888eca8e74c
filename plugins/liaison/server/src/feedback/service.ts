import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { livePostsOf, postHolding, type LivePost } from '../liaison-work/posts';
import type { SignedInAlumnus } from '../accounts/current';
import { newDocumentId } from '../outbox/service';
import { fieldError } from '../rules/field-error';
import { format, type Lang } from '../rules/messages';
import { conflictError, forbiddenError, requestLanguage, validationError } from '../utils/errors';
import { columnOf, tableOf } from '../utils/db';
import type { NetworkScope } from '../access/types';
import { dueAtOf } from './working-days';
import { readSettings } from './settings';
import { liveWhere, postPopulate, responsibleFor, scopeNameOf } from './routing';
import { answerMail, type Locale } from './mails';
import { answerTimes, epochMs, feedbackOfColleges } from './stats';
import { sweep } from './escalation';
import type { Kind, StaffListQuery } from './inputs';

export const UID = 'plugin::liaison.feedback';
const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';

const q = (strapi: Core.Strapi) => strapi.db.query(UID as any);
const notFound = (id: 'feedback.notFound' | 'feedback.noItem' | 'feedback.noAlumnus') => new errors.NotFoundError(format(id, {}, requestLanguage()));

export type Status = 'open' | 'overdue' | 'answered';

const statusOf = (row: any, now = Date.now()): Status =>
  row.answeredAt ? 'answered' : row.dueAt && new Date(row.dueAt).getTime() < now ? 'overdue' : 'open';

const localeOf = (language: unknown, fallback: Lang): Locale => (language === 'en' ? 'en' : language === 'zh-Hans' ? 'zh-Hans' : fallback);

export const itemPopulate = {
  alumnus: { select: ['id', 'documentId', 'name', 'email', 'language', 'alumnusStatus'], populate: { cohort: { select: ['id'], populate: { college: { select: ['id'] } } } } },
  liaison: { select: ['id', 'documentId', 'label', 'dimension', 'role'], populate: postPopulate },
  fromPost: { select: ['id', 'documentId', 'label'] },
};

/** An item as its readers see it; `forStaff` adds what an anonymous sender left to be answered at. */
export const present = (row: any, forStaff = false) => ({
  documentId: row.documentId,
  kind: row.category,
  content: row.content,
  origin: row.origin ?? null,
  status: statusOf(row),
  overdue: statusOf(row) === 'overdue',
  receivedAt: row.receivedAt ?? null,
  dueAt: row.dueAt ?? null,
  responsible: row.liaison ? { documentId: row.liaison.documentId, label: row.liaison.label ?? null, dimension: row.liaison.dimension, scope: scopeNameOf(row.liaison) } : 'office',
  alumnus: row.alumnus ? { documentId: row.alumnus.documentId, name: row.alumnus.name } : null,
  fromPost: row.fromPost ? { documentId: row.fromPost.documentId, label: row.fromPost.label ?? null } : null,
  contactBack: !!row.contactBack,
  answer: row.answer ?? null,
  answeredAt: row.answeredAt ?? null,
  answeredBy: row.answeredBy?.name ?? null,
  ...(forStaff ? { sender: row.origin === 'anonymous' ? { name: row.senderName ?? null, email: row.senderEmail ?? null } : null, routeLog: row.routeLog ?? [] } : {}),
});

/** What the sender is told: where it went and by when it is answered. */
const receipt = (row: { documentId: string; dueAt: Date | string }, responsible: { scope: string } | null) => ({
  documentId: row.documentId,
  status: 'open' as const,
  responsible: responsible ? responsible.scope : 'office',
  dueAt: new Date(row.dueAt).toISOString(),
});

/** Who answers: a liaison through their live posts, or staff (with their scope). */
export type Answerer = { kind: 'liaison'; me: SignedInAlumnus; posts: LivePost[] } | { kind: 'staff'; user: any; scope: NetworkScope };

const staffName = (user: any) => [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || 'staff';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Writes an item, routed and with its deadline; the label follows from the record-label middleware. */
  const create = async (data: {
    kind: Kind;
    content: string;
    alumnusId: number | null;
    origin: 'alumnus' | 'anonymous' | 'liaison' | 'to_office';
    fromPost?: number | null;
    contactBack?: boolean;
    senderName?: string | null;
    senderEmail?: string | null;
    language: Locale;
    toOffice?: boolean;
  }) => {
    const settings = await readSettings(strapi);
    const responsible = data.toOffice ? null : await responsibleFor(strapi, data.alumnusId);
    const receivedAt = new Date();
    const dueAt = dueAtOf(receivedAt, settings.deadlines[data.kind], settings);
    const created = await strapi.documents(UID as any).create({
      data: {
        category: data.kind,
        content: data.content,
        alumnus: data.alumnusId ?? undefined,
        liaison: responsible?.id ?? undefined,
        fromPost: data.fromPost ?? undefined,
        origin: data.origin,
        contactBack: !!data.contactBack,
        senderName: data.senderName ?? null,
        senderEmail: data.senderEmail ?? null,
        language: data.language,
        feedbackStatus: 'open',
        receivedAt,
        dueAt,
        routeLog: [{ at: receivedAt.toISOString(), to: responsible ? responsible.documentId : 'office', by: 'routing' }],
      } as any,
    });
    return receipt({ documentId: created.documentId, dueAt }, responsible);
  };

  /** The item with what answering and scoping need, or null. */
  const load = (documentId: string) => q(strapi).findOne({ where: { documentId }, populate: itemPopulate });

  const collegeOf = (row: any): number | null => row?.alumnus?.cohort?.college?.id ?? null;
  const inStaffScope = (row: any, scope: NetworkScope) => scope.all || (collegeOf(row) !== null && scope.colleges.includes(collegeOf(row)!));

  return {
    /**
     * POST /api/liaison/feedback by a signed-in alumnus: their own item; `alumnus` (a liaison
     * recording one for an alumnus of their scope: outside it, 404); `toOffice` (a liaison's
     * question to the office: routed to the office).
     */
    async send(me: SignedInAlumnus, input: { kind: Kind; content: string; contactBack: boolean; alumnus?: string; toOffice: boolean }) {
      const lang = requestLanguage();
      if (input.toOffice && input.alumnus) throw validationError([fieldError('toOffice', 'feedback.oneTarget')]);
      if (input.toOffice || input.alumnus) {
        const posts = await livePostsOf(strapi, me.id);
        if (input.toOffice) {
          if (!posts.length) throw forbiddenError('toOffice', 'feedback.notLiaison');
          return create({ kind: input.kind, content: input.content, alumnusId: me.id, origin: 'to_office', fromPost: posts[0].id, contactBack: input.contactBack, language: localeOf(me.language, lang), toOffice: true });
        }
        const person: any = await strapi.db.query(ALUMNUS as any).findOne({ where: { documentId: input.alumnus }, select: ['id', 'language'] });
        const held = person ? await postHolding(strapi, posts, person.id) : null;
        if (!held) throw notFound('feedback.noAlumnus');
        return create({ kind: input.kind, content: input.content, alumnusId: person.id, origin: 'liaison', fromPost: held.id, contactBack: input.contactBack, language: localeOf(person.language, 'zh-Hans') });
      }
      return create({ kind: input.kind, content: input.content, alumnusId: me.id, origin: 'alumnus', contactBack: input.contactBack, language: localeOf(me.language, lang) });
    },

    /**
     * POST /api/liaison/feedback/anonymous: routed to the office. A filled honeypot gets the
     * same answer as a real sender, and nothing is stored.
     */
    async sendAnonymous(input: { kind: Kind; content: string; name?: string; email?: string; website?: string }) {
      const lang = requestLanguage();
      if (input.website && input.website.trim()) {
        const settings = await readSettings(strapi);
        return receipt({ documentId: newDocumentId(), dueAt: dueAtOf(new Date(), settings.deadlines[input.kind], settings) }, null);
      }
      return create({ kind: input.kind, content: input.content, alumnusId: null, origin: 'anonymous', senderName: input.name ?? null, senderEmail: input.email ?? null, contactBack: !!input.email, language: lang });
    },

    /**
     * Answers an item, once: a liaison only an item routed to one of their live posts, staff only
     * an item routed to the office (and College Staff only about their colleges' alumni); anyone
     * else is told it does not exist. The sender gets the answer by e-mail, in their language.
     */
    async answer(documentId: string, answer: string, by: Answerer) {
      return strapi.db.transaction(async ({ trx }) => {
        const row: any = await load(documentId);
        if (by.kind === 'liaison') {
          if (!row || !row.liaison || !by.posts.some((p) => p.id === row.liaison.id)) throw notFound('feedback.notFound');
        } else {
          if (!row || !inStaffScope(row, by.scope)) throw notFound('feedback.noItem');
          if (row.liaison) throw validationError([fieldError('documentId', 'feedback.notOfficeItem')]);
        }
        const now = new Date();
        const answeredBy =
          by.kind === 'liaison'
            ? { kind: 'post', post: row.liaison.documentId, alumnus: by.me.documentId, name: `${by.me.name} (${scopeNameOf(row.liaison) || row.liaison.label || ''})` }
            : { kind: 'staff', user: by.user.id, name: staffName(by.user) };
        // Claimed with the answer itself: of two answers at once, one wins and the other is told.
        const claimed = await trx(tableOf(strapi, UID))
          .where({ id: row.id })
          .whereNull(columnOf(strapi, UID, 'answeredAt'))
          .update({
            [columnOf(strapi, UID, 'answer')]: answer,
            [columnOf(strapi, UID, 'answeredAt')]: now,
            [columnOf(strapi, UID, 'feedbackStatus')]: 'answered',
            [columnOf(strapi, UID, 'answeredBy')]: JSON.stringify(answeredBy),
            [columnOf(strapi, UID, 'updatedAt')]: now,
          });
        if (!claimed) throw conflictError([fieldError('documentId', 'feedback.answered', { at: new Date(row.answeredAt).toISOString() })]);
        const address = row.alumnus ? (row.alumnus.alumnusStatus === 'deceased' ? null : row.alumnus.email) : row.senderEmail;
        if (address) {
          const locale = localeOf(row.alumnus?.language ?? row.language, 'zh-Hans');
          const by_ = by.kind === 'liaison' ? by.me.name : locale === 'en' ? 'the alumni office' : '校友工作办公室';
          const item = { documentId: row.documentId, kind: row.category, content: row.content ?? '', receivedAt: row.receivedAt, dueAt: row.dueAt };
          await strapi.plugin('liaison').service('outbox').enqueue([
            { to: address, ...answerMail(locale, { name: row.alumnus?.name ?? row.senderName ?? null }, item, answer, by_), ...(row.alumnus ? { alumnusId: row.alumnus.id } : {}) },
          ]);
        }
        return present({ ...row, answer, answeredAt: now.toISOString(), answeredBy, feedbackStatus: 'answered' });
      });
    },

    /** GET /api/liaison/feedback: a liaison's queue (items routed to their live posts) and what the alumnus sent. */
    async mine(me: SignedInAlumnus) {
      const posts = await livePostsOf(strapi, me.id);
      const [queue, sent] = await Promise.all([
        posts.length
          ? q(strapi).findMany({ where: { liaison: { id: { $in: posts.map((p) => p.id) } } }, populate: itemPopulate, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], limit: 500 })
          : [],
        q(strapi).findMany({ where: { alumnus: { id: me.id } }, populate: itemPopulate, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: 200 }),
      ]);
      const queued = (queue as any[]).map((r) => present(r)).sort((a, b) => Number(a.status === 'answered') - Number(b.status === 'answered'));
      return { queue: queued, sent: (sent as any[]).map((r) => ({ ...present(r), alumnus: undefined })) };
    },

    /**
     * GET /liaison/feedback (staff): by status, College Staff only their colleges' alumni's items;
     * `kind`, and `q`: words in the item, its answer, or the name of whom it is from (all of which
     * the list shows its reader).
     */
    async list(scope: NetworkScope, { status, kind, q: words, page, pageSize }: StaffListQuery) {
      const now = new Date();
      const conditions: any[] = [status === 'answered' ? { answeredAt: { $notNull: true } } : { answeredAt: { $null: true } }];
      if (status === 'open') conditions.push({ $or: [{ dueAt: { $null: true } }, { dueAt: { $gte: now } }] });
      if (status === 'overdue') conditions.push({ dueAt: { $lt: now } });
      if (!scope.all) conditions.push({ alumnus: { cohort: { college: { id: { $in: scope.colleges.length ? scope.colleges : [0] } } } } });
      if (kind) conditions.push({ category: kind });
      if (words) {
        const containing = { $containsi: words };
        conditions.push({ $or: [{ content: containing }, { answer: containing }, { alumnus: { name: containing } }, { senderName: containing }] });
      }
      const where = { $and: conditions };
      const [rows, total] = await Promise.all([
        q(strapi).findMany({ where, populate: itemPopulate, orderBy: status === 'answered' ? [{ answeredAt: 'desc' }, { id: 'desc' }] : [{ dueAt: 'asc' }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        q(strapi).count({ where }),
      ]);
      return { data: (rows as any[]).map((r) => present(r, true)), meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    /** GET /liaison/feedback/stats: time to answer per responsible post (one statement). */
    stats(scope: NetworkScope) {
      return answerTimes(strapi, { perPost: true, filter: scope.all ? undefined : { sql: `f.id IN (${feedbackOfColleges(strapi, scope.colleges).sql})`, bindings: scope.colleges } });
    },

    /** The office's time to answer the liaisons' own questions this year (the Training page). */
    async officeAnswerTime(year = new Date().getUTCFullYear()) {
      const origin = `f.${columnOf(strapi, UID, 'origin')}`;
      const received = epochMs(strapi, `f.${columnOf(strapi, UID, 'receivedAt')}`);
      const from = new Date(`${year}-01-01T00:00:00+08:00`).getTime();
      const [row] = await answerTimes(strapi, { perPost: false, filter: { sql: `${origin} = 'to_office' AND ${received} >= ?`, bindings: [from] } });
      return { year, items: row?.items ?? 0, answered: row?.answered ?? 0, medianHours: row?.medianHours ?? null };
    },

    /** POST /liaison/feedback/:documentId/reassign: to a live post, or to the office; kept in the routing history. */
    async reassign(documentId: string, target: { post?: string; office?: boolean }, user: any, scope: NetworkScope) {
      const row: any = await load(documentId);
      if (!row || !inStaffScope(row, scope)) throw notFound('feedback.noItem');
      if (row.answeredAt) throw conflictError([fieldError('documentId', 'feedback.answered', { at: new Date(row.answeredAt).toISOString() })]);
      let post: any = null;
      if (target.post) {
        post = await strapi.db.query(POST as any).findOne({ where: { documentId: target.post, ...liveWhere() }, populate: postPopulate });
        if (!post) throw validationError([fieldError('post', 'feedback.noPost')]);
      }
      const log = [...(row.routeLog ?? []), { at: new Date().toISOString(), from: row.liaison?.documentId ?? 'office', to: post?.documentId ?? 'office', by: staffName(user) }];
      await strapi.documents(UID as any).update({
        documentId,
        data: { liaison: post ? post.id : null, routeLog: log, remindedAt: null, escalatedAt: null } as any,
      });
      return present({ ...row, liaison: post, routeLog: log }, true);
    },

    /** The daily reminders and escalations (./escalation.ts). */
    sweep: (day?: string) => sweep(strapi, day),
  };
};
