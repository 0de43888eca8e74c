import type { Core } from '@strapi/strapi';
import { depsOf } from './deps';
import { queries } from './queries';
import { actions } from './actions';

/** The honours service: its reads and its writes, sharing the user's scope and the committee's rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const deps = depsOf(strapi);
  return { ...queries(deps), ...actions(deps) };
};
