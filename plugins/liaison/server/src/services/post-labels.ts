import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnOf, joinOf, tableOf } from '../utils/db';

/**
 * A liaison post's readable name, kept in its `label` column: "<holder> · <scope> · <role>",
 * e.g. "李振东 · 临床医学1976级1班 · 班长". The Content Manager titles the post by it and
 * relation pickers (successor, post of an appraisal) list it.
 */
export const ROLE_NAMES_ZH: Record<string, string> = {
  head: '会长',
  deputy: '副会长',
  secretary: '秘书长',
  member: '委员',
  monitor: '班长',
  league_secretary: '团支书',
  staff: '负责老师',
};

export const SEPARATOR = ' · ';

/** The same label computed in JavaScript (the demo generator and tests use it). */
export const postLabel = (holder: string | null | undefined, scope: string | null | undefined, role: string | null | undefined) =>
  [holder || '—', scope || '—', (role && ROLE_NAMES_ZH[role]) || role || '—'].join(SEPARATOR);

const POST = 'plugin::liaison.liaison';

/** Where each part of the label comes from: the relation and the name column of its target. */
const SCOPES = [
  { relation: 'cohort', target: 'plugin::liaison.cohort', name: 'className' },
  { relation: 'college', target: 'plugin::liaison.college', name: 'name' },
  { relation: 'chapter', target: 'plugin::liaison.chapter', name: 'name' },
  { relation: 'industry', target: 'plugin::liaison.industry-group', name: 'name' },
] as const;

/** Types whose names appear in labels, and the post relation that points at them. */
export const NAMED_SOURCES: Record<string, { relation: string; name: string }> = {
  'plugin::liaison.alumnus': { relation: 'alumnus', name: 'name' },
  ...Object.fromEntries(SCOPES.map((s) => [s.target, { relation: s.relation, name: s.name }])),
};

const q = (knex: Knex, name: string) => knex.raw('??', [name]).toQuery();

/** The SQL expression of a post's label, for the post row aliased `p`. */
const labelExpression = (strapi: Core.Strapi, knex: Knex) => {
  const postId = `p.${q(knex, 'id')}`;
  const nameOf = (relation: string, target: string, nameAttribute: string) => {
    const link = joinOf(strapi, POST, relation);
    return `(SELECT t.${q(knex, columnOf(strapi, target, nameAttribute))} FROM ${q(knex, tableOf(strapi, target))} t JOIN ${q(
      knex,
      link.table
    )} l ON l.${q(knex, link.to)} = t.${q(knex, 'id')} WHERE l.${q(knex, link.from)} = ${postId} LIMIT 1)`;
  };
  const holder = nameOf('alumnus', 'plugin::liaison.alumnus', 'name');
  const scope = `COALESCE(${SCOPES.map((s) => nameOf(s.relation, s.target, s.name)).join(', ')})`;
  const roleColumn = `p.${q(knex, columnOf(strapi, POST, 'role'))}`;
  const role = `CASE ${roleColumn} ${Object.entries(ROLE_NAMES_ZH)
    .map(([value, name]) => `WHEN '${value}' THEN '${name}'`)
    .join(' ')} ELSE ${roleColumn} END`;
  const sep = `'${SEPARATOR}'`;
  return `COALESCE(${holder}, '—') || ${sep} || COALESCE(${scope}, '—') || ${sep} || COALESCE(${role}, '—')`;
};

type Which = { all: true } | { posts: number[] } | { source: string; ids: number[] };

/**
 * Recomputes the labels of some posts in ONE statement: all of them, the given post ids,
 * or the posts that name the given alumni / scopes. Runs in the current transaction.
 */
export const refreshPostLabels = async (strapi: Core.Strapi, which: Which, trx?: Knex) => {
  const run = async (knex: Knex) => {
    const table = tableOf(strapi, POST);
    let where = '';
    let bindings: number[] = [];
    if ('posts' in which) {
      if (!which.posts.length) return;
      where = ` WHERE p.${q(knex, 'id')} IN (${which.posts.map(() => '?').join(', ')})`;
      bindings = which.posts;
    } else if ('source' in which) {
      const source = NAMED_SOURCES[which.source];
      if (!source || !which.ids.length) return;
      const link = joinOf(strapi, POST, source.relation);
      where = ` WHERE p.${q(knex, 'id')} IN (SELECT ${q(knex, link.from)} FROM ${q(knex, link.table)} WHERE ${q(knex, link.to)} IN (${which.ids
        .map(() => '?')
        .join(', ')}))`;
      bindings = which.ids;
    }
    // The alias `p` names the updated row in the subqueries (UPDATE … AS p works on both databases).
    await knex.raw(
      `UPDATE ${q(knex, table)} AS p SET ${q(knex, columnOf(strapi, POST, 'label'))} = ${labelExpression(strapi, knex)}${where}`,
      bindings
    );
  };
  if (trx) return run(trx);
  return strapi.db.transaction(({ trx: current }) => run(current as unknown as Knex));
};

const WRITES = new Set(['create', 'update', 'clone', 'publish']);

const idsOf = (result: any): number[] => {
  if (!result) return [];
  const entries: any[] = Array.isArray(result.entries) ? result.entries : [result];
  return entries.map((e) => e?.id).filter((id): id is number => typeof id === 'number');
};

/**
 * A Document Service middleware: a post's label is recomputed on every write of the post,
 * and the labels naming an alumnus or a scope when its name may have changed.
 */
export const registerPostLabels = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const isPost = ctx.uid === POST;
    const source = NAMED_SOURCES[ctx.uid];
    if ((!isPost && !source) || !WRITES.has(ctx.action)) return next();
    if (source && ctx.action !== 'update') return next();
    return strapi.db.transaction(async () => {
      const result: any = await next();
      const ids = idsOf(result);
      if (isPost) {
        await refreshPostLabels(strapi, { posts: ids });
        // What the caller gets back carries the label just computed.
        const rows = ids.length
          ? ((await strapi.db.query(POST).findMany({ where: { id: { $in: ids } }, select: ['id', 'label'] })) as { id: number; label: string }[])
          : [];
        const byId = new Map(rows.map((r) => [r.id, r.label]));
        const entries: any[] = Array.isArray(result?.entries) ? result.entries : result ? [result] : [];
        for (const entry of entries) if (byId.has(entry?.id)) entry.label = byId.get(entry.id);
      } else await refreshPostLabels(strapi, { source: ctx.uid, ids });
      return result;
    });
  });
};
