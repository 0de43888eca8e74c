import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../writes/types';
import { fieldError } from '../rules/field-error';
import { conflictError, validationError } from '../utils/errors';
import { checkOpen, checkScoredCriterion, type Criterion } from './rules';
import { cycleRulesProblems, scoreProblems } from './inputs';
import { jsonColumn } from '../utils/db';

const CYCLE = 'plugin::liaison.appraisal-cycle';
const APPRAISAL = 'plugin::liaison.appraisal';
const SCORE = 'plugin::liaison.appraisal-score';
const NOTE = 'plugin::liaison.appraisal-note';

/** What the server computes: never typed in, whatever the path (Content Manager included). */
const COMPUTED = ['dimension', 'scopeKey', 'collegeId', 'measures', 'scores', 'total', 'grade', 'rank', 'scopeRank'];
const WRITES = new Set(['create', 'update', 'delete', 'clone']);

/** 409 when the cycle is closed: the one check of "a closed cycle is frozen", which the service also runs. */
export const assertOpen = (cycle: { cycleStatus?: string | null } | null | undefined) => {
  const problems = checkOpen(cycle);
  if (problems.length) throw conflictError(problems);
};

/**
 * The appraisal's rules on every write path: computed fields are the server's, a closed
 * cycle is frozen (its criteria, scores and feedback), criteria and thresholds are valid,
 * and a cycle is closed only through its close action (which mails the results).
 */
export const appraisalGuard = (strapi: Core.Strapi): DocumentMiddleware => {
  const relationId = (value: any): number | string | null => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number' || typeof value === 'string') return value;
    const first = value.connect?.[0] ?? value.set?.[0] ?? value;
    return first?.id ?? first?.documentId ?? (typeof first === 'number' || typeof first === 'string' ? first : null);
  };
  const cycleOfAppraisal = async (ref: number | string | null) => {
    if (ref === null) return null;
    const where = typeof ref === 'number' || /^\d+$/.test(String(ref)) ? { id: Number(ref) } : { documentId: String(ref) };
    const row = await strapi.db.query(APPRAISAL).findOne({
      where,
      populate: { cycle: { select: ['id', 'cycleStatus', 'criteria'] } },
    });
    return row?.cycle ?? null;
  };

  return (async (ctx: any, next: () => Promise<unknown>) => {
    if (!WRITES.has(ctx.action)) return next();
    const data = ctx.params?.data;
    if (ctx.uid === APPRAISAL) {
      if (data) for (const field of COMPUTED) delete data[field];
      if (ctx.action !== 'create' && ctx.params?.documentId) {
        const row = await strapi.db.query(APPRAISAL).findOne({
          where: { documentId: ctx.params.documentId },
          populate: { cycle: { select: ['cycleStatus'] } },
        });
        assertOpen(row?.cycle);
      }
    }
    if (ctx.uid === CYCLE) {
      if (ctx.action !== 'create' && ctx.params?.documentId) {
        const row = await strapi.db.query(CYCLE).findOne({
          where: { documentId: ctx.params.documentId },
          select: ['cycleStatus'],
        });
        assertOpen(row);
      }
      if (data) {
        const problems = cycleRulesProblems(data);
        if (data.cycleStatus === 'closed') problems.push(fieldError('cycleStatus', 'appraisal.closeAction'));
        if (problems.length) throw validationError(problems);
        delete data.closedAt;
      }
    }
    if (ctx.uid === SCORE || ctx.uid === NOTE) {
      let cycle: { cycleStatus?: string; criteria?: unknown } | null = null;
      if (ctx.action === 'create') cycle = await cycleOfAppraisal(relationId(data?.appraisal));
      else if (ctx.params?.documentId) {
        const row = await strapi.db.query(ctx.uid).findOne({
          where: { documentId: ctx.params.documentId },
          populate: { appraisal: { select: ['id'] } },
        });
        cycle = await cycleOfAppraisal(row?.appraisal?.id ?? null);
        if (cycle?.cycleStatus !== 'closed' && data?.appraisal !== undefined) cycle = await cycleOfAppraisal(relationId(data.appraisal));
      }
      assertOpen(cycle);
      if (ctx.uid === SCORE && data?.score !== undefined) {
        const problems = scoreProblems(data.score);
        if (problems.length) throw validationError(problems);
      }
      // A score is for one of the cycle's scored criteria, whoever writes it.
      if (ctx.uid === SCORE && cycle && (ctx.action === 'create' || data?.criterion !== undefined)) {
        const criteria = (jsonColumn(cycle.criteria) ?? []) as Criterion[];
        const problems = checkScoredCriterion(criteria, data?.criterion);
        if (problems.length) throw validationError(problems);
      }
    }
    return next();
  }) as DocumentMiddleware;
};
