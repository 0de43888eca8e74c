import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import { alumniController, staffController } from './controller';
import service from './service';

/**
 * Event sign-up: alumni register for published events within the registration window,
 * with a waiting list (first come first served) once the capacity is taken; cancelling
 * moves the first waiting up. Staff can sign a person up on their behalf.
 */
const capability: Capability = {
  alumniRoutes: [
    { method: 'POST', path: '/events/:documentId/registrations', handler: 'signUp.create' },
    { method: 'DELETE', path: '/registrations/:documentId', handler: 'signUp.cancel' },
    { method: 'GET', path: '/me/registrations', handler: 'signUp.mine' },
  ],
  adminRoutes: [routesOf('signUpStaff')('POST', '/events/:documentId/registrations', 'create', ACTIONS.registerForEvents)],
  controllers: { signUp: alumniController, signUpStaff: staffController },
  services: { signUp: service },
};

export default capability;
