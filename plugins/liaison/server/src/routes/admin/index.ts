import { requires, ACTIONS } from '../../permissions';
import { CAPABILITIES } from '../../capabilities';

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.coverage',
      config: { policies: requires(ACTIONS.readOverview) },
    },
    ...CAPABILITIES.flatMap((c) => c.adminRoutes ?? []),
  ],
};
