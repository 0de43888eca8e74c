import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import controller from './controller';
import merge from './merge';
import service from './service';

const NIGHTLY = 'liaison:duplicates-scan';

const route = routesOf('duplicates');

/**
 * Duplicates (查重): probable pairs of records of one person found by blocking on
 * normalised keys, reviewed side by side, dismissed or merged with every link moved.
 */
const capability: Capability = {
  adminRoutes: [
    route('GET', '/duplicates', 'list', ACTIONS.reviewDuplicates),
    route('GET', '/duplicates/scan', 'scanStatus', ACTIONS.reviewDuplicates),
    route('POST', '/duplicates/scan', 'scan', ACTIONS.reviewDuplicates),
    route('GET', '/duplicates/:documentId', 'findOne', ACTIONS.reviewDuplicates),
    route('POST', '/duplicates/:documentId/dismiss', 'dismiss', ACTIONS.reviewDuplicates),
    route('POST', '/alumni/:documentId/merge', 'merge', ACTIONS.mergeAlumni),
  ],
  controllers: { duplicates: controller },
  services: { duplicates: service, merge },
  // A scan every night. Not a jobs.schedule job: that would hold the ledger's transaction while
  // the scan reads (on SQLite, one connection: it would wait for itself). The scan writes once
  // per slot across instances through the ledger itself.
  bootstrap: ({ strapi }) => {
    if (!strapi.config.get('server.cron.enabled', true)) return;
    strapi.cron.add({
      [NIGHTLY]: {
        task: (_ctx: unknown, fireDate?: unknown) =>
          strapi
            .plugin('liaison')
            .service('duplicates')
            .scan(fireDate instanceof Date ? fireDate : undefined)
            .catch(() => undefined),
        options: { rule: '30 3 * * *', tz: 'Asia/Shanghai' },
      },
    });
  },
  destroy: ({ strapi }) => {
    if (strapi.config.get('server.cron.enabled', true)) strapi.cron.remove(NIGHTLY);
  },
};

export default capability;
