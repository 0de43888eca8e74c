import type { Capability } from '../capabilities';
import { ACTIONS, requires } from '../permissions';
import { searchKeyOf } from '../rules';
import board from './controller';

/** What the Assignment board reads beyond coverage and the post lifecycle: a scope's posts, and alumni to nominate. */
const capability: Capability = {
  adminRoutes: [
    { method: 'GET', path: '/scopes/:dimension/:documentId', handler: 'board.scope', config: { policies: requires(ACTIONS.readPosts) } },
    { method: 'GET', path: '/alumni', handler: 'board.alumni', config: { policies: requires(ACTIONS.nominate) } },
  ],
  controllers: { board },
  register: ({ strapi }) => {
    // The pinyin search key follows the name on every write path.
    strapi.documents.use(async (ctx: any, next: () => Promise<unknown>) => {
      if (ctx.uid === 'plugin::liaison.alumnus' && (ctx.action === 'create' || ctx.action === 'update')) {
        const data = ctx.params?.data;
        if (data && typeof data.name === 'string') data.searchKey = searchKeyOf(data.name);
      }
      return next();
    });
  },
};

export default capability;
