import type { Core } from '@strapi/strapi';
import { depsOf } from './deps';
import { cycles } from './cycles';
import { results } from './results';
import { reviews } from './reviews';

/** The appraisal service: a cycle's life, its results, and the reviewers' work, sharing one set of lookups. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const deps = depsOf(strapi);
  return { ...cycles(deps), ...results(deps), ...reviews(deps) };
};
