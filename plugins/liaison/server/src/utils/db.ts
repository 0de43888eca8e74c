import type { Core, UID } from '@strapi/strapi';

/** Raw query results: PostgreSQL wraps rows in `.rows`, SQLite returns the array. */
export const rowsOf = <T = Record<string, any>>(result: any): T[] => (Array.isArray(result) ? result : result?.rows ?? []);

export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** Table and column names as Strapi created them, so SQL never hard-codes a name. */
export const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as UID.Schema).tableName;

export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const column = (strapi.db.metadata.get(uid as UID.Schema).attributes[attribute] as { columnName?: string } | undefined)
    ?.columnName;
  if (!column) throw new Error(`${uid} has no column for ${attribute}`);
  return column;
};

/** The link table of a relation: `{ table, from, to }` (from = this record's id column). */
export const joinOf = (strapi: Core.Strapi, uid: string, attribute: string) => {
  const jt = (strapi.db.metadata.get(uid as UID.Schema).attributes[attribute] as any)?.joinTable;
  if (!jt) throw new Error(`${uid}.${attribute} has no join table`);
  return { table: jt.name as string, from: jt.joinColumn.name as string, to: jt.inverseJoinColumn.name as string };
};

/** Today as YYYY-MM-DD in UTC: the date columns' format. */
export const isoDate = (d: Date = new Date()) => d.toISOString().slice(0, 10);

/** A JSON column as read by raw SQL: PostgreSQL's driver parses it, SQLite's gives the text. */
export const jsonColumn = <T = any>(v: unknown): T | null => (typeof v === 'string' ? JSON.parse(v) : ((v ?? null) as T | null));
