import { CAPABILITIES } from '../../capabilities';

/** Public routes of the plugin, each stating its own auth. */
export default { type: 'content-api', routes: CAPABILITIES.flatMap((c) => [...(c.contentApiRoutes ?? []), ...(c.alumniRoutes ?? [])]) };
