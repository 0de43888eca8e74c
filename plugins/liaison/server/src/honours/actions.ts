import { errors } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError, forbiddenError, validationError } from '../utils/errors';
import { isPostgres } from '../utils/db';
import { checkNomination, checkRules, eligibilityProblem, KIND_NAMES, type Kind } from './rules';
import { awardMail, type Locale } from './templates';
import { day, UID, type Deps, type User } from './deps';
import { POPULATE, present, standings } from './queries';
import type { Honour } from '../admin-api-types';

const today = () => new Date().toISOString().slice(0, 10);

/** The honours' writes: the committee's rules, nominations (one or many), approval and rejection. */
export const actions = ({ strapi, scopeOf, rules, saveRules }: Deps) => {
  /**
   * Nominates one honour for each alumnus, all or nothing: every rule is checked for
   * every alumnus first, and the first refusal names `alumni[i]` (or `alumnus` for one).
   */
  const nominateMany = async (body: any, alumni: unknown[], user: User, single: boolean) => {
    const problems = checkNomination(body);
    const cycle =
      typeof body?.cycle === 'string' ? await strapi.db.query(UID.cycle).findOne({ where: { documentId: body.cycle } }) : null;
    if (!cycle) problems.push(fieldError('cycle', 'must be the documentId of an appraisal cycle'));
    if (!single && (!Array.isArray(alumni) || !alumni.length)) problems.push(fieldError('alumni', 'name at least one alumnus'));
    const path = (i: number) => (single ? 'alumnus' : `alumni[${i}]`);
    const ids = new Map<string, any>();
    const docIds = alumni.filter((a): a is string => typeof a === 'string');
    if (docIds.length) {
      const found = await strapi.db.query(UID.alumnus).findMany({
        where: { documentId: { $in: docIds } },
        select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
      });
      for (const f of found) ids.set(f.documentId, f);
    }
    const seen = new Set<string>();
    alumni.forEach((a, i) => {
      if (typeof a !== 'string' || !ids.has(a)) problems.push(fieldError(path(i), 'no alumnus has this documentId'));
      else if (seen.has(a)) problems.push(fieldError(path(i), 'is named twice'));
      seen.add(a as string);
    });
    if (problems.length) throw validationError(problems);
    if (cycle.cycleStatus !== 'closed')
      throw conflictError([fieldError('cycle', 'honours rest on final results: close the appraisal cycle first')]);

    const people = alumni.map((a) => ids.get(a as string));
    const scope = await scopeOf(user);
    const eligibility = await rules();
    const kind = body.kind as Kind;
    return strapi.db.transaction(async ({ trx }) => {
      // Per alumnus, so that two nominations of the same honour at once cannot both pass.
      if (isPostgres(strapi))
        for (const p of [...people].sort((x, y) => x.id - y.id)) await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [774600, p.id]);
      const standing = await standings(
        strapi,
        cycle.id,
        people.map((p) => p.id),
        trx,
      );
      const refusals: FieldError[] = [];
      people.forEach((p, i) => {
        const s = standing.get(p.id) ?? null;
        if (!scope.all && !(s?.collegeId && scope.colleges.includes(s.collegeId))) {
          throw forbiddenError(path(i), 'outside your colleges and chapters');
        }
        const problem = eligibilityProblem(kind, s?.grade ?? null, eligibility);
        if (problem)
          refusals.push({
            ...problem,
            path: problem.path === 'alumnus' || !single ? path(i) : problem.path,
          });
      });
      if (refusals.length) throw conflictError([refusals[0]]);
      const existing = await strapi.db.query(UID.honour).findMany({
        where: {
          alumnus: { id: { $in: people.map((p) => p.id) } },
          cycle: { id: cycle.id },
          kind,
          honourStatus: { $ne: 'rejected' },
        },
        populate: { alumnus: { select: ['id'] } },
      });
      if (existing.length) {
        const i = people.findIndex((p) => existing.some((e: any) => e.alumnus?.id === p.id));
        throw conflictError([fieldError(path(i), `already has this ${KIND_NAMES[kind]} for this cycle (nominated or awarded)`)]);
      }
      const year = Number(String(day(cycle.periodEnd)).slice(0, 4));
      const created: string[] = [];
      for (const p of people) {
        const s = standing.get(p.id)!;
        const honour = await strapi.documents(UID.honour as any).create({
          data: {
            alumnus: p.id,
            kind,
            title: body.title.trim(),
            amount: body.amount ?? null,
            citation: body.citation ?? null,
            showPublicly: body.showPublicly !== false,
            cycle: cycle.id,
            appraisal: s.appraisalId,
            honourStatus: 'nominated',
            year,
            nominatedBy: user.id,
          } as any,
        });
        created.push(honour.documentId);
      }
      const rows = await strapi.db.query(UID.honour).findMany({
        where: { documentId: { $in: created } },
        populate: POPULATE,
      });
      return created.map((d) => present(rows.find((r: any) => r.documentId === d)));
    });
  };

  /** A nominated honour, refused (403) outside a scoped user's colleges. */
  const honourFor = async (documentId: unknown, user: User) => {
    const row =
      typeof documentId === 'string'
        ? await strapi.db.query(UID.honour).findOne({
            where: { documentId },
            populate: {
              ...POPULATE,
              alumnus: {
                select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
              },
            },
          })
        : null;
    if (!row) throw new errors.NotFoundError('No honour has this documentId');
    const scope = await scopeOf(user);
    if (!scope.all && !(row.appraisal?.collegeId && scope.colleges.includes(Number(row.appraisal.collegeId))))
      throw forbiddenError('honour', 'outside your colleges and chapters');
    return row;
  };

  return {
    async setRules(body: any) {
      const problems = checkRules(body);
      if (problems.length) throw validationError(problems);
      const merged = { ...(await rules()), ...body };
      await saveRules(merged);
      return merged;
    },

    async nominate(body: any, user: User) {
      const [honour] = await nominateMany(body, [body?.alumnus], user, true);
      return honour;
    },

    async bulk(body: any, user: User): Promise<Honour[]> {
      return nominateMany(body, Array.isArray(body?.alumni) ? body.alumni : [], user, false);
    },

    /** The committee's approval: the honour is awarded today, and the alumnus told. */
    async approve(documentId: string, user: User) {
      const row = await honourFor(documentId, user);
      if (row.honourStatus !== 'nominated')
        throw conflictError([fieldError('honourStatus', `only a nominated honour can be approved (this one is ${row.honourStatus})`)]);
      return strapi.db.transaction(async () => {
        await strapi.documents(UID.honour as any).update({
          documentId,
          data: {
            honourStatus: 'awarded',
            awardedOn: today(),
            decidedBy: user.id,
          } as any,
        });
        const a = row.alumnus;
        if (a?.email && a.contactConsent) {
          const locale: Locale = a.language === 'en' ? 'en' : 'zh-Hans';
          await strapi
            .plugin('liaison')
            .service('outbox')
            .enqueue([
              {
                to: a.email,
                ...awardMail(locale, {
                  name: a.name,
                  title: row.title,
                  citation: row.citation,
                }),
                kind: 'honour-awarded',
                dedupeKey: `honour-awarded:${documentId}`,
                alumnusId: a.id,
                locale,
              },
            ]);
        }
        return present(await strapi.db.query(UID.honour).findOne({ where: { documentId }, populate: POPULATE }));
      });
    },

    async reject(documentId: string, body: any, user: User) {
      const row = await honourFor(documentId, user);
      if (typeof body?.reason !== 'string' || !body.reason.trim())
        throw validationError([fieldError('reason', 'a rejection needs its reason')]);
      if (row.honourStatus !== 'nominated')
        throw conflictError([fieldError('honourStatus', `only a nominated honour can be rejected (this one is ${row.honourStatus})`)]);
      await strapi.documents(UID.honour as any).update({
        documentId,
        data: {
          honourStatus: 'rejected',
          rejectionReason: body.reason.trim(),
          decidedBy: user.id,
        } as any,
      });
      return present(await strapi.db.query(UID.honour).findOne({ where: { documentId }, populate: POPULATE }));
    },
  };
};
