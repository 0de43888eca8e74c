import type { Capability } from '../capabilities';
import controller from './controller';

/**
 * The liaisons' own work (issue 17): a signed-in alumnus with a post in office acts for its
 * scope. Their posts and their scopes' alumni (contact details and work only of those who
 * consented, never student numbers), and their contact logs, which the appraisal's
 * `contacts` measure counts.
 */
const capability: Capability = {
  alumniRoutes: [
    { method: 'GET', path: '/my/posts', handler: 'liaisonWork.posts' },
    { method: 'GET', path: '/my/alumni', handler: 'liaisonWork.alumni' },
    { method: 'POST', path: '/contacts', handler: 'liaisonWork.logContacts' },
    { method: 'GET', path: '/contacts', handler: 'liaisonWork.contacts' },
  ],
  controllers: { liaisonWork: controller },
};

export default capability;
