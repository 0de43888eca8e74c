import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import { alumniController, staffController } from './controller';
import service from './service';

const route = routesOf('proposalsStaff');

/**
 * Proposed changes (record upkeep): a liaison proposes a change of an alumnus of their scope
 * (city, employer, job title, how to reach them, deceased or unreachable) with where they
 * learnt it; staff approve or reject it side by side with the record. An approval applies it
 * with its provenance as field history, marks the record verified by the proposing post, and
 * for a death or unreachability ends the person's posts (the outbox sends them nothing more).
 * The person's own change of a field the office marks "needs review" waits in the same queue.
 */
const capability: Capability = {
  alumniRoutes: [
    { method: 'POST', path: '/proposals', handler: 'proposals.create' },
    { method: 'GET', path: '/proposals', handler: 'proposals.mine' },
  ],
  adminRoutes: [
    route('GET', '/proposals', 'list', ACTIONS.reviewProposals),
    route('GET', '/proposals/settings', 'settings', ACTIONS.reviewProposals),
    route('PUT', '/proposals/settings', 'saveSettings', ACTIONS.configureProposals),
    route('GET', '/proposals/:documentId', 'findOne', ACTIONS.reviewProposals),
    route('POST', '/proposals/:documentId/approve', 'approve', ACTIONS.reviewProposals),
    route('POST', '/proposals/:documentId/reject', 'reject', ACTIONS.reviewProposals),
  ],
  controllers: { proposals: alumniController, proposalsStaff: staffController },
  services: { proposals: service },
};

export default capability;
