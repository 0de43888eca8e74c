import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import controller from './controller';
import service from './service';
import { registerMeasure } from './measures';
import { builtinMeasures } from './builtin-measures';

const route = routesOf('appraisal');

/**
 * Appraisal (考核): cycles with measured and scored criteria, reviewers' scores, totals,
 * grades and ranks computed by the server, closing (frozen, results mailed), export,
 * supervision feedback, and a liaison's results across cycles.
 */
const capability: Capability = {
  adminRoutes: [
    route('GET', '/measures', 'measures', ACTIONS.readAppraisal),
    route('GET', '/cycles', 'listCycles', ACTIONS.readAppraisal),
    route('POST', '/cycles', 'createCycle', ACTIONS.manageAppraisal),
    route('GET', '/cycles/:documentId', 'getCycle', ACTIONS.readAppraisal),
    route('PUT', '/cycles/:documentId', 'updateCycle', ACTIONS.manageAppraisal),
    route('POST', '/cycles/:documentId/compute', 'compute', ACTIONS.manageAppraisal),
    route('POST', '/cycles/:documentId/close', 'close', ACTIONS.manageAppraisal),
    route('GET', '/cycles/:documentId/results', 'results', ACTIONS.readAppraisal),
    route('GET', '/cycles/:documentId/export', 'export', ACTIONS.manageAppraisal),
    route('PUT', '/appraisals/:documentId/scores', 'score', ACTIONS.review),
    route('POST', '/appraisals/:documentId/notes', 'note', ACTIONS.review),
    route('GET', '/appraisals/:documentId/notes', 'notes', ACTIONS.readAppraisal),
    route('GET', '/alumni/:documentId/appraisals', 'history', ACTIONS.readAppraisal),
  ],
  controllers: { appraisal: controller },
  services: { appraisal: service },
  register: ({ strapi }) => {
    for (const measure of builtinMeasures(strapi)) registerMeasure(measure);
  },
  // Open cycles are measured again each night: new posts join, new contacts and events count.
  bootstrap: ({ strapi }) => {
    strapi.plugin('liaison').service('jobs').schedule({
      name: 'appraisal-recompute',
      rule: '0 3 * * *',
      run: () => strapi.plugin('liaison').service('appraisal').recomputeOpenCycles(),
    });
  },
};

export default capability;
