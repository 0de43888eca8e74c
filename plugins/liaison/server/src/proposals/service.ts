import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NetworkScope } from '../access/types';
import type { SignedInAlumnus } from '../accounts/current';
import { actorOf } from '../assignment/history';
import { today } from '../assignment/rules/lifecycle';
import { postHolding, signedInLiaison } from '../liaison-work/posts';
import { fieldError } from '../rules/field-error';
import { format, type Lang } from '../rules/messages';
import { postLabelIn } from '../services/post-labels';
import { conflictError, forbiddenError, requestLanguage } from '../utils/errors';
import { CONTACT_FIELDS } from '../access/members';
import type { ProposalItem, ProposalsResponse, MyProposal } from '../admin-api-types';
import { changesBetween, recordChanges, written } from './history';
import { CHANGE_FIELDS, GONE_STATUSES, type Changes, type ChangeField, type InfoSource, type ProposalInput, type ProposalsQuery } from './inputs';
import { endPostsOf } from './posts';

export const PROPOSAL = 'plugin::liaison.change-proposal';
const ALUMNUS = 'plugin::liaison.alumnus';
const ACCOUNT = 'plugin::liaison.alumni-account';

type User = any;

const notFound = () => new errors.NotFoundError(format('proposals.notFound', {}, requestLanguage()));

const POPULATE = {
  alumnus: {
    select: ['id', 'documentId', 'name', ...CHANGE_FIELDS],
    populate: { cohort: { select: ['id', 'className'], populate: { college: { select: ['id', 'name'] } } } },
  },
  post: { select: ['id', 'documentId', 'label', 'dimension', 'role'], populate: { alumnus: { select: ['id', 'documentId', 'name'] } } },
  proposer: { select: ['id', 'documentId', 'name'] },
};

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const inScope = (row: any, scope: NetworkScope) => scope.all || scope.colleges.includes(Number(row?.alumnus?.cohort?.college?.id));

/** A proposal as its liaison sees it: what they sent and what became of it; never the record's values. */
const presentMine = (row: any, lang: Lang): MyProposal => ({
  documentId: row.documentId,
  status: row.proposalStatus,
  alumnus: row.alumnus ? { documentId: row.alumnus.documentId, name: row.alumnus.name } : null,
  post: row.post ? { documentId: row.post.documentId, label: postLabelIn(row.post.label, lang) } : null,
  changes: row.changes ?? {},
  source: row.infoSource,
  note: row.note ?? null,
  reason: row.proposalStatus === 'rejected' ? (row.reason ?? null) : null,
  createdAt: iso(row.createdAt)!,
  decidedAt: iso(row.decidedAt),
});

/**
 * Contact details (phone, e-mail, WeChat) are read by staff who see the whole network only (College
 * Staff's Content Manager reads alumni without them): for the others a proposal shows that such a
 * field is proposed, never its values, and only the office decides it.
 */
const isContact = (field: string) => (CONTACT_FIELDS as readonly string[]).includes(field);
const contactFieldsOf = (row: any) => Object.keys(row.changes ?? {}).filter(isContact);

/** A proposal as staff review it: each field's value now beside the proposed one (contact details only for the office). */
const presentForStaff = (row: any, lang: Lang, scope: NetworkScope): ProposalItem => {
  const changes: Changes = row.changes ?? {};
  const before: Changes = row.before ?? {};
  const alumnus = row.alumnus;
  return {
    documentId: row.documentId,
    status: row.proposalStatus,
    alumnus: alumnus
      ? {
          documentId: alumnus.documentId,
          name: alumnus.name,
          className: alumnus.cohort?.className ?? null,
          college: alumnus.cohort?.college?.name ?? null,
        }
      : null,
    fields: CHANGE_FIELDS.filter((f) => f in changes).map((field) => {
      if (!scope.all && isContact(field)) return { field, current: null, proposed: null, whenProposed: null, changed: false, stale: false, hidden: true };
      const current = alumnus ? written(alumnus[field]) : null;
      return {
        field,
        current,
        proposed: written(changes[field]),
        whenProposed: written(before[field]),
        changed: current !== written(changes[field]),
        stale: row.proposalStatus === 'pending' && current !== written(before[field]),
      };
    }),
    post: row.post ? { documentId: row.post.documentId, label: postLabelIn(row.post.label, lang), holder: row.post.alumnus?.name ?? null } : null,
    proposer: row.proposer ? { documentId: row.proposer.documentId, name: row.proposer.name } : null,
    source: row.infoSource,
    note: row.note ?? null,
    createdAt: iso(row.createdAt)!,
    decidedAt: iso(row.decidedAt),
    decidedBy: row.decidedByName ?? null,
    reason: row.reason ?? null,
  };
};

