import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import controller from './controller';
import service from './service';

const route = routesOf('honours');

/**
 * Honours (激励): eligibility by appraisal grade, nomination, the committee's approval,
 * each liaison's history, and the public honour roll.
 */
const capability: Capability = {
  adminRoutes: [
    route('GET', '/honours', 'list', ACTIONS.readAppraisal),
    route('POST', '/honours', 'nominate', ACTIONS.nominateHonour),
    route('GET', '/honours/eligible', 'eligible', ACTIONS.nominateHonour),
    route('POST', '/honours/bulk', 'bulk', ACTIONS.nominateHonour),
    route('GET', '/honours/rules', 'getRules', ACTIONS.readAppraisal),
    route('PUT', '/honours/rules', 'setRules', ACTIONS.approveHonour),
    route('POST', '/honours/:documentId/approve', 'approve', ACTIONS.approveHonour),
    route('POST', '/honours/:documentId/reject', 'reject', ACTIONS.approveHonour),
  ],
  contentApiRoutes: [
    {
      method: 'GET',
      path: '/honours',
      handler: 'honours.roll',
      config: { auth: false, policies: [] },
    },
  ],
  controllers: { honours: controller },
  services: { honours: service },
};

export default capability;
