import type { MessageId } from '../rules/messages';
import type { FieldError } from '../rules/field-error';
import { conflictError } from '../utils/errors';

/**
 * The write pipeline (the post history step) is the one place that refuses a post which
 * finds no room in its scope or overlaps another term of its holder there, whatever the
 * path. It names the post's own fields (its scope relation, `alumnus`); a lifecycle action
 * says the same refusal in the terms of its request (`scope`, `appointments[2].studentNo`).
 */
export interface Refusal {
  kind: 'full' | 'overlap';
  /** The message id, as the rule said it. */
  id: MessageId;
  /** The values of the message (`occupied` and `posts` for a full scope). */
  values: Record<string, string>;
}

const KINDS: Partial<Record<MessageId, Refusal['kind']>> = {
  'assignment.scopeFull': 'full',
  'assignment.overlap': 'overlap',
};
const PREFIX = 'liaison.error.';

/** The pipeline's refusal of a post write for room or overlap, or null for any other error. */
export const refusalOf = (error: unknown): Refusal | null => {
  const { status, details } = (error ?? {}) as { status?: number; details?: { errors?: any[] } };
  const problems = details?.errors ?? [];
  if (status !== 409 || problems.length !== 1) return null;
  const id = (typeof problems[0].messageId === 'string' ? problems[0].messageId.slice(PREFIX.length) : '') as MessageId;
  const kind = KINDS[id];
  if (!kind) return null;
  return { kind, id, values: problems[0].values ?? {} };
};

/** Runs a post write; a room or overlap refusal is thrown again as `restate` names it (null: as it was). */
export const restating = async <T>(write: () => Promise<T>, restate: (refusal: Refusal) => FieldError | null): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    const refusal = refusalOf(error);
    const problem = refusal ? restate(refusal) : null;
    throw problem ? conflictError([problem]) : error;
  }
};