/**
 * Proposed changes of alumni records: liaisons propose for the alumni of their posts' scopes,
 * a person's own change of a field the office reviews becomes one, and staff (College Staff
 * for their colleges' alumni) approve or reject them. An approval applies the change with its
 * provenance (history.ts) and marks the record verified by the proposing post.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scopeOf = (user: User): Promise<NetworkScope> => strapi.plugin('liaison').service('access').scopeOf(user);
  const load = (where: Record<string, unknown>) => strapi.db.query(PROPOSAL as any).findOne({ where, populate: POPULATE }) as Promise<any>;

  /** The proposal, if the user may see it (an unknown one and one of another college are alike: 404). */
  const visible = async (documentId: string, user: User) => {
    const row = await load({ documentId });
    const scope = await scopeOf(user);
    if (!row || !inScope(row, scope)) throw notFound();
    return { row, scope };
  };

  /** The proposal, if the user may decide it: seen (else 404), and without contact details unless the user reads them (else 403). */
  const decidable = async (documentId: string, user: User) => {
    const { row, scope } = await visible(documentId, user);
    const hidden = scope.all ? [] : contactFieldsOf(row);
    if (hidden.length) throw forbiddenError(`changes.${hidden[0]}`, 'proposals.contactOfficeOnly');
    return row;
  };

  const service = {
    /** POST /api/liaison/proposals: a liaison's proposal about an alumnus their live post looks after (else 404, nothing written). */
    async propose(ctx: any, input: ProposalInput) {
      const { me, posts } = await signedInLiaison(strapi, ctx);
      const alumnus: any = await strapi.db.query(ALUMNUS as any).findOne({ where: { documentId: input.alumnus }, select: ['id', ...CHANGE_FIELDS] });
      const post = alumnus ? await postHolding(strapi, posts, alumnus.id) : null;
      if (!post) throw notFound();
      const created = await service.create({
        alumnusId: alumnus.id,
        before: alumnus,
        changes: input.changes as Changes,
        infoSource: input.source,
        note: input.note ?? null,
        postId: post.id,
        proposerId: me.id,
      });
      return presentMine(created, requestLanguage());
    },

    /** Writes a pending proposal, keeping the values it was made against (to find a later change of them). */
    async create(p: { alumnusId: number; before: Record<string, unknown>; changes: Changes; infoSource: InfoSource; note: string | null; postId: number | null; proposerId: number }) {
      const changes = Object.fromEntries(Object.entries(p.changes).filter(([, v]) => v !== undefined));
      const before = Object.fromEntries(Object.keys(changes).map((f) => [f, written(p.before[f])]));
      const row: any = await strapi.db.query(PROPOSAL as any).create({
        data: {
          alumnus: p.alumnusId,
          post: p.postId,
          proposer: p.proposerId,
          changes,
          before,
          infoSource: p.infoSource,
          note: p.note,
          proposalStatus: 'pending',
        },
      });
      return load({ id: row.id });
    },

    /** GET /api/liaison/proposals: the signed-in alumnus' own proposals, newest first. */
    async mine(me: SignedInAlumnus, page: number, pageSize: number) {
      const { results, pagination } = await strapi.db.query(PROPOSAL as any).findPage({
        where: { proposer: { id: me.id } },
        populate: POPULATE,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page,
        pageSize,
      });
      const lang = requestLanguage();
      return { data: results.map((r: any) => presentMine(r, lang)), meta: { pagination } };
    },

    /** GET /liaison/proposals: one status, the user's colleges' alumni only; pending oldest first, decided newest first. */
    async list(query: ProposalsQuery, user: User): Promise<ProposalsResponse> {
      const scope = await scopeOf(user);
      const where: Record<string, unknown> = { proposalStatus: query.status };
      if (!scope.all) where.alumnus = { cohort: { college: { id: { $in: scope.colleges.length ? scope.colleges : [-1] } } } };
      const { results, pagination } = await strapi.db.query(PROPOSAL as any).findPage({
        where,
        populate: POPULATE,
        orderBy: query.status === 'pending' ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ decidedAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      });
      const lang = requestLanguage();
      return { data: results.map((r: any) => presentForStaff(r, lang, scope)), meta: { pagination } };
    },

    async findOne(documentId: string, user: User): Promise<ProposalItem> {
      const { row, scope } = await visible(documentId, user);
      return presentForStaff(row, requestLanguage(), scope);
    },

    /**
     * POST /liaison/proposals/:documentId/approve, in one transaction: the proposal claimed
     * (pending → approved, or 409), each proposed field checked unchanged since the proposal
     * (else 409 naming it), the record changed through the Document Service and each change
     * recorded with its provenance, the record marked verified by the proposing post; a
     * report of death or unreachability ends the person's posts (mail stops by their status).
     */
    async approve(documentId: string, user: User): Promise<ProposalItem> {
      const lang = requestLanguage();
      const found = await decidable(documentId, user);
      await strapi.db.transaction(async () => {
        const at = new Date();
        const by = actorOf(user);
        const claimed = await strapi.db.query(PROPOSAL as any).updateMany({
          where: { id: found.id, proposalStatus: 'pending' },
          data: { proposalStatus: 'approved', decidedAt: at, decidedBy: user?.id ?? null, decidedByName: by?.name ?? null },
        });
        if (!claimed?.count) {
          const now: any = await strapi.db.query(PROPOSAL as any).findOne({ where: { id: found.id }, select: ['proposalStatus'] });
          throw conflictError([fieldError('status', 'proposals.decided', { status: now?.proposalStatus ?? found.proposalStatus })], lang);
        }
        const alumnus: any = await strapi.db.query(ALUMNUS as any).findOne({ where: { id: found.alumnus.id }, select: ['id', 'documentId', ...CHANGE_FIELDS] });
        const changes: Changes = found.changes ?? {};
        const before: Changes = found.before ?? {};
        const stale = (Object.keys(changes) as ChangeField[]).filter((f) => written(alumnus[f]) !== written(before[f]));
        if (stale.length) throw conflictError(stale.map((f) => fieldError(`changes.${f}`, 'proposals.stale')), lang);
        const applied = changesBetween(alumnus, changes);
        const post = found.post;
        await strapi.documents(ALUMNUS as any).update({
          documentId: alumnus.documentId,
          data: {
            ...Object.fromEntries(applied.map((c) => [c.field, changes[c.field as ChangeField]])),
            ...(post ? { lastVerifiedAt: today(), verifiedBy: post.documentId } : {}),
          } as any,
        });
        const account: any = found.proposer
          ? await strapi.db.query(ACCOUNT as any).findOne({ where: { alumnus: { id: found.proposer.id } }, populate: { user: { select: ['id'] } } })
          : null;
        await recordChanges(
          strapi,
          alumnus.id,
          applied,
          {
            source: 'proposal',
            proposal: found.id,
            post: post?.id ?? null,
            byUser: account?.user?.id ?? null,
            infoSource: found.infoSource,
            approvedBy: user?.id ?? null,
            approvedByName: by?.name ?? null,
          },
          at,
        );
        const status = changes.alumnusStatus;
        if (status && (GONE_STATUSES as readonly string[]).includes(status) && applied.some((c) => c.field === 'alumnusStatus')) {
          const note = format(status === 'deceased' ? 'proposals.endedDeceased' : 'proposals.endedUnreachable', { proposal: found.documentId, note: found.note ?? '' }, lang).trim();
          await endPostsOf(strapi, alumnus.id, status as 'deceased' | 'unreachable', note, user, lang);
        }
      });
      return service.findOne(documentId, user);
    },

    /** POST /liaison/proposals/:documentId/reject { reason }: nothing of the record changes. */
    async reject(documentId: string, reason: string, user: User): Promise<ProposalItem> {
      const found = await decidable(documentId, user);
      const by = actorOf(user);
      const claimed = await strapi.db.query(PROPOSAL as any).updateMany({
        where: { id: found.id, proposalStatus: 'pending' },
        data: { proposalStatus: 'rejected', reason, decidedAt: new Date(), decidedBy: user?.id ?? null, decidedByName: by?.name ?? null },
      });
      if (!claimed?.count) {
        const now: any = await strapi.db.query(PROPOSAL as any).findOne({ where: { id: found.id }, select: ['proposalStatus'] });
        throw conflictError([fieldError('status', 'proposals.decided', { status: now?.proposalStatus ?? found.proposalStatus })]);
      }
      return service.findOne(documentId, user);
    },
  };
  return service;
};
