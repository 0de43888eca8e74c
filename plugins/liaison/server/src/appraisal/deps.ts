import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbiddenError } from '../utils/errors';
import { isPostgres, jsonColumn } from '../utils/db';
import { DEFAULT_THRESHOLDS, type Criterion, type Thresholds } from './rules';
import type { Cycle } from '../admin-api-types';

export const UID = {
  cycle: 'plugin::liaison.appraisal-cycle',
  appraisal: 'plugin::liaison.appraisal',
  score: 'plugin::liaison.appraisal-score',
  note: 'plugin::liaison.appraisal-note',
  post: 'plugin::liaison.liaison',
  alumnus: 'plugin::liaison.alumnus',
  cohort: 'plugin::liaison.cohort',
  college: 'plugin::liaison.college',
  chapter: 'plugin::liaison.chapter',
  industry: 'plugin::liaison.industry-group',
} as const;

export type User = any;

export const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
export const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : null);

export const criteriaOf = (cycle: any) => (jsonColumn(cycle.criteria) ?? []) as Criterion[];
export const thresholdsOf = (cycle: any) => (jsonColumn(cycle.thresholds) ?? DEFAULT_THRESHOLDS) as Thresholds;

export const presentCycle = (row: any): Cycle => ({
  documentId: row.documentId,
  name: row.name,
  periodStart: day(row.periodStart),
  periodEnd: day(row.periodEnd),
  cycleStatus: row.cycleStatus,
  criteria: jsonColumn(row.criteria) ?? [],
  thresholds: jsonColumn(row.thresholds) ?? DEFAULT_THRESHOLDS,
  closedAt: row.closedAt ?? null,
});

/** What the appraisal service's modules share: finding a cycle or an appraisal, the user's colleges, the cycle's lock. */
export const depsOf = (strapi: Core.Strapi) => {
  const findCycle = async (documentId: string) => {
    const row = typeof documentId === 'string' ? await strapi.db.query(UID.cycle).findOne({ where: { documentId } }) : null;
    if (!row) throw new errors.NotFoundError('No appraisal cycle has this documentId');
    return row;
  };

  const lockCycle = async (cycleId: number, trx: any) => {
    if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [774500, cycleId]);
  };

  /** The scoped user's colleges, or null for the whole network. */
  const collegesOf = async (user: User): Promise<number[] | null> => {
    const scope = await strapi.plugin('liaison').service('access').scopeOf(user);
    return scope.all ? null : scope.colleges;
  };

  /** An appraisal by documentId with its cycle, refused (403) outside a scoped user's colleges. */
  const appraisalFor = async (documentId: unknown, user: User) => {
    const row =
      typeof documentId === 'string'
        ? await strapi.db.query(UID.appraisal).findOne({
            where: { documentId },
            populate: {
              cycle: true,
              liaison: {
                populate: {
                  alumnus: {
                    select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
                  },
                },
              },
            },
          })
        : null;
    if (!row || !row.cycle) throw new errors.NotFoundError('No appraisal has this documentId');
    const colleges = await collegesOf(user);
    if (colleges && !(row.collegeId && colleges.includes(Number(row.collegeId)))) {
      throw forbiddenError('appraisal', 'access.outside');
    }
    return row;
  };

  const outbox = () => strapi.plugin('liaison').service('outbox');

  return { strapi, findCycle, lockCycle, collegesOf, appraisalFor, outbox };
};

export type Deps = ReturnType<typeof depsOf>;
