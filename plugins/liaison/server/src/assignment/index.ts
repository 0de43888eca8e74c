import type { Capability } from '../capabilities';
import routes from './routes';
import controller from './controller';
import service from './service';
import { dayOf } from './rules/lifecycle';

/**
 * The network's rules: posts per scope, the lifecycle of a post with its history,
 * graduation appointments, candidates for a vacancy, and the daily expiry of terms.
 */
const capability: Capability = {
  adminRoutes: routes,
  controllers: { assignment: controller },
  services: { assignment: service },
  bootstrap: ({ strapi }) => {
    strapi.plugin('liaison').service('jobs').schedule({
      name: 'post-expiry',
      rule: '0 2 * * *',
      run: ({ slot }: { slot: Date }) => strapi.plugin('liaison').service('assignment').runExpiry(dayOf(slot)),
    });
  },
};

export default capability;
