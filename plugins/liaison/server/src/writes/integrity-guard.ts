import type { Core, UID } from '@strapi/strapi';
import {
  checkCohortYears,
  checkDateFormats,
  checkEvent,
  checkEventPublishable,
  checkLiaisonPost,
  checkOrder,
  checkStoryPublishable,
  checkTags,
  fieldError,
  SCOPE_FIELDS,
  type EventState,
  type FieldError,
} from '../rules';
import { classifyDbError, uniqueFieldError } from '../utils/db-errors';
import { conflictError, validationError } from '../utils/errors';
import { indexFieldNames } from '../services/db-guards';
import { writtenIds } from '../utils/written';
import type { DocumentMiddleware } from './types';

type Row = Record<string, any>;

interface GuardContext {
  row: Row;
  /** The write makes the row public: a publish, or a create/update with status "published". */
  publishing: boolean;
}

interface Guard {
  /** Relations to read back with the row (only their ids). */
  relations: string[];
  /** Relations read back with more than their ids. */
  populate?: Record<string, { select: string[] }>;
  /** Relations a record cannot be saved without. */
  required?: string[];
  /** Relation pairs that identify a record: a second one is a conflict. */
  uniqueTogether?: [string, string][];
  check?: (ctx: GuardContext) => FieldError[];
}

const has = (row: Row, relation: string) => !!row[relation]?.id;

const eventState = (row: Row): EventState => ({
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  registrationOpensAt: row.registrationOpensAt,
  registrationClosesAt: row.registrationClosesAt,
  venue: row.venue,
  onlineUrl: row.onlineUrl,
  organisers: { chapter: has(row, 'chapter'), college: has(row, 'college'), industry: has(row, 'industry') },
});

export const GUARDS: Partial<Record<UID.Schema, Guard>> = {
  'plugin::liaison.liaison': {
    relations: ['alumnus', ...SCOPE_FIELDS],
    check: ({ row }) =>
      checkLiaisonPost({
        dimension: row.dimension,
        hasAlumnus: has(row, 'alumnus'),
        scopes: Object.fromEntries(SCOPE_FIELDS.map((f) => [f, has(row, f)])) as Record<(typeof SCOPE_FIELDS)[number], boolean>,
        termStart: row.termStart,
        termEnd: row.termEnd,
        postStatus: row.postStatus,
        nominationReason: row.nominationReason,
        endReason: row.endReason,
      }),
  },
  'plugin::liaison.cohort': { relations: ['college'], required: ['college'] },
  'plugin::liaison.training-session': {
    relations: ['course'],
    required: ['course'],
    check: ({ row }) => checkOrder({ field: 'startsAt', value: row.startsAt }, { field: 'endsAt', value: row.endsAt }),
  },
  'plugin::liaison.training-record': {
    relations: ['session', 'alumnus'],
    required: ['session', 'alumnus'],
    uniqueTogether: [['session', 'alumnus']],
  },
  'plugin::liaison.appraisal-cycle': {
    relations: [],
    check: ({ row }) =>
      checkOrder({ field: 'periodStart', value: row.periodStart }, { field: 'periodEnd', value: row.periodEnd }),
  },
  'plugin::liaison.appraisal': {
    relations: ['cycle', 'liaison'],
    required: ['cycle', 'liaison'],
    uniqueTogether: [['cycle', 'liaison']],
  },
  'plugin::liaison.honour': { relations: ['alumnus'], required: ['alumnus'] },
  'plugin::liaison.contact-log': { relations: ['liaison'], required: ['liaison'] },
  'plugin::liaison.story': {
    relations: [],
    populate: { featuredAlumni: { select: ['id', 'name', 'publishConsent'] } },
    check: ({ row, publishing }) => [
      ...checkCohortYears(row.cohortYears),
      ...checkTags(row.tags),
      ...(publishing ? checkStoryPublishable(row.featuredAlumni ?? []) : []),
    ],
  },
  'plugin::liaison.event': {
    relations: ['chapter', 'college', 'industry'],
    check: ({ row, publishing }) => [
      ...checkEvent(eventState(row)),
      ...(publishing ? checkEventPublishable(eventState(row)) : []),
    ],
  },
};

const GUARDED_ACTIONS = new Set<string>(['create', 'update', 'publish', 'clone']);

const checkRow = async (strapi: Core.Strapi, uid: UID.Schema, guard: Guard, publishing: boolean, id: number) => {
  const populate = { ...Object.fromEntries(guard.relations.map((r) => [r, { select: ['id'] }])), ...guard.populate };
  const row = (await strapi.db.query(uid).findOne({ where: { id }, populate })) as Row | null;
  if (!row) return;

  const problems: FieldError[] = [];
  for (const relation of guard.required ?? []) {
    if (!has(row, relation)) problems.push(fieldError(relation, 'required'));
  }
  problems.push(...(guard.check?.({ row, publishing }) ?? []));
  if (problems.length) throw validationError(problems);

  for (const [a, b] of guard.uniqueTogether ?? []) {
    // Two concurrent writes of the same pair would each count zero on PostgreSQL (neither
    // sees the other's uncommitted row): a lock on the pair, held until commit, makes the
    // second one wait and then count the first. SQLite runs one write at a time.
    if (strapi.db.dialect.client === 'postgres') {
      await strapi.db.transaction(({ trx }) =>
        trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`${uid}:${a}=${row[a].id}:${b}=${row[b].id}`])
      );
    }
    const taken = await strapi.db.query(uid).count({
      where: { id: { $ne: id }, [a]: { id: row[a].id }, [b]: { id: row[b].id } },
    });
    if (taken > 0) throw conflictError([fieldError(b, 'unique.together', { field: a })]);
  }
};

/** Turns the database's own refusals into 409/400 errors that name the field. */
const translateDbError = (strapi: Core.Strapi, uid: UID.Schema, error: unknown): unknown => {
  const problem = classifyDbError(error);
  if (!problem) return error;
  if (problem.kind === 'check') return validationError([fieldError(problem.field, problem.id, problem.values)]);
  const attributes = strapi.db.metadata.get(uid).attributes as Record<string, { columnName?: string }>;
  const byColumn = (column: string) =>
    Object.entries(attributes).find(([, a]) => a.columnName === column)?.[0] ?? null;
  return conflictError([uniqueFieldError(problem, byColumn, indexFieldNames())]);
};

/**
 * A Document Service middleware: every write through REST, the Content Manager or
 * `strapi.documents()` runs in one transaction with the check of what it stored,
 * so a write that breaks a rule leaves nothing behind.
 */
export const integrityGuard = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (!ctx.uid.startsWith('plugin::liaison.')) return next();
  const data = (ctx.params as { data?: Record<string, unknown> })?.data;
  const badDates = checkDateFormats(strapi.getModel(ctx.uid).attributes as Record<string, { type?: string }>, data);
  if (badDates.length) throw validationError(badDates);

  const guard = GUARDS[ctx.uid];
  const guarded = guard && GUARDED_ACTIONS.has(ctx.action);
  try {
    if (!guarded) return await next();
    return await strapi.db.transaction(async () => {
      const result = await next();
      const publishing = ctx.action === 'publish' || (ctx.params as { status?: string })?.status === 'published';
      for (const id of writtenIds(result)) {
        await checkRow(strapi, ctx.uid, guard, publishing, id);
      }
      return result;
    });
  } catch (error) {
    throw translateDbError(strapi, ctx.uid, error);
  }
};
