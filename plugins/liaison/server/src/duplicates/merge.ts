import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import type { MergeRecord, MergeResult, MergeValue } from '../admin-api-types';
import { LIVE_STATUSES, termsOverlap } from '../assignment/rules/lifecycle';
import { fieldError } from '../rules/field-error';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { format } from '../rules/messages';
import { searchKeyOf } from '../rules/search-key';
import { columnOf, tableOf } from '../utils/db';
import { conflictError, forbiddenError, requestLanguage, validationError } from '../utils/errors';
import { announceChange } from '../website/invalidation';
import { actorOf } from '../assignment/history';
import { CONSENTS, recordConsentChanges } from '../personal-data/consents';
import { ALUMNUS, PAIR } from './scan';
import { mergeAccounts } from '../accounts/me';

const POSTS = 'plugin::liaison.liaison';
const MERGE = 'plugin::liaison.alumni-merge';

/** The fields a merge chooses between, in the order the review page shows them. */
export const MERGE_FIELDS = [
  'name',
  'studentNo',
  'gender',
  'cohort',
  'major',
  'degree',
  'industry',
  'employer',
  'jobTitle',
  'country',
  'province',
  'city',
  'chapter',
  'phone',
  'email',
  'wechat',
  'language',
  'contactConsent',
  'publishConsent',
  'displayName',
  'displayNameEn',
  'alumnusStatus',
  'lastVerifiedAt',
  'verifiedBy',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Relations of the record itself, chosen like fields; each is shown by a label. */
const RELATION_FIELDS: Partial<Record<MergeField, { uid: string; label: string[] }>> = {
  cohort: { uid: 'plugin::liaison.cohort', label: ['className'] },
  industry: { uid: 'plugin::liaison.industry-group', label: ['name'] },
  chapter: { uid: 'plugin::liaison.chapter', label: ['name'] },
  verifiedBy: { uid: POSTS, label: ['label'] },
};
/** A consent travels with its date. */
const COMPANIONS: Partial<Record<MergeField, string>> = { contactConsent: 'contactConsentAt', publishConsent: 'publishConsentAt' };

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Every link other records hold to an alumnus, read from the database's metadata: the
 * owning side of each relation whose target is the alumnus (posts and the posts a person
 * nominated, contact logs, feedback, training records, honours, acknowledgements, mail,
 * stories' features — and whatever a later release links to alumni). Appraisals, event
 * organisers and verifications hang on posts, and move with them.
 */
export const incomingLinks = (strapi: Core.Strapi) => {
  const links: { key: string; table: string; owner: string; alumnus: string }[] = [];
  for (const [uid, meta] of strapi.db.metadata as unknown as Map<string, any>) {
    if (uid === ALUMNUS) continue;
    for (const [name, attribute] of Object.entries<any>(meta.attributes)) {
      if (attribute.type !== 'relation' || attribute.target !== ALUMNUS || attribute.mappedBy || !attribute.joinTable) continue;
      const jt = attribute.joinTable;
      links.push({ key: `${uid.replace(/^.*[.:]/, '')}.${name}`, table: jt.name, owner: jt.joinColumn.name, alumnus: jt.inverseJoinColumn.name });
    }
  }
  return links.sort((a, b) => a.key.localeCompare(b.key));
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as any);

  const linkCounts = async (id: number, knex: Knex = strapi.db.connection): Promise<Record<string, number>> => {
    const links = incomingLinks(strapi);
    const counts = await Promise.all(links.map((l) => knex(l.table).where(l.alumnus, id).count({ n: '*' })));
    return Object.fromEntries(links.map((l, i) => [l.key, Number((counts[i][0] as any).n)]));
  };

  /** A record as the review page shows it: each merge field, relations by their label. */
  const present = async (row: any): Promise<MergeRecord> => {
    const values: Record<string, MergeValue> = {};
    for (const field of MERGE_FIELDS) {
      const relation = RELATION_FIELDS[field];
      if (relation) {
        const target = row[field];
        values[field] = target ? relation.label.map((l) => target[l]).filter(Boolean).join(' ') || target.documentId : null;
      } else values[field] = row[field] ?? null;
    }
    return { documentId: row.documentId, values, links: await linkCounts(row.id) };
  };

  const load = (where: Record<string, unknown>) =>
    query(ALUMNUS).findOne({
      where,
      populate: Object.fromEntries(Object.entries(RELATION_FIELDS).map(([f, r]) => [f, { select: ['id', 'documentId', ...r!.label] }])),
    });

  /** The college of each record (through its class): a scoped user merges only within their colleges. */
  const collegesOf = async (ids: number[]) => {
    const rows = await query(ALUMNUS).findMany({ where: { id: { $in: ids } }, select: ['id'], populate: { cohort: { select: ['id'], populate: { college: { select: ['id'] } } } } });
    return new Map<number, number | null>(rows.map((r: any) => [Number(r.id), r.cohort?.college?.id ?? null]));
  };

  /** 409 when the two people hold live posts in one scope whose terms overlap: one person cannot. */
  const assertNoClash = async (keptId: number, fromId: number) => {
    const posts = await query(POSTS).findMany({
      where: { alumnus: { id: { $in: [keptId, fromId] } }, postStatus: { $in: LIVE_STATUSES } },
      select: ['id', 'documentId', 'dimension', 'termStart', 'termEnd', 'label'],
      populate: { alumnus: { select: ['id'] }, ...Object.fromEntries(Object.values(SCOPE_FIELD).map((f) => [f, { select: ['id'] }])) },
    });
    const scopeOf = (p: any) => `${p.dimension}:${p[SCOPE_FIELD[p.dimension as Dimension]]?.id ?? ''}`;
    for (const a of posts.filter((p: any) => p.alumnus?.id === keptId)) {
      const clash = posts.find((b: any) => b.alumnus?.id === fromId && scopeOf(b) === scopeOf(a) && termsOverlap(a, b));
      if (clash) throw conflictError([fieldError('from', 'duplicates.overlap', { post: clash.label ?? clash.documentId })]);
    }
  };

  return {
    present,
    load,

    /**
     * Makes `from` part of `keptDocumentId`: every link to `from` moved to the kept record,
     * the chosen fields taken from `from` (by default the kept record's values, and the
     * other's where the kept has none), `from` deleted, the merge recorded (its student
     * number resolves to the kept record from then on). One transaction: all or nothing.
     */
    async merge(
      keptDocumentId: string,
      input: { from: string; fields: Partial<Record<MergeField, 'a' | 'b'>> },
      user: { id: number; roles?: { code?: string; name?: string }[] } | null
    ): Promise<MergeResult> {
      const lang = requestLanguage();
      if (input.from === keptDocumentId) throw validationError([fieldError('from', 'duplicates.sameRecord')]);
      const [kept, from] = await Promise.all([load({ documentId: keptDocumentId }), load({ documentId: input.from })]);
      if (!kept) throw new errors.NotFoundError(format('duplicates.noAlumnus', {}, lang));
      if (!from) throw validationError([fieldError('from', 'duplicates.noAlumnus')]);
      const access = await strapi.plugin('liaison').service('access').scopeOf(user);
      if (!access.all) {
        const colleges = await collegesOf([kept.id, from.id]);
        const mine = (id: number) => colleges.get(id) !== null && access.colleges.includes(colleges.get(id));
        if (!mine(kept.id)) throw new errors.NotFoundError(format('duplicates.noAlumnus', {}, lang));
        if (!mine(from.id)) throw forbiddenError('from', 'duplicates.otherCollege');
      }
      await assertNoClash(kept.id, from.id);

      const chosen: Record<string, 'a' | 'b'> = {};
      const data: Record<string, unknown> = {};
      for (const field of MERGE_FIELDS) {
        const relation = RELATION_FIELDS[field];
        const valueOf = (r: any) => (relation ? (r[field]?.id ?? null) : (r[field] ?? null));
        const side = input.fields[field] ?? (isEmpty(valueOf(kept)) && !isEmpty(valueOf(from)) ? 'b' : 'a');
        chosen[field] = side;
        if (side === 'b') {
          data[field] = valueOf(from);
          const companion = COMPANIONS[field];
          if (companion) data[companion] = from[companion] ?? null;
        }
      }
      if ('name' in data) data.searchKey = searchKeyOf(String(data.name ?? ''));
      const studentNos = [kept.studentNo, from.studentNo].filter((s): s is string => !!s);
      const keptStudentNo = chosen.studentNo === 'b' ? from.studentNo : kept.studentNo;

      const moved = await strapi.db.transaction(async ({ trx }) => {
        const counts: Record<string, number> = {};
        // One person, one sign-in: the kept record's stays (accounts/me.ts mergeAccounts).
        await mergeAccounts(strapi, kept.id, from.id);
        const links = incomingLinks(strapi);
        for (const link of links) {
          // A story that features both keeps one feature.
          const doubled = await trx(link.table)
            .where(link.alumnus, from.id)
            .whereIn(link.owner, trx(link.table).select(link.owner).where(link.alumnus, kept.id))
            .delete();
          const updated = await trx(link.table).where(link.alumnus, from.id).update({ [link.alumnus]: kept.id });
          if (doubled + updated) counts[link.key] = doubled + updated;
        }
        // The other record goes first: its student number may be the one kept (a unique column).
        await query(ALUMNUS).delete({ where: { id: from.id } });
        if (Object.keys(data).length) await query(ALUMNUS).update({ where: { id: kept.id }, data: { ...data, updatedAt: new Date() } });
        // A consent the merge changes on the kept record enters its history, as every other path's does.
        await recordConsentChanges(
          strapi,
          CONSENTS.filter((c) => c.field in data && !!data[c.field] !== !!kept[c.field]).map((c) => ({
            alumnusId: kept.id,
            consent: c.consent,
            granted: !!data[c.field],
            at: (data[c.at] as string | null) ?? new Date(),
            source: 'admin' as const,
            by: actorOf(user),
          }))
        );
        // Records merged into the one now going point at the kept one (no chains to follow).
        await trx(tableOf(strapi, MERGE))
          .where(columnOf(strapi, MERGE, 'keptDocumentId'), from.documentId)
          .update({ [columnOf(strapi, MERGE, 'keptDocumentId')]: kept.documentId });
        await query(MERGE).create({
          data: {
            keptDocumentId: kept.documentId,
            mergedDocumentId: from.documentId,
            // Every number the person was known by that is not the kept one resolves to it.
            mergedStudentNo: studentNos.find((s) => s !== keptStudentNo) ?? null,
            fields: chosen,
            moved: counts,
            mergedBy: user?.id ?? null,
          },
        });
        // The pair is settled; pairs with the record that is gone are found again, with the kept one, by the next scan.
        const pairs = tableOf(strapi, PAIR);
        const c = (a: string) => columnOf(strapi, PAIR, a);
        const [first, second] = kept.id < from.id ? [kept.id, from.id] : [from.id, kept.id];
        await trx(pairs).where(c('first'), first).andWhere(c('second'), second).update({ [c('pairStatus')]: 'merged', [c('decidedAt')]: new Date() });
        await trx(pairs)
          .where(c('pairStatus'), 'open')
          .andWhere((w: any) => w.where(c('first'), from.id).orWhere(c('second'), from.id))
          .delete();
        // Labels that name the holder ("李振东 · 2015级1班联络员") now name the kept record.
        const held = links.find((l) => l.key === 'liaison.alumnus')!;
        const postIds = (await trx(held.table).select(held.owner).where(held.alumnus, kept.id)).map((r: any) => Number(r[held.owner]));
        if (postIds.length) await strapi.plugin('liaison').service('post-labels').refreshPosts(postIds, trx);
        await strapi.plugin('liaison').service('record-labels').refreshAll(trx);
        return counts;
      });
      const cache = strapi.plugin('liaison').service('website')?.invalidated?.();
      if (cache) await announceChange(strapi, cache);
      const after = await query(ALUMNUS).findOne({ where: { id: kept.id }, select: ['documentId', 'name', 'studentNo'] });
      return {
        documentId: after.documentId,
        name: after.name,
        studentNo: after.studentNo ?? null,
        merged: { documentId: from.documentId, studentNo: from.studentNo ?? null },
        moved,
        fields: chosen,
      };
    },

    /** The record a student number belongs to now: itself, or the record it was merged into. */
    async resolveStudentNo(studentNo: string): Promise<string | null> {
      const own = await query(ALUMNUS).findOne({ where: { studentNo }, select: ['documentId'] });
      if (own) return own.documentId;
      const merged = await query(MERGE).findOne({ where: { mergedStudentNo: studentNo }, select: ['keptDocumentId'], orderBy: { id: 'desc' } });
      return merged?.keptDocumentId ?? null;
    },

    linkCounts,
  };
};
