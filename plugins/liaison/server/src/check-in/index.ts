import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import controller from './controller';
import service from './service';

const route = routesOf('checkIn');

/**
 * The staff's side of event sign-up: an event's registrations (counts, list with the
 * waiting list's order, export) and checking people in at the door by their code. Chapter
 * editors only for their own chapters' events (scope.ts).
 */
const capability: Capability = {
  adminRoutes: [
    route('POST', '/events/:documentId/check-in', 'checkIn', ACTIONS.checkIn),
    route('GET', '/events/:documentId/arrivals', 'arrivals', ACTIONS.checkIn),
    route('GET', '/events/:documentId/registrations', 'registrations', ACTIONS.readRegistrations),
    route('GET', '/events/:documentId/registrations/export', 'export', ACTIONS.readRegistrations),
    route('GET', '/registrations/events', 'events', ACTIONS.readRegistrations),
  ],
  controllers: { checkIn: controller },
  services: { checkIn: service },
};

export default capability;
