import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../writes/types';
import type { Knex } from 'knex';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import { ROLE_NAMES_ZH, SEPARATOR } from './label-names';

/**
 * Readable names of the records that have no natural name of their own, kept by the server
 * in their `label` column (like a post's label, see post-labels.ts), e.g. an appraisal is
 * "李振东 · 2025年度考核". The table LABELS says what each label is made of: literal text and
 * pieces read along relations; one UPDATE recomputes the labels of many records.
 */
export const CATEGORY_NAMES_ZH: Record<string, string> = {
  career_help: '职业发展',
  cooperation: '合作',
  suggestion: '建议',
  complaint: '投诉',
  data_correction: '信息更正',
  other: '其他',
};

export const CHANNEL_NAMES_ZH: Record<string, string> = {
  visit: '走访',
  call: '电话',
  message: '短信',
  gathering: '聚会',
  email: '电子邮件',
  wechat: '微信',
};

/**
 * A value read from the record (`path` empty) or from the record at the end of `path`;
 * `or`: what stands in when it is empty (a contact with no one alumnus is named by its channel).
 */
export type Piece = { path: string[]; attribute: string; format?: 'date'; names?: Record<string, string>; or?: Piece };
export type LabelSpec = (Piece | string)[];

const P = (name: string) => `plugin::liaison.${name}`;
const holderOfPost = (post: string): Piece => ({ path: [post, 'alumnus'], attribute: 'name' });

export const LABELS: Record<string, LabelSpec> = {
  // "<holder> · <scope> · <role>": the scope is the cohort, college, chapter or industry group the post serves.
  [P('liaison')]: [
    { path: ['alumnus'], attribute: 'name' },
    SEPARATOR,
    {
      path: ['cohort'],
      attribute: 'className',
      or: { path: ['college'], attribute: 'name', or: { path: ['chapter'], attribute: 'name', or: { path: ['industry'], attribute: 'name' } } },
    },
    SEPARATOR,
    { path: [], attribute: 'role', names: ROLE_NAMES_ZH },
  ],
  [P('appraisal')]: [holderOfPost('liaison'), SEPARATOR, { path: ['cycle'], attribute: 'name' }],
  [P('training-record')]: [
    { path: ['alumnus'], attribute: 'name' },
    SEPARATOR,
    { path: ['session', 'course'], attribute: 'title' },
    ' ',
    { path: ['session'], attribute: 'startsAt', format: 'date' },
  ],
  [P('training-session')]: [{ path: ['course'], attribute: 'title' }, SEPARATOR, { path: [], attribute: 'startsAt', format: 'date' }],
  [P('contact-log')]: [
    holderOfPost('liaison'),
    ' → ',
    { path: ['alumnus'], attribute: 'name', or: { path: [], attribute: 'channel', names: CHANNEL_NAMES_ZH } },
    SEPARATOR,
    { path: [], attribute: 'contactedAt', format: 'date' },
  ],
  [P('feedback')]: [
    { path: ['alumnus'], attribute: 'name' },
    SEPARATOR,
    { path: [], attribute: 'category', names: CATEGORY_NAMES_ZH },
    SEPARATOR,
    { path: [], attribute: 'receivedAt', format: 'date' },
  ],
};

const dateOf = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const d = new Date(value as string);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
};

/** The same label computed in JavaScript from already-read values (demo and tests). */
export const recordLabel = (spec: LabelSpec, valueOf: (piece: Piece) => unknown) =>
  spec
    .map((part) => {
      if (typeof part === 'string') return part;
      return pieceValue(part, valueOf) ?? '—';
    })
    .join('');

const pieceValue = (piece: Piece, valueOf: (piece: Piece) => unknown): string | undefined => {
  const raw = valueOf(piece);
  const value = piece.format === 'date' ? dateOf(raw) : piece.names && typeof raw === 'string' ? piece.names[raw] ?? raw : raw;
  if (value === null || value === undefined || value === '') return piece.or ? pieceValue(piece.or, valueOf) : undefined;
  return String(value);
};

const q = (knex: Knex, name: string) => knex.raw('??', [name]).toQuery();
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const targetOf = (strapi: Core.Strapi, uid: string, relation: string): string => {
  const target = (strapi.contentType(uid as any) as any).attributes[relation]?.target;
  if (!target) throw new Error(`${uid}.${relation} is not a relation`);
  return target;
};

/** The SQL expression of one piece, for the row aliased `alias` of type `uid`. */
const pieceExpression = (strapi: Core.Strapi, knex: Knex, uid: string, alias: string, piece: Piece, depth = 0): string => {
  if (depth === piece.path.length) {
    const column = `${alias}.${q(knex, columnOf(strapi, uid, piece.attribute))}`;
    if (piece.format === 'date') {
      // PostgreSQL keeps timestamps; Strapi's SQLite keeps milliseconds since 1970 (or ISO text).
      return isPostgres(strapi)
        ? `to_char(${column}, 'YYYY-MM-DD')`
        : `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN date(${column} / 1000, 'unixepoch') ELSE substr(${column}, 1, 10) END)`;
    }
    if (piece.names) {
      return `(CASE ${column} ${Object.entries(piece.names)
        .map(([value, name]) => `WHEN ${literal(value)} THEN ${literal(name)}`)
        .join(' ')} ELSE ${column} END)`;
    }
    return column;
  }
  const relation = piece.path[depth];
  const target = targetOf(strapi, uid, relation);
  const link = joinOf(strapi, uid, relation);
  const t = `t${depth}`;
  const l = `l${depth}`;
  return `(SELECT ${pieceExpression(strapi, knex, target, t, piece, depth + 1)} FROM ${q(knex, tableOf(strapi, target))} ${t} JOIN ${q(
    knex,
    link.table
  )} ${l} ON ${l}.${q(knex, link.to)} = ${t}.${q(knex, 'id')} WHERE ${l}.${q(knex, link.from)} = ${alias}.${q(knex, 'id')} LIMIT 1)`;
};

