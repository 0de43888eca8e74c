import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DIMENSIONS, SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { DEFAULT_POSTS, OCCUPYING_STATUSES } from '../rules/quotas';
import { fieldError, type FieldError } from '../rules/field-error';
import { columnOf, isPostgres, joinOf, rowsOf, tableOf } from '../utils/db';
import { conflictError, requestLanguage, validationError } from '../utils/errors';
import {
  LIVE_STATUSES,
  addDays,
  canDo,
  checkEnding,
  checkNomination,
  checkQuota,
  checkRejection,
  checkRenewal,
  checkTerm,
  dayOf,
  expirySteps,
  isDay,
  reminderDue,
  reminderKey,
  statusOnApproval,
  termEndOnEnding,
  today,
  ROLES,
} from './rules/lifecycle';
import { rankCandidates, type CandidateRow } from './rules/candidates';
import { SYSTEM, actorOf, historyOf, withHistory, type Actor } from './history';
import { ALUMNI, POSTS, QUOTAS, SCOPE_UID, assertCanAct, assertNoOverlap, assertRoom, findScope, lockScope, occupiedIn, postsOf, scopeById, type Scope } from './scope';
import { appointmentMail, reminderMail, type LiaisonContact, type Locale } from './templates';
import { postLabelIn } from '../services/post-labels';

type User = any;
const STAFF_ROLE = 'Alumni Office Staff';

const bad = (problems: FieldError[]) => {
  if (problems.length) throw validationError(problems);
};
const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

const person = { select: ['id', 'documentId', 'name', 'email', 'phone', 'alumnusStatus', 'language'] };
/** The language an alumnus reads their mail in: their own, else the given default. */
const languageOf = (alumnus: { language?: string | null } | null | undefined, fallback: Locale): Locale =>
  alumnus?.language === 'en' || alumnus?.language === 'zh-Hans' ? alumnus.language : fallback;
const named = (uid: string) => ({
  select: uid === SCOPE_UID.cohort ? ['id', 'documentId', 'className', 'code'] : ['id', 'documentId', 'name'],
});
const POST_POPULATE = {
  alumnus: person,
  nominator: person,
  successor: { select: ['id', 'documentId'] },
  cohort: { ...named(SCOPE_UID.cohort), populate: { college: { select: ['id'] } } },
  college: named(SCOPE_UID.college),
  chapter: named(SCOPE_UID.region),
  industry: named(SCOPE_UID.industry),
};

const scopeOfRow = (row: any): Scope | null => {
  const dimension = row.dimension as Dimension;
  const s = row[SCOPE_FIELD[dimension]];
  if (!s) return null;
  return {
    dimension,
    id: s.id,
    documentId: s.documentId,
    name: dimension === 'cohort' ? (s.className ?? s.code) : s.name,
    collegeId: dimension === 'cohort' ? (s.college?.id ?? null) : dimension === 'college' ? s.id : null,
  };
};

