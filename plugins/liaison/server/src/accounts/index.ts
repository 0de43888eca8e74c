import { randomInt } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import { account, accounts, invitations } from './controllers';
import { AccountLimiter, accountLimitsMiddleware, limitsFromEnv, type AccountLimits } from './limits';
import { issueTokens, lifetimeMs, mailsPerHour } from './tokens';
import { activate } from './activate';

const publicRoute = (path: string, handler: string) => ({ method: 'POST', path, handler: `account.${handler}`, config: { auth: false, policies: [] } });
const route = routesOf('invitations');

/**
 * `strapi.plugin('liaison').service('accounts')`: the work a claim or a forgotten password does
 * after its answer, and the account routes' rate limits.
 * Also opens accounts for scripts (openAccounts).
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const pending = new Set<Promise<unknown>>();
  const limiter = new AccountLimiter(strapi);
  return {
    /**
     * Runs `work` after the answer has gone, a random moment later (up to a quarter of a second),
     * so that the load a hit causes cannot be told by timing the caller's next request;
     * a failure is logged, never the caller's.
     */
    later(work: () => Promise<unknown>) {
      const run: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, randomInt(250)))
        .then(work)
        .catch((e) => strapi.log.error(`accounts: ${e?.stack ?? e}`))
        .finally(() => pending.delete(run));
      pending.add(run);
    },
    /** Resolves once the work started so far is done (tests; the shutdown). */
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
    /**
     * Opens the accounts of these alumni as an invitation's link does, with this password
     * (the demo's alumnus; scripts of an office that hands out first passwords itself).
     */
    async openAccounts(alumnusIds: number[], password: string) {
      const tokens = await issueTokens(strapi, 'invite', alumnusIds);
      const opened: Awaited<ReturnType<typeof activate>>[] = [];
      for (const token of tokens) opened.push(await activate(strapi, { token, password }));
      return opened;
    },
    limiter: () => limiter,
    configureLimits: (limits: Partial<AccountLimits>) => limiter.configure({ ...limitsFromEnv(), ...limits }),
  };
};

/**
 * Alumni accounts: a sign-in (users-permissions user) that belongs to one real alumnus.
 * Claimed by the person (name and student number or e-mail address: a one-time link to the
 * address on file) or opened from a staff invitation; activated with a password; then the
 * person reads and changes their own record, exports it, or deletes the sign-in.
 * The alumnus behind a request is found by ./current.ts for every alumni route.
 */
const capability: Capability = {
  contentApiRoutes: [
    publicRoute('/account/claim', 'claim'),
    publicRoute('/account/activate', 'activate'),
    publicRoute('/account/forgot', 'forgot'),
    publicRoute('/account/reset', 'reset'),
  ],
  alumniRoutes: [
    { method: 'GET', path: '/me', handler: 'accounts.me' },
    { method: 'PUT', path: '/me', handler: 'accounts.updateMe' },
    { method: 'DELETE', path: '/me', handler: 'accounts.deleteMe' },
    { method: 'GET', path: '/me/export', handler: 'accounts.exportMe' },
  ],
  adminRoutes: [route('POST', '/invitations', 'create', ACTIONS.inviteAlumni)],
  controllers: { account, accounts, invitations },
  services: { accounts: service },
  middlewares: {
    'account-limits': (_config: unknown, { strapi }: { strapi: any }) =>
      accountLimitsMiddleware(strapi, () => strapi.plugin('liaison').service('accounts').limiter()),
  },
  bootstrap: async ({ strapi }) => {
    // A wrong ACCOUNT_INVITE_DAYS / ACCOUNT_MAILS_PER_HOUR stops the start, not the first claim.
    lifetimeMs('invite');
    mailsPerHour();
    await strapi.plugin('liaison').service('accounts').configureLimits({});
  },
  destroy: async ({ strapi }) => {
    const accountsService = strapi.plugin('liaison').service('accounts');
    await accountsService.idle();
    await accountsService.limiter().stop();
  },
};

export default capability;
