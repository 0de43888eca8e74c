import type { Capability } from '../capabilities';
import { ACTIONS, requires } from '../permissions';
import controller from './controller';
import service from './service';

/** Coverage: where the network has holes (per dimension and scope, reach, next chapters). */
const capability: Capability = {
  adminRoutes: [
    {
      method: 'GET',
      path: '/coverage',
      handler: 'coverage.list',
      config: { policies: requires(ACTIONS.readCoverage) },
    },
    {
      method: 'GET',
      path: '/coverage/summary',
      handler: 'coverage.summary',
      config: { policies: requires(ACTIONS.readCoverage) },
    },
    {
      method: 'GET',
      path: '/coverage/options',
      handler: 'coverage.options',
      config: { policies: requires(ACTIONS.readCoverage) },
    },
  ],
  controllers: { coverage: controller },
  services: { coverage: service },
};

export default capability;
