import { checkOrder } from './dates';
import { fieldError, type FieldError } from './field-error';

import { DIMENSIONS, type Dimension } from '../vocabulary';

export { DIMENSIONS, type Dimension };

/** The relation that holds a post's scope, for each dimension. */
export const SCOPE_FIELD = {
  cohort: 'cohort',
  college: 'college',
  region: 'chapter',
  industry: 'industry',
} as const satisfies Record<Dimension, string>;

export type ScopeField = (typeof SCOPE_FIELD)[Dimension];
export const SCOPE_FIELDS: ScopeField[] = Object.values(SCOPE_FIELD);

/** What is stored for a post, reduced to what the rules look at. */
export interface PostState {
  dimension: string | null;
  hasAlumnus: boolean;
  scopes: Record<ScopeField, boolean>;
  termStart: string | null;
  termEnd: string | null;
  postStatus: string | null;
  nominationReason: string | null;
  endReason: string | null;
}

const isDimension = (value: unknown): value is Dimension => DIMENSIONS.includes(value as Dimension);

export const checkLiaisonPost = (post: PostState): FieldError[] => {
  const errors: FieldError[] = [];
  if (!post.hasAlumnus) errors.push(fieldError('alumnus', 'post.holder'));

  if (!isDimension(post.dimension)) {
    errors.push(fieldError('dimension', 'common.oneOf', { list: DIMENSIONS.join(', ') }));
  } else {
    const expected = SCOPE_FIELD[post.dimension];
    if (!post.scopes[expected]) {
      errors.push(fieldError(expected, 'post.scopeMissing', { dimension: post.dimension, field: expected }));
    }
    for (const other of SCOPE_FIELDS) {
      if (other !== expected && post.scopes[other]) {
        errors.push(fieldError(other, 'post.scopeExtra', { dimension: post.dimension, field: other }));
      }
    }
    if (post.dimension === 'industry' && !post.nominationReason?.trim()) {
      errors.push(fieldError('nominationReason', 'post.industryReason'));
    }
  }

  errors.push(...checkOrder({ field: 'termStart', value: post.termStart }, { field: 'termEnd', value: post.termEnd }));

  if (post.postStatus === 'ended') {
    if (!post.termEnd) errors.push(fieldError('termEnd', 'post.endedTermEnd'));
    if (!post.endReason) errors.push(fieldError('endReason', 'post.endedReason'));
  }
  return errors;
};
