import { fieldError, type FieldError } from '../rules/field-error';
import { isMessageId, type MessageId } from '../rules/messages';

/** Database errors a writer can cause, recognised on PostgreSQL and SQLite alike. */
export type DbProblem =
  | { kind: 'unique'; columns: string[]; indexName: string | null }
  | { kind: 'check'; field: string; id: MessageId; values: Record<string, string> };

/**
 * Triggers raise messages of this form so the field and the message id reach the API:
 * `LIAISON_CHECK:<field>:<message id>[:<name>=<value>…]` (see `checkMessage`).
 */
export const CHECK_PREFIX = 'LIAISON_CHECK';
const CHECK_PATTERN = new RegExp(`${CHECK_PREFIX}:([A-Za-z]+):([A-Za-z.]+)((?::[A-Za-z]+=[A-Za-z0-9_]+)*)`);

/** The message a trigger raises for a broken rule on `field`. */
export const checkMessage = (field: string, id: MessageId, values: Record<string, string> = {}) =>
  [CHECK_PREFIX, field, id, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)].join(':');

export const classifyDbError = (error: unknown): DbProblem | null => {
  if (!error || typeof error !== 'object') return null;
  const e = error as { code?: string; message?: string; detail?: string; constraint?: string };
  const message = String(e.message ?? '');

  const check = CHECK_PATTERN.exec(message);
  if (check && isMessageId(check[2])) {
    const values = Object.fromEntries(check[3].split(':').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
    return { kind: 'check', field: check[1], id: check[2], values };
  }

  if (e.code === '23505') {
    // PostgreSQL: detail is "Key (student_no)=(2019001) already exists."
    const cols = /Key \((.+?)\)=/.exec(e.detail ?? '')?.[1] ?? '';
    return { kind: 'unique', columns: splitColumns(cols), indexName: e.constraint ?? null };
  }
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(message)) {
    // SQLite: "UNIQUE constraint failed: liaison_alumni.student_no" or "... index 'name'"
    const index = /index '([^']+)'/.exec(message)?.[1] ?? null;
    const cols = index ? [] : (/UNIQUE constraint failed: (.+)$/.exec(message)?.[1] ?? '').split(',').map((c) => c.trim().split('.').pop() as string);
    return { kind: 'unique', columns: cols.filter(Boolean), indexName: index };
  }
  return null;
};

const splitColumns = (list: string) =>
  list
    .split(',')
    .map((c) => c.trim())
    .filter((c) => /^[a-z_][a-z0-9_]*$/.test(c));

/** The attribute a unique violation is about: the first indexed column that is an attribute, not the locale. */
export const uniqueFieldError = (
  problem: Extract<DbProblem, { kind: 'unique' }>,
  columnToAttribute: (column: string) => string | null,
  indexFields: Record<string, string>
): FieldError => {
  const fromIndex = problem.indexName ? indexFields[problem.indexName] : undefined;
  const field =
    fromIndex ??
    problem.columns.filter((c) => c !== 'locale').map(columnToAttribute).find((a): a is string => !!a) ??
    'id';
  return fieldError(field, 'unique.taken');
};
