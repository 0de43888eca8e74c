import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { format } from '../rules/messages';
import { refreshRecordLabels } from '../services/record-labels';
import { insertDocuments } from '../utils/bulk-insert';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import { requestLanguage, validationError } from '../utils/errors';
import { today } from '../assignment/rules/lifecycle';
import type { Page } from './alumni';
import type { ContactInput } from './inputs';
import { postsHolding, type LivePost } from './posts';

const ALUMNUS = 'plugin::liaison.alumnus';
const CONTACT = 'plugin::liaison.contact-log';
const POST = 'plugin::liaison.liaison';

/** A contact log as its liaison sees it. */
export interface ContactEntry {
  documentId: string;
  alumnus: { documentId: string; name: string } | null;
  channel: string;
  contactedAt: string;
  summary: string | null;
  needs: string | null;
  post: { documentId: string };
  createdAt: string;
}

/** How far a contact's time may lie ahead of the server's clock (clients' clocks drift). */
const CLOCK_SKEW_MS = 60_000;

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as any)).toISOString());

/** A 404 naming the field, with the request's language. */
export const notFound = (path: string, id: 'liaisonWork.noPost' | 'liaisonWork.notYourPost' | 'liaisonWork.outside', values: Record<string, string> = {}) => {
  const lang = requestLanguage();
  const message = format(id, values, lang);
  return new errors.NotFoundError(message, { errors: [{ path: [path], message, name: 'NotFoundError', messageId: `liaison.error.${id}`, values }] });
};

/** The logs of posts an alumnus holds or held, newest first (a page and the total: one statement each). */
const contactRows = async (strapi: Core.Strapi, where: { holder?: number; ids?: number[] }, limit?: { page: number; pageSize: number }) => {
  const c = (attribute: string) => columnOf(strapi, CONTACT, attribute);
  const toPost = joinOf(strapi, CONTACT, 'liaison');
  const toAlumnus = joinOf(strapi, CONTACT, 'alumnus');
  const holderLink = joinOf(strapi, POST, 'alumnus');
  const A = tableOf(strapi, ALUMNUS);
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  if (where.holder !== undefined) {
    conditions.push(`lp.${toPost.to} IN (SELECT ${holderLink.from} FROM ${holderLink.table} WHERE ${holderLink.to} = ?)`);
    bindings.push(where.holder);
  }
  if (where.ids) {
    conditions.push(`x.id IN (${where.ids.map(() => '?').join(', ') || 'NULL'})`);
    bindings.push(...where.ids);
  }
  const paging = limit ? `LIMIT ${limit.pageSize} OFFSET ${(limit.page - 1) * limit.pageSize}` : '';
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `SELECT x.${c('documentId')} AS "documentId", x.${c('channel')} AS "channel", x.${c('contactedAt')} AS "contactedAt",
         x.${c('summary')} AS "summary", x.${c('needs')} AS "needs", x.${c('createdAt')} AS "createdAt",
         p.${columnOf(strapi, POST, 'documentId')} AS "post", al.${columnOf(strapi, ALUMNUS, 'documentId')} AS "alumnusDocumentId",
         al.${columnOf(strapi, ALUMNUS, 'name')} AS "alumnusName", COUNT(*) OVER () AS "total"
       FROM ${tableOf(strapi, CONTACT)} x
         JOIN ${toPost.table} lp ON lp.${toPost.from} = x.id
         JOIN ${tableOf(strapi, POST)} p ON p.id = lp.${toPost.to}
         LEFT JOIN ${toAlumnus.table} la ON la.${toAlumnus.from} = x.id
         LEFT JOIN ${A} al ON al.id = la.${toAlumnus.to}
       WHERE ${conditions.join(' AND ') || '1 = 1'}
       ORDER BY x.${c('contactedAt')} DESC, x.id DESC ${paging}`,
      bindings,
    ),
  );
  const entries: ContactEntry[] = rows.map((r) => ({
    documentId: r.documentId,
    alumnus: r.alumnusDocumentId ? { documentId: r.alumnusDocumentId, name: r.alumnusName } : null,
    channel: r.channel,
    contactedAt: iso(r.contactedAt)!,
    summary: r.summary ?? null,
    needs: r.needs ?? null,
    post: { documentId: r.post },
    createdAt: iso(r.createdAt)!,
  }));
  return { entries, total: Number(rows[0]?.total ?? 0) };
};