const labelExpression = (strapi: Core.Strapi, knex: Knex, uid: string) =>
  LABELS[uid]
    .map((part) => {
      if (typeof part === 'string') return literal(part);
      const values: string[] = [];
      for (let piece: Piece | undefined = part; piece; piece = piece.or) values.push(`CAST(${pieceExpression(strapi, knex, uid, 'r', piece)} AS TEXT)`);
      return `COALESCE(${values.join(', ')}, '—')`;
    })
    .join(' || ');

/**
 * The types whose change may change a label: for each, the labelled type and the relation
 * path from the labelled record to it (a session is reached from a training record by
 * ['session'], a post's holder from a contact log by ['liaison', 'alumnus']).
 */
export const sourcesOf = (strapi: Core.Strapi) => {
  const sources: Record<string, { labelled: string; path: string[] }[]> = {};
  for (const [labelled, spec] of Object.entries(LABELS)) {
    const seen = new Set<string>();
    for (const part of spec) {
      for (let piece: Piece | string | undefined = part; piece && typeof piece !== 'string'; piece = piece.or) {
        let uid = labelled;
        for (let i = 0; i < piece.path.length; i++) {
          uid = targetOf(strapi, uid, piece.path[i]);
          const path = piece.path.slice(0, i + 1);
          const key = `${uid}:${path.join('.')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          (sources[uid] ??= []).push({ labelled, path });
        }
      }
    }
  }
  return sources;
};

type Which = { all: true } | { ids: number[] } | { path: string[]; ids: number[] };

/** Recomputes labels of `uid` in ONE statement: all, the given ids, or those reaching the given records along `path`. */
export const refreshRecordLabels = async (strapi: Core.Strapi, uid: string, which: Which, trx?: Knex) => {
  if (!LABELS[uid]) return;
  const run = async (knex: Knex) => {
    let where = '';
    let bindings: number[] = [];
    if ('ids' in which) {
      if (!which.ids.length) return;
      const marks = which.ids.map(() => '?').join(', ');
      let ids = marks;
      if ('path' in which) {
        // Walk back from the changed records to the labelled ones, link table by link table.
        const types = [uid];
        for (const relation of which.path.slice(0, -1)) types.push(targetOf(strapi, types[types.length - 1], relation));
        for (let i = which.path.length - 1; i >= 0; i--) {
          const link = joinOf(strapi, types[i], which.path[i]);
          ids = `SELECT ${q(knex, link.from)} FROM ${q(knex, link.table)} WHERE ${q(knex, link.to)} IN (${ids})`;
        }
      }
      where = ` WHERE r.${q(knex, 'id')} IN (${ids})`;
      bindings = which.ids;
    }
    await knex.raw(
      `UPDATE ${q(knex, tableOf(strapi, uid))} AS r SET ${q(knex, columnOf(strapi, uid, 'label'))} = ${labelExpression(strapi, knex, uid)}${where}`,
      bindings
    );
  };
  if (trx) return run(trx);
  return strapi.db.transaction(({ trx: current }) => run(current as unknown as Knex));
};

export const refreshAllRecordLabels = async (strapi: Core.Strapi, trx?: Knex) => {
  for (const uid of Object.keys(LABELS)) await refreshRecordLabels(strapi, uid, { all: true }, trx);
};

const WRITES = new Set(['create', 'update', 'clone', 'publish']);

const idsOf = (result: any): number[] => {
  if (!result) return [];
  const entries: any[] = Array.isArray(result.entries) ? result.entries : [result];
  return entries.map((e) => e?.id).filter((id): id is number => typeof id === 'number');
};

/** A Document Service middleware: labels follow every write of their record and every update of what they name. */
export const recordLabels = (strapi: Core.Strapi): DocumentMiddleware => {
  let sources: ReturnType<typeof sourcesOf> | undefined;
  return async (ctx, next) => {
    if (!WRITES.has(ctx.action)) return next();
    sources ??= sourcesOf(strapi);
    const labelled = !!LABELS[ctx.uid];
    const reached = ctx.action === 'update' ? sources[ctx.uid] ?? [] : [];
    if (!labelled && !reached.length) return next();
    return strapi.db.transaction(async () => {
      const result: any = await next();
      const ids = idsOf(result);
      if (labelled && ids.length) {
        await refreshRecordLabels(strapi, ctx.uid, { ids });
        const rows = (await strapi.db.query(ctx.uid as any).findMany({ where: { id: { $in: ids } }, select: ['id', 'label'] })) as {
          id: number;
          label: string;
        }[];
        const byId = new Map(rows.map((r) => [r.id, r.label]));
        const entries: any[] = Array.isArray(result?.entries) ? result.entries : result ? [result] : [];
        for (const entry of entries) if (byId.has(entry?.id)) entry.label = byId.get(entry.id);
      }
      for (const { labelled: target, path } of reached) await refreshRecordLabels(strapi, target, { path, ids });
      return result;
    });
  };
};
