import { ACTIONS, routesOf } from '../permissions';

const route = routesOf('assignment');

/** The admin HTTP API of the network's rules (under /liaison). */
export default [
  route('GET', '/quotas', 'getQuotas', ACTIONS.readPosts),
  route('PUT', '/quotas', 'setQuota', ACTIONS.configure),
  route('POST', '/posts', 'nominate', ACTIONS.nominate),
  route('POST', '/posts/:documentId/approve', 'approve', ACTIONS.approve),
  route('POST', '/posts/:documentId/reject', 'reject', ACTIONS.approve),
  route('POST', '/posts/:documentId/renew', 'renew', ACTIONS.manage),
  route('POST', '/posts/:documentId/end', 'end', ACTIONS.manage),
  route('GET', '/posts/:documentId/history', 'history', ACTIONS.readPosts),
  route('POST', '/cohorts/:documentId/appoint', 'appoint', ACTIONS.approve),
  route('GET', '/candidates', 'candidates', ACTIONS.readCoverage),
];
