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
  if (!post.hasAlumnus) errors.push(fieldError('alumnus', 'a post must be held by an alumnus'));

  if (!isDimension(post.dimension)) {
    errors.push(fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`));
  } else {
    const expected = SCOPE_FIELD[post.dimension];
    if (!post.scopes[expected]) {
      errors.push(fieldError(expected, `a ${post.dimension} post needs its ${expected}`));
    }
    for (const other of SCOPE_FIELDS) {
      if (other !== expected && post.scopes[other]) {
        errors.push(fieldError(other, `a ${post.dimension} post cannot have a ${other}`));
      }
    }
    if (post.dimension === 'industry' && !post.nominationReason?.trim()) {
      errors.push(fieldError('nominationReason', 'industry liaisons enter by nomination with a stated reason'));
    }
  }

  errors.push(...checkOrder({ field: 'termStart', value: post.termStart }, { field: 'termEnd', value: post.termEnd }));

  if (post.postStatus === 'ended') {
    if (!post.termEnd) errors.push(fieldError('termEnd', 'an ended post needs the date its term ended'));
    if (!post.endReason) errors.push(fieldError('endReason', 'an ended post needs the reason it ended'));
  }
  return errors;
};
