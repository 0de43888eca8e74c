import { errors } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError, forbiddenError, validationError } from '../utils/errors';
import { isPostgres } from '../utils/db';
import { namedAlumni } from '../utils/named-alumni';
import { eligibilityProblem, KIND_NAMES, type Kind } from './rules';
import type { BulkInput, NominationInput, RejectionInput } from './inputs';
import type { EligibilityRules } from './rules';
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
  const nominateMany = async (body: Omit<NominationInput, 'alumnus'>, alumni: string[], user: User, single: boolean) => {
    const problems: FieldError[] = [];
    const cycle = await strapi.db.query(UID.cycle).findOne({ where: { documentId: body.cycle } });
    if (!cycle) problems.push(fieldError('cycle', 'honours.cycle'));
    const path = (i: number) => (single ? 'alumnus' : `alumni[${i}]`);
    const named = await namedAlumni(strapi, alumni, path, ['id', 'name', 'email', 'contactConsent', 'language']);
    problems.push(...named.problems);
    if (problems.length) throw validationError(problems);
    if (cycle.cycleStatus !== 'closed') throw conflictError([fieldError('cycle', 'honours.open')]);

    const people = alumni.map((a) => named.byDocumentId.get(a));
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
          throw forbiddenError(path(i), 'access.outside');
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
        throw conflictError([fieldError(path(i), 'honours.taken', { kind: KIND_NAMES[kind] })]);
      }
      const year = Number(String(day(cycle.periodEnd)).slice(0, 4));
      const created: string[] = [];
      for (const p of people) {
        const s = standing.get(p.id)!;
        const honour = await strapi.documents(UID.honour as any).create({
          data: {
            alumnus: p.id,
            kind,
            title: body.title,
            amount: body.amount,
            citation: body.citation,
            showPublicly: body.showPublicly,
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
      throw forbiddenError('honour', 'access.outside');
    return row;
  };

  return {
    async setRules(body: Partial<EligibilityRules>) {
      const merged = { ...(await rules()), ...body };
      await saveRules(merged);
      return merged;
    },

    async nominate({ alumnus, ...body }: NominationInput, user: User) {
      const [honour] = await nominateMany(body, [alumnus], user, true);
      return honour;
    },

    async bulk({ alumni, ...body }: BulkInput, user: User): Promise<Honour[]> {
      return nominateMany(body, alumni, user, false);
    },

    /** The committee's approval: the honour is awarded today, and the alumnus told. */
    async approve(documentId: string, user: User) {
      const row = await honourFor(documentId, user);
      if (row.honourStatus !== 'nominated')
        throw conflictError([fieldError('honourStatus', 'honours.approveStatus', { status: row.honourStatus })]);
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

    async reject(documentId: string, body: RejectionInput, user: User) {
      const row = await honourFor(documentId, user);
      if (row.honourStatus !== 'nominated') throw conflictError([fieldError('honourStatus', 'honours.rejectStatus', { status: row.honourStatus })]);
      await strapi.documents(UID.honour as any).update({
        documentId,
        data: {
          honourStatus: 'rejected',
          rejectionReason: body.reason,
          decidedBy: user.id,
        } as any,
      });
      return present(await strapi.db.query(UID.honour).findOne({ where: { documentId }, populate: POPULATE }));
    },
  };
};
