import type { Capability } from '../capabilities';
import { ACTIONS, requires } from '../permissions';
import outbox from './service';
import controller from './controller';

const capability: Capability = {
  services: { outbox },
  controllers: { outbox: controller },
  adminRoutes: [
    { method: 'GET', path: '/outbox', handler: 'outbox.list', config: { policies: requires(ACTIONS.readOutbox) } },
    {
      method: 'POST',
      path: '/outbox/:documentId/resend',
      handler: 'outbox.resend',
      config: { policies: requires(ACTIONS.resendOutbox) },
    },
  ],
  contentApiRoutes: [
    { method: 'GET', path: '/unsubscribe', handler: 'outbox.unsubscribe', config: { auth: false, policies: [] } },
  ],
  // Each instance runs its own worker; claiming rows one by one keeps a mail from going out twice.
  bootstrap: ({ strapi }) => {
    if (strapi.config.get('server.cron.enabled', true)) strapi.plugin('liaison').service('outbox').startWorker();
  },
  destroy: ({ strapi }) => strapi.plugin('liaison').service('outbox').stopWorker(),
};

export default capability;
