import type { Capability } from '../capabilities';
import { registerMeasure } from '../appraisal/measures';
import { ACTIONS, routesOf } from '../permissions';
import { mySurveysController, surveyAnswerController, surveysController } from './controller';
import { surveyResponseRate } from './measure';
import service from './service';

const route = routesOf('surveys');
const open = (method: string, path: string, handler: string) => ({ method, path, handler: `surveyAnswer.${handler}`, config: { auth: false, policies: [] } });

/**
 * Surveys (定期调查和跟踪): staff write a survey (single and multiple choice, text, number;
 * both languages) and send it to classes, colleges, chapters or industry groups; each
 * consenting alumnus gets a personal link by mail and answers (one answer, editable until
 * the close date); liaisons see their scope's response rate and remind those who have not
 * answered (once a week at most); results per question and scope, exported; the response
 * rate per post is an appraisal measure.
 */
const capability: Capability = {
  adminRoutes: [
    route('GET', '/surveys', 'list', ACTIONS.readSurveys),
    route('POST', '/surveys', 'create', ACTIONS.manageSurveys),
    route('GET', '/surveys/scopes', 'scopes', ACTIONS.manageSurveys),
    route('GET', '/surveys/:documentId', 'get', ACTIONS.readSurveys),
    route('PUT', '/surveys/:documentId', 'update', ACTIONS.manageSurveys),
    route('POST', '/surveys/:documentId/send', 'send', ACTIONS.manageSurveys),
    route('GET', '/surveys/:documentId/results', 'results', ACTIONS.readSurveys),
    route('GET', '/surveys/:documentId/results/export', 'export', ACTIONS.readSurveys),
  ],
  contentApiRoutes: [
    open('GET', '/surveys/answer/:token', 'read'),
    open('PUT', '/surveys/answer/:token', 'write'),
    open('GET', '/app/survey', 'page'),
  ],
  alumniRoutes: [
    { method: 'GET', path: '/my/surveys', handler: 'mySurveys.list' },
    { method: 'POST', path: '/my/surveys/:documentId/remind', handler: 'mySurveys.remind' },
  ],
  controllers: { surveys: surveysController, surveyAnswer: surveyAnswerController, mySurveys: mySurveysController },
  services: { surveys: service },
  register: ({ strapi }) => {
    registerMeasure(surveyResponseRate(strapi));
  },
  destroy: ({ strapi }) => strapi.plugin('liaison').service('surveys').idle(),
};

export default capability;