/**
 * Logs a contact with each of the alumni, for the post whose scope holds them, in one
 * transaction: an alumnus unknown or outside every live scope of the liaison is a 404 naming
 * them and nothing is written; a date before the term of the post concerned began is a 400.
 */
export const logContacts = async (strapi: Core.Strapi, posts: LivePost[], input: ContactInput): Promise<ContactEntry[]> => {
  if (!posts.length) throw notFound('post', 'liaisonWork.noPost');
  const { date } = input;
  if (date.dayOnly ? date.day > today() : date.at.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw validationError([fieldError('date', 'liaisonWork.future')]);
  }
  const known = (await strapi.db.query(ALUMNUS as any).findMany({
    where: { documentId: { $in: input.alumni } },
    select: ['id', 'documentId', 'name'],
  })) as { id: number; documentId: string; name: string }[];
  const byDocumentId = new Map(known.map((a) => [a.documentId, a]));
  const held = await postsHolding(
    strapi,
    posts,
    known.map((a) => a.id),
  );
  const outside = input.alumni.filter((d) => !byDocumentId.has(d) || !held.has(byDocumentId.get(d)!.id));
  // Unknown and not looked after are told alike: a liaison learns nothing of people outside their scopes.
  if (outside.length) throw notFound('alumni', 'liaisonWork.outside', { list: outside.join(', ') });

  const problems: FieldError[] = [];
  for (const documentId of input.alumni) {
    const person = byDocumentId.get(documentId)!;
    const post = held.get(person.id)!;
    if (post.termStart && date.day < post.termStart) {
      problems.push(fieldError('date', 'liaisonWork.beforeTerm', { name: person.name, termStart: post.termStart }));
      break;
    }
  }
  if (problems.length) throw validationError(problems);

  const ids = await strapi.db.transaction(async ({ trx }) => {
    const inserted = await insertDocuments(
      strapi,
      trx,
      CONTACT,
      input.alumni.map((documentId) => {
        const person = byDocumentId.get(documentId)!;
        return {
          data: { channel: input.channel, contactedAt: date.at, summary: input.summary, needs: input.needs ?? null },
          links: { liaison: held.get(person.id)!.id, alumnus: person.id },
        };
      }),
    );
    const written = inserted.map((r) => r.id);
    await refreshRecordLabels(strapi, CONTACT, { ids: written }, trx);
    return written;
  });
  const { entries } = await contactRows(strapi, { ids });
  const order = new Map(input.alumni.map((d, i) => [d, i]));
  return entries.sort((a, b) => (order.get(a.alumnus!.documentId) ?? 0) - (order.get(b.alumnus!.documentId) ?? 0));
};

const countOf = async (strapi: Core.Strapi, holderId: number) => {
  const toPost = joinOf(strapi, CONTACT, 'liaison');
  const holderLink = joinOf(strapi, POST, 'alumnus');
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `SELECT COUNT(*) AS n FROM ${toPost.table} WHERE ${toPost.to} IN (SELECT ${holderLink.from} FROM ${holderLink.table} WHERE ${holderLink.to} = ?)`,
      [holderId],
    ),
  );
  return Number(rows[0]?.n ?? 0);
};

/** The contact logs of every post the alumnus holds or held, newest first. */
export const contactsOf = async (strapi: Core.Strapi, holderId: number, page: number, pageSize: number): Promise<Page<ContactEntry>> => {
  const { entries, total: counted } = await contactRows(strapi, { holder: holderId }, { page, pageSize });
  // Past the last page the window count is gone with the rows: count them alone.
  const total = entries.length || page === 1 ? counted : await countOf(strapi, holderId);
  return { data: entries, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
};
