import type { Capability } from '../capabilities';
import { ACTIONS, requires } from '../permissions';
import outbox from './service';
import controller from './controller';
import { linkLifetimeMs } from '../utils/signed-link';
import { outboxSettings } from './rules';

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
    // Following the link (a person, or a mail scanner) only shows a button; the button POSTs.
    { method: 'GET', path: '/unsubscribe', handler: 'outbox.unsubscribePage', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/unsubscribe', handler: 'outbox.unsubscribe', config: { auth: false, policies: [] } },
  ],
  // Each instance runs its own worker; claiming rows one by one keeps a mail from going out twice.
  bootstrap: ({ strapi }) => {
    // A wrong OUTBOX_* / UNSUBSCRIBE_LINK_DAYS / CONDUCT_LINK_DAYS stops the start, not the first mail.
    outboxSettings();
    linkLifetimeMs('unsubscribe');
    linkLifetimeMs('conduct');
    if (strapi.config.get('server.cron.enabled', true)) strapi.plugin('liaison').service('outbox').startWorker();
  },
  destroy: ({ strapi }) => strapi.plugin('liaison').service('outbox').stopWorker(),
};

export default capability;
