import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import controller from './controller';
import service from './service';

const route = routesOf('personal-data');

/**
 * Personal data (个人信息权益): a person's rights over what the office holds about them.
 * Their consents with date, source and history (kept by the write pipeline's consents step,
 * ./consents.ts, whatever path changes them); everything held about them as a file they can
 * read (JSON, a page, a PDF); and erasure: the record anonymised, what it is counted in kept.
 */
const capability: Capability = {
  adminRoutes: [
    route('GET', '/alumni/:documentId/export', 'export', ACTIONS.exportAlumni),
    route('GET', '/alumni/:documentId/consents', 'consents', ACTIONS.exportAlumni),
    route('PUT', '/alumni/:documentId/consents', 'recordConsents', ACTIONS.recordConsents),
    route('POST', '/alumni/:documentId/erase', 'erase', ACTIONS.eraseAlumni),
  ],
  controllers: { 'personal-data': controller },
  services: { 'personal-data': service },
};

export default capability;
