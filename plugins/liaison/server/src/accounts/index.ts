import type { Capability } from '../capabilities';
import { signedInAlumnus } from './current';

/**
 * Alumni accounts: a sign-in (users-permissions user) that belongs to one real alumnus.
 * The alumnus behind a request is found by ./current.ts for every alumni route.
 */
const capability: Capability = {
  alumniRoutes: [{ method: 'GET', path: '/me', handler: 'accounts.me' }],
  controllers: {
    accounts: ({ strapi }: { strapi: any }) => ({
      async me(ctx: any) {
        const me = await signedInAlumnus(strapi, ctx);
        ctx.body = { data: { documentId: me.documentId, name: me.name } };
      },
    }),
  },
};

export default capability;
