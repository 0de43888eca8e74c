import type { Capability } from '../capabilities';
import { ACTIONS, requires } from '../permissions';
import board from './controller';
import { installSearchIndexes } from './search-index';
import { alumniPickerSearch } from './cm-search';
import { addContentManagerMiddleware } from '../access/cm-routes';
import { PICKER_PATH } from '../access/pickers';

/** What the Assignment board reads beyond coverage and the post lifecycle: a scope's posts, and alumni to nominate. */
const capability: Capability = {
  adminRoutes: [
    { method: 'GET', path: '/scopes/:dimension/:documentId', handler: 'board.scope', config: { policies: requires(ACTIONS.readPosts) } },
    { method: 'GET', path: '/alumni', handler: 'board.alumni', config: { policies: requires(ACTIONS.nominate) } },
  ],
  controllers: { board },
  // After access's checks and scope of the same route (access registers first).
  register: ({ strapi }) => addContentManagerMiddleware(strapi, 'GET', PICKER_PATH, alumniPickerSearch(strapi)),
  // The alumni search's indexes (PostgreSQL): trigrams and short pieces of the search text.
  bootstrap: ({ strapi }) => installSearchIndexes(strapi),
};

export default capability;