/** A post as the API returns it. */
const present = (row: any) => {
  const scope = scopeOfRow(row);
  return {
    documentId: row.documentId,
    label: postLabelIn(row.label, requestLanguage()),
    dimension: row.dimension,
    scope: scope ? { documentId: scope.documentId, name: scope.name } : null,
    alumnus: row.alumnus ? { documentId: row.alumnus.documentId, name: row.alumnus.name } : null,
    role: row.role,
    postStatus: row.postStatus,
    termStart: row.termStart,
    termEnd: row.termEnd ?? null,
    nominationSource: row.nominationSource ?? null,
    nominator: row.nominator ? { documentId: row.nominator.documentId, name: row.nominator.name } : null,
    nominationReason: row.nominationReason ?? null,
    rejectionReason: row.rejectionReason ?? null,
    endReason: row.endReason ?? null,
    endNote: row.endNote ?? null,
    successor: row.successor ? { documentId: row.successor.documentId } : null,
  };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const posts = () => strapi.db.query(POSTS as any);
  const loadPost = (documentId: string) =>
    typeof documentId === 'string' && documentId ? (posts().findOne({ where: { documentId }, populate: POST_POPULATE }) as Promise<any>) : Promise.resolve(null);
  const findAlumnus = (documentId: unknown) =>
    typeof documentId === 'string' && documentId
      ? (strapi.db.query(ALUMNI as any).findOne({ where: { documentId }, populate: { cohort: { select: ['id'] } } }) as Promise<any>)
      : Promise.resolve(null);

  /** The post and its scope, 404 when unknown, 403 when outside the user's colleges. */
  const postFor = async (documentId: string, user: User) => {
    const row = await loadPost(documentId);
    if (!row) throw notFound('Post');
    const scope = scopeOfRow(row);
    if (!scope) throw conflictError([fieldError('scope', 'this post has no scope')]);
    await assertCanAct(strapi, user, scope);
    return { row, scope };
  };

  const update = (label: { action: string; reason?: string | null; by: Actor | null }, documentId: string, data: Record<string, unknown>) =>
    strapi.documents(POSTS as any).update(withHistory({ documentId, data: data as any }, { action: label.action, reason: label.reason ?? null, by: label.by ?? undefined }));

  /** A raw query in the caller's transaction (SQLite has one connection: outside it, it would wait forever). */
  const raw = (sql: string, bindings: unknown[]) => strapi.db.transaction(({ trx }) => trx.raw(sql, bindings as any));

  const reload = async (documentId: string) => present(await loadPost(documentId));

  /**
   * A lifecycle change in one transaction, with the scope locked and the post read again
   * under the lock: two staff acting on the same post or scope at once are serialised.
   */
  const locked = (scope: Scope, documentId: string, change: (row: any) => Promise<unknown>) =>
    strapi.db.transaction(async () => {
      await lockScope(strapi, scope.dimension, scope.id);
      await change(await loadPost(documentId));
      return reload(documentId);
    });

  return {
    async nominate(body: any, user: User) {
      body = body ?? {};
      bad(checkNomination(body));
      const dimension = body.dimension as Dimension;
      const [alumnus, scope, nominator] = await Promise.all([
        findAlumnus(body.alumnus),
        findScope(strapi, dimension, body.scope),
        body.nominator ? findAlumnus(body.nominator) : Promise.resolve(undefined),
      ]);
      const problems: FieldError[] = [];
      if (!alumnus) problems.push(fieldError('alumnus', 'no alumnus has this documentId'));
      else if (alumnus.alumnusStatus === 'deceased') problems.push(fieldError('alumnus', 'is recorded as deceased'));
      if (!scope) problems.push(fieldError('scope', `no ${dimension} scope has this documentId`));
      if (nominator === null) problems.push(fieldError('nominator', 'no alumnus has this documentId'));
      bad(problems);
      await assertCanAct(strapi, user, scope!);
      const by = actorOf(user);
      return strapi.db.transaction(async () => {
        await lockScope(strapi, dimension, scope!.id);
        await assertNoOverlap(strapi, { dimension, scopeId: scope!.id, alumnusId: alumnus.id, termStart: body.termStart, termEnd: body.termEnd || null }, 'alumnus');
        const created: any = await strapi.documents(POSTS as any).create(
          withHistory(
            {
              data: {
                alumnus: alumnus.documentId,
                dimension,
                [SCOPE_FIELD[dimension]]: scope!.documentId,
                role: body.role,
                termStart: body.termStart,
                termEnd: body.termEnd || null,
                postStatus: 'nominated',
                nominationSource: ['staff', 'college', 'chapter', 'alumnus', 'self'].includes(body.source) ? body.source : nominator ? 'alumnus' : 'staff',
                nominator: nominator ? nominator.documentId : null,
                nominationReason: body.reason || null,
              } as any,
            },
            { action: 'nominate', reason: body.reason || null, by: by ?? undefined },
          ),
        );
        return reload(created.documentId);
      });
    },

    async approve(documentId: string, user: User) {
      const { scope } = await postFor(documentId, user);
      return strapi.db.transaction(async () => {
        await lockScope(strapi, scope.dimension, scope.id);
        const row = await loadPost(documentId); // read again under the scope's lock
        if (!canDo('approve', row.postStatus)) throw conflictError([fieldError('postStatus', `only a nominated post can be approved (this one is ${row.postStatus})`)]);
        if (row.termEnd && row.termEnd < today()) bad([fieldError('termEnd', `the term of this nomination ended on ${row.termEnd}: correct it before approving`)]);
        await assertRoom(strapi, scope, 1, 'scope', row.id);
        await assertNoOverlap(
          strapi,
          {
            dimension: scope.dimension,
            scopeId: scope.id,
            alumnusId: row.alumnus.id,
            termStart: row.termStart,
            termEnd: row.termEnd,
            exceptId: row.id,
          },
          'alumnus',
        );
        await update({ action: 'approve', by: actorOf(user) }, documentId, { postStatus: statusOnApproval(row.termStart, today()) });
        return reload(documentId);
      });
    },

    async reject(documentId: string, body: any, user: User) {
      const { scope } = await postFor(documentId, user);
      body = body ?? {};
      bad(checkRejection(body));
      return locked(scope, documentId, async (row) => {
        if (!canDo('reject', row.postStatus)) throw conflictError([fieldError('postStatus', `only a nominated post can be rejected (this one is ${row.postStatus})`)]);
        await update({ action: 'reject', reason: body.reason, by: actorOf(user) }, documentId, {
          postStatus: 'rejected',
          rejectionReason: body.reason,
        });
      });
    },

    async renew(documentId: string, body: any, user: User) {
      const { scope } = await postFor(documentId, user);
      body = body ?? {};
      return locked(scope, documentId, async (row) => {
        if (!canDo('renew', row.postStatus)) throw conflictError([fieldError('postStatus', `only an active or approved post can be renewed (this one is ${row.postStatus})`)]);
        bad(checkRenewal(body, row));
        await update({ action: 'renew', reason: typeof body.reason === 'string' ? body.reason : null, by: actorOf(user) }, documentId, {
          termEnd: body.termEnd,
        });
      });
    },

    async end(documentId: string, body: any, user: User) {
      const { row: found, scope } = await postFor(documentId, user);
      body = body ?? {};
      bad(checkEnding(body));
      let successor: any = null;
      if (body.successor) {
        successor = await loadPost(body.successor);
        const sameScope = successor && successor.dimension === scope.dimension && scopeOfRow(successor)?.id === scope.id;
        if (!successor || !sameScope || successor.id === found.id) {
          bad([fieldError('successor', 'must be another post of the same scope')]);
        }
      }
      return locked(scope, documentId, async (row) => {
        if (!canDo('end', row.postStatus)) throw conflictError([fieldError('postStatus', `only an active or approved post can be ended (this one is ${row.postStatus})`)]);
        await update({ action: 'end', reason: body.reason, by: actorOf(user) }, documentId, {
          postStatus: 'ended',
          endReason: body.reason,
          endNote: typeof body.note === 'string' && body.note.trim() ? body.note : null,
          termEnd: termEndOnEnding(row.termStart, row.termEnd, today()),
          ...(successor ? { successor: successor.documentId } : {}),
        });
      });
    },

    async history(documentId: string, user: User) {
      await postFor(documentId, user);
      return historyOf(strapi, documentId);
    },

    async getQuotas(query: any, user: User) {
      const dimension = query?.dimension;
      if (dimension !== undefined && !DIMENSIONS.includes(dimension)) bad([fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`)]);
      if (query?.scope) {
        if (!dimension) bad([fieldError('dimension', 'is required with a scope')]);
        const scope = await findScope(strapi, dimension, query.scope);
        if (!scope) throw notFound('Scope');
        await assertCanAct(strapi, user, scope);
        const quota = await postsOf(strapi, dimension, scope.documentId);
        return {
          dimension,
          scope: { documentId: scope.documentId, name: scope.name },
          posts: quota.posts,
          override: quota.override,
          default: quota.dimensionDefault ?? DEFAULT_POSTS[dimension as Dimension],
          occupied: await occupiedIn(strapi, dimension, scope.id),
        };
      }
      const rows: any[] = await strapi.db.query(QUOTAS as any).findMany({ where: dimension ? { dimension } : {} });
      return (dimension ? [dimension] : DIMENSIONS).map((d: Dimension) => ({
        dimension: d,
        posts: rows.find((r) => r.dimension === d && r.scope === '*')?.posts ?? DEFAULT_POSTS[d],
        builtIn: DEFAULT_POSTS[d],
        overrides: rows.filter((r) => r.dimension === d && r.scope !== '*').map((r) => ({ scope: r.scope, posts: r.posts })),
      }));
    },

    /**
     * Sets a dimension's default (no scope) or one scope's override. Refused (409) when
     * it would leave a scope with more active and approved liaisons than posts: end
     * terms first, then lower the number.
     */
    async setQuota(body: any, user: User) {
      body = body ?? {};
      bad(checkQuota(body));
      const dimension = body.dimension as Dimension;
      const scope = body.scope ? await findScope(strapi, dimension, body.scope) : null;
      if (body.scope && !scope) bad([fieldError('scope', `no ${dimension} scope has this documentId`)]);
      if (scope) await assertCanAct(strapi, user, scope);
      else if (!(await strapi.plugin('liaison').service('access').scopeOf(user)).all) {
        throw new errors.ForbiddenError("Only staff of the whole network set a dimension's default");
      }
      const key = scope ? scope.documentId : '*';
      return strapi.db.transaction(async () => {
        if (scope) {
          await lockScope(strapi, dimension, scope.id);
          const occupied = await occupiedIn(strapi, dimension, scope.id);
          if (occupied > body.posts) throw conflictError([fieldError('posts', `${occupied} posts of this scope are taken: end terms before lowering the number below that`)]);
        } else {
          const worst = await this.mostOccupiedWithoutOverride(dimension);
          if (worst > body.posts) throw conflictError([fieldError('posts', `a scope without its own number has ${worst} posts taken: end terms or set its own number first`)]);
        }
        const existing: any = await strapi.db.query(QUOTAS as any).findOne({ where: { dimension, scope: key } });
        if (existing) await strapi.documents(QUOTAS as any).update({ documentId: existing.documentId, data: { posts: body.posts } as any });
        else await strapi.documents(QUOTAS as any).create({ data: { dimension, scope: key, posts: body.posts } as any });
        return { dimension, scope: scope ? { documentId: scope.documentId, name: scope.name } : null, posts: body.posts };
      });
    },

    /** The most posts taken in one scope of the dimension that follows the default: one query. */
    async mostOccupiedWithoutOverride(dimension: Dimension): Promise<number> {
      const link = joinOf(strapi, POSTS, SCOPE_FIELD[dimension]);
      const scopeTable = tableOf(strapi, SCOPE_UID[dimension]);
      const quotas = tableOf(strapi, QUOTAS);
      const sql = `SELECT MAX(x.n) AS worst FROM (
          SELECT l.${link.to} AS sid, COUNT(*) AS n FROM ${tableOf(strapi, POSTS)} p JOIN ${link.table} l ON l.${link.from} = p.id
          WHERE p.${columnOf(strapi, POSTS, 'postStatus')} IN (?, ?) GROUP BY l.${link.to}) x
        JOIN ${scopeTable} s ON s.id = x.sid
        WHERE s.${columnOf(strapi, SCOPE_UID[dimension], 'documentId')} NOT IN (
          SELECT q.${columnOf(strapi, QUOTAS, 'scope')} FROM ${quotas} q WHERE q.${columnOf(strapi, QUOTAS, 'dimension')} = ?)`;
      const rows = rowsOf(await raw(sql, [...OCCUPYING_STATUSES, dimension]));
      return Number(rows[0]?.worst ?? 0);
    },

    /**
     * Graduation appointment: a class's liaisons in one step, all or nothing, then one
     * e-mail to every member who consented to contact, naming the liaisons and how to reach them.
     */
    async appoint(cohortDocumentId: string, body: any, user: User) {
      const scope = await findScope(strapi, 'cohort', cohortDocumentId);
      if (!scope) throw notFound('Cohort');
      await assertCanAct(strapi, user, scope);
      body = body ?? {};
      const problems: FieldError[] = [...checkTerm(body)];
      const list: any[] = Array.isArray(body.appointments) ? body.appointments : [];
      if (!list.length) problems.push(fieldError('appointments', 'name at least one appointee'));
      const locale: Locale = body.locale === 'en' ? 'en' : 'zh-Hans';
      const people: any[] = [];
      for (const [i, a] of list.entries()) {
        const at = `appointments[${i}]`;
        const field = a?.alumnus ? 'alumnus' : 'studentNo';
        if (!ROLES.includes(a?.role)) problems.push(fieldError(`${at}.role`, `must be one of ${ROLES.join(', ')}`));
        let who: any = null;
        if (a?.alumnus) who = await findAlumnus(a.alumnus);
        else if (typeof a?.studentNo === 'string' && a.studentNo.trim()) {
          who = await strapi.db.query(ALUMNI as any).findOne({ where: { studentNo: a.studentNo.trim() }, populate: { cohort: { select: ['id'] } } });
        } else {
          problems.push(fieldError(`${at}.alumnus`, 'name the appointee by alumnus (documentId) or studentNo'));
          continue;
        }
        if (!who) problems.push(fieldError(`${at}.${field}`, 'no alumnus found'));
        else if (who.cohort?.id !== scope.id) problems.push(fieldError(`${at}.${field}`, `${who.name} is not a member of this class`));
        else if (who.alumnusStatus === 'deceased') problems.push(fieldError(`${at}.${field}`, `${who.name} is recorded as deceased`));
        else if (people.some((p) => p?.who.id === who.id)) problems.push(fieldError(`${at}.${field}`, `${who.name} is named twice`));
        people.push(who ? { who, field, role: a.role } : null);
      }
      bad(problems);
      const by = actorOf(user);
      const status = statusOnApproval(body.termStart, today());
      return strapi.db.transaction(async () => {
        await lockScope(strapi, 'cohort', scope.id);
        await assertRoom(strapi, scope, people.length, 'appointments');
        for (const [i, p] of people.entries()) {
          await assertNoOverlap(
            strapi,
            { dimension: 'cohort', scopeId: scope.id, alumnusId: p.who.id, termStart: body.termStart, termEnd: body.termEnd || null },
            `appointments[${i}].${p.field}`,
          );
        }
        const created: string[] = [];
        for (const p of people) {
          const post: any = await strapi.documents(POSTS as any).create(
            withHistory(
              {
                data: {
                  alumnus: p.who.documentId,
                  dimension: 'cohort',
                  cohort: scope.documentId,
                  role: p.role,
                  termStart: body.termStart,
                  termEnd: body.termEnd || null,
                  postStatus: status,
                  nominationSource: 'staff',
                } as any,
              },
              { action: 'appoint', reason: 'graduation appointment', by: by ?? undefined },
            ),
          );
          created.push(post.documentId);
        }
        const mailed = await this.mailClass(scope, created, locale);
        return { posts: await Promise.all(created.map((d) => reload(d))), mailed };
      });
    },

    /** One mail to each consenting, reachable member of the class: its liaisons and how to reach them. */
    async mailClass(scope: Scope, created: string[], locale: Locale) {
      const holders: any[] = await posts().findMany({
        where: { cohort: { id: scope.id }, postStatus: { $in: [...OCCUPYING_STATUSES] } },
        populate: { alumnus: person },
        orderBy: [{ role: 'asc' }, { id: 'asc' }],
      });
      const liaisons: LiaisonContact[] = holders.map((h) => ({
        name: h.alumnus?.name,
        role: h.role,
        email: h.alumnus?.email,
        phone: h.alumnus?.phone,
      }));
      const members: any[] = await strapi.db.query(ALUMNI as any).findMany({
        where: { cohort: { id: scope.id }, contactConsent: true, email: { $notNull: true, $ne: '' }, alumnusStatus: { $ne: 'deceased' } },
        select: ['id', 'documentId', 'name', 'email', 'language'],
      });
      const batch = [...created].sort().join(',');
      return strapi
        .plugin('liaison')
        .service('outbox')
        .enqueue(
          members.map((m) => ({
            to: m.email,
            ...appointmentMail(languageOf(m, locale), { recipient: m.name, className: scope.name, liaisons }),
            kind: 'appointment',
            dedupeKey: `appointment:${scope.documentId}:${batch}:${m.documentId}`.slice(0, 255),
            alumnusId: m.id,
            locale: languageOf(m, locale),
          })),
        );
    },

    /** Ranked suggestions for a scope's free post, with their reasons: the data from one SQL query. */
    async candidates(query: any, user: User) {
      const dimension = query?.dimension as Dimension;
      const problems: FieldError[] = [];
      if (!DIMENSIONS.includes(dimension)) problems.push(fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`));
      if (typeof query?.scope !== 'string' || !query.scope) problems.push(fieldError('scope', 'is required (a documentId)'));
      const limit = query?.limit === undefined ? 20 : Number(query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) problems.push(fieldError('limit', 'must be a whole number from 1 to 100'));
      bad(problems);
      const scope = await findScope(strapi, dimension, query.scope);
      if (!scope) throw notFound('Scope');
      await assertCanAct(strapi, user, scope);
      const [{ posts: places }, occupied] = await Promise.all([postsOf(strapi, dimension, scope.documentId), occupiedIn(strapi, dimension, scope.id)]);
      const rows = await this.candidateRows(dimension, scope.id);
      return {
        data: rankCandidates(rows, dimension, today(), limit),
        meta: { posts: places, occupied, free: Math.max(0, places - occupied) },
      };
    },

    async candidateRows(dimension: Dimension, scopeId: number): Promise<CandidateRow[]> {
      const A = (attr: string) => `a.${columnOf(strapi, ALUMNI, attr)}`;
      const P = (attr: string) => columnOf(strapi, POSTS, attr);
      const TR = 'plugin::liaison.training-record';
      const alumnusCohort = joinOf(strapi, ALUMNI, 'cohort');
      const cohortCollege = joinOf(strapi, SCOPE_UID.cohort, 'college');
      const postAlumnus = joinOf(strapi, POSTS, 'alumnus');
      const postScope = joinOf(strapi, POSTS, SCOPE_FIELD[dimension]);
      const recordAlumnus = joinOf(strapi, TR, 'alumnus');
      const postsTable = tableOf(strapi, POSTS);
      const members = {
        cohort: `SELECT m.${alumnusCohort.from} FROM ${alumnusCohort.table} m WHERE m.${alumnusCohort.to} = ?`,
        college: `SELECT m.${alumnusCohort.from} FROM ${alumnusCohort.table} m JOIN ${cohortCollege.table} cc ON cc.${cohortCollege.from} = m.${alumnusCohort.to} WHERE cc.${cohortCollege.to} = ?`,
        region: (() => {
          const j = joinOf(strapi, ALUMNI, 'chapter');
          return `SELECT m.${j.from} FROM ${j.table} m WHERE m.${j.to} = ?`;
        })(),
        industry: (() => {
          const j = joinOf(strapi, ALUMNI, 'industry');
          return `SELECT m.${j.from} FROM ${j.table} m WHERE m.${j.to} = ?`;
        })(),
      }[dimension];
      const live = LIVE_STATUSES.map(() => '?').join(', ');
      const sql = `SELECT a.document_id AS "documentId", ${A('name')} AS name, ${A('contactConsent')} AS "contactConsent",
          ${A('email')} AS email, ${A('phone')} AS phone, ${A('lastVerifiedAt')} AS "lastVerifiedAt", c.${columnOf(strapi, SCOPE_UID.cohort, 'gradYear')} AS "gradYear",
          CASE WHEN EXISTS (SELECT 1 FROM ${tableOf(strapi, TR)} tr JOIN ${recordAlumnus.table} tra ON tra.${recordAlumnus.from} = tr.id
            WHERE tra.${recordAlumnus.to} = a.id AND tr.${columnOf(strapi, TR, 'attended')} = ? AND tr.${columnOf(strapi, TR, 'result')} = 'passed') THEN 1 ELSE 0 END AS trained,
          (SELECT COUNT(*) FROM ${postAlumnus.table} pa JOIN ${postsTable} p ON p.id = pa.${postAlumnus.from}
            WHERE pa.${postAlumnus.to} = a.id AND p.${P('postStatus')} IN (${live})) AS posts,
          CASE WHEN EXISTS (SELECT 1 FROM ${postAlumnus.table} pa JOIN ${postsTable} p ON p.id = pa.${postAlumnus.from}
            JOIN ${postScope.table} ps ON ps.${postScope.from} = p.id
            WHERE pa.${postAlumnus.to} = a.id AND ps.${postScope.to} = ? AND p.${P('postStatus')} = 'ended') THEN 1 ELSE 0 END AS "servedBefore"
        FROM ${tableOf(strapi, ALUMNI)} a
        LEFT JOIN ${alumnusCohort.table} ac ON ac.${alumnusCohort.from} = a.id
        LEFT JOIN ${tableOf(strapi, SCOPE_UID.cohort)} c ON c.id = ac.${alumnusCohort.to}
        WHERE a.id IN (${members}) AND ${A('alumnusStatus')} = 'active'
          AND NOT EXISTS (SELECT 1 FROM ${postAlumnus.table} pa JOIN ${postsTable} p ON p.id = pa.${postAlumnus.from}
            JOIN ${postScope.table} ps ON ps.${postScope.from} = p.id
            WHERE pa.${postAlumnus.to} = a.id AND ps.${postScope.to} = ? AND p.${P('postStatus')} IN (${live}))`;
      const rows = rowsOf<any>(await raw(sql, [true, ...LIVE_STATUSES, scopeId, scopeId, scopeId, ...LIVE_STATUSES]));
      return rows.map((r) => ({
        ...r,
        gradYear: r.gradYear === null || r.gradYear === undefined ? null : Number(r.gradYear),
        lastVerifiedAt: r.lastVerifiedAt ? (r.lastVerifiedAt instanceof Date ? dayOf(r.lastVerifiedAt) : String(r.lastVerifiedAt).slice(0, 10)) : null,
        posts: Number(r.posts),
        trained: Number(r.trained) === 1,
        servedBefore: Number(r.servedBefore) === 1,
      }));
    },

    /**
     * The daily work on terms, for `day` (YYYY-MM-DD, the network's date): ends active
     * posts past their term end, activates approved posts whose term has begun, and
     * queues the 30- and 7-day reminders (once each, ever, by their dedupe key).
     */
    async runExpiry(day: string = today()) {
      if (!isDay(day)) throw new Error(`runExpiry needs a day written yyyy-MM-dd, not ${day}`);
      return strapi.db.transaction(async ({ trx }) => {
        // Two runs at once (two instances, or a run beside the scheduled one) take turns,
        // so the second finds the first's work done and its mails queued.
        if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['liaison:post-expiry']);
        const candidates: any[] = await posts().findMany({
          where: {
            postStatus: { $in: ['active', 'approved'] },
            $or: [{ termEnd: { $lte: addDays(day, 30) } }, { postStatus: 'approved', termStart: { $lte: day } }],
          },
          populate: {
            alumnus: person,
            cohort: {
              ...named(SCOPE_UID.cohort),
              populate: {
                college: {
                  select: ['id'],
                  populate: { staff: { select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'preferedLanguage'] } },
                },
              },
            },
            college: {
              ...named(SCOPE_UID.college),
              populate: { staff: { select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'preferedLanguage'] } },
            },
            chapter: named(SCOPE_UID.region),
            industry: named(SCOPE_UID.industry),
          },
          orderBy: [{ id: 'asc' }],
        });
        const office: any[] = await strapi.db.query('admin::user').findMany({
          where: { isActive: true, roles: { name: STAFF_ROLE } },
          select: ['id', 'email', 'firstname', 'lastname', 'preferedLanguage'],
        });
        let ended = 0;
        let activated = 0;
        const mails: any[] = [];
        for (const post of candidates) {
          for (const step of expirySteps(post, day)) {
            if (step.kind === 'end') {
              await update({ action: 'expire', reason: 'term_over', by: SYSTEM }, post.documentId, {
                postStatus: 'ended',
                endReason: 'term_over',
              });
              ended++;
            } else if (step.kind === 'activate') {
              await update({ action: 'activate', reason: 'term started', by: SYSTEM }, post.documentId, { postStatus: 'active' });
              activated++;
            } else {
              mails.push(...this.reminders(post, step.days, office));
            }
          }
        }
        const reminders = mails.length ? await strapi.plugin('liaison').service('outbox').enqueue(mails) : 0;
        return { day, ended, activated, reminders };
      });
    },

    reminders(post: any, days: number, office: any[]) {
      const scope = scopeOfRow(post);
      const holder = post.alumnus?.name ?? '';
      const collegeStaff: any[] = post.dimension === 'cohort' ? (post.cohort?.college?.staff ?? []) : post.dimension === 'college' ? (post.college?.staff ?? []) : [];
      const staff = [...office, ...collegeStaff.filter((u) => u.isActive !== false)];
      const seen = new Set<string>();
      const mails: any[] = [];
      const common = { holder, role: post.role, dimension: post.dimension, scope: scope?.name ?? '', termEnd: post.termEnd, days };
      if (post.alumnus?.email && post.alumnus.alumnusStatus !== 'deceased') {
        seen.add(post.alumnus.email.toLowerCase());
        mails.push({
          to: post.alumnus.email,
          ...reminderMail(languageOf(post.alumnus, 'zh-Hans'), { ...common, toLiaison: true, recipient: holder }),
          kind: 'term-reminder',
          dedupeKey: reminderKey(post.documentId, post.termEnd, days, post.alumnus.email),
          alumnusId: post.alumnus.id,
          locale: languageOf(post.alumnus, 'zh-Hans'),
        });
      }
      for (const u of staff) {
        if (!u?.email || seen.has(u.email.toLowerCase())) continue;
        seen.add(u.email.toLowerCase());
        const locale: Locale = u.preferedLanguage === 'en' ? 'en' : 'zh-Hans';
        const recipient = [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email;
        mails.push({
          to: u.email,
          ...reminderMail(locale, { ...common, toLiaison: false, recipient }),
          kind: 'term-reminder',
          dedupeKey: reminderKey(post.documentId, post.termEnd, days, u.email),
          locale,
        });
      }
      return mails;
    },
  };
};

export { reminderDue, scopeById };
