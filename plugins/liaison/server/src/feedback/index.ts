import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import { alumniController, publicController, staffController } from './controller';
import service from './service';
import { FeedbackLimiter, feedbackLimitsFromEnv, type FeedbackLimits } from './limits';
import { beijingDay } from './working-days';

const route = routesOf('feedbackStaff');

/**
 * Feedback with deadlines: alumni's needs and opinions (signed in, anonymous from the alumni
 * page, or recorded by a liaison) routed to the responsible post of their scope (class,
 * college, chapter, industry group, else the office) with a deadline in working days; the
 * liaison answers and the alumnus is mailed the answer; a daily job reminds and escalates.
 * Liaisons send the office their own questions the same way.
 */
const capability: Capability = {
  alumniRoutes: [
    { method: 'POST', path: '/feedback', handler: 'feedback.send' },
    { method: 'GET', path: '/feedback', handler: 'feedback.mine' },
    { method: 'POST', path: '/feedback/:documentId/answer', handler: 'feedback.answer' },
  ],
  contentApiRoutes: [{ method: 'POST', path: '/feedback/anonymous', handler: 'feedbackPublic.sendAnonymous', config: { auth: false, policies: [] } }],
  adminRoutes: [
    route('GET', '/feedback', 'list', ACTIONS.readFeedback),
    route('GET', '/feedback/stats', 'stats', ACTIONS.readFeedback),
    route('GET', '/feedback/settings', 'getSettings', ACTIONS.readFeedback),
    route('PUT', '/feedback/settings', 'setSettings', ACTIONS.manageFeedback),
    route('POST', '/feedback/:documentId/answer', 'answer', ACTIONS.manageFeedback),
    route('POST', '/feedback/:documentId/reassign', 'reassign', ACTIONS.manageFeedback),
  ],
  controllers: { feedback: alumniController, feedbackPublic: publicController, feedbackStaff: staffController },
  services: {
    feedback: ({ strapi }: { strapi: any }) => {
      const limiter = new FeedbackLimiter(strapi);
      return {
        ...service({ strapi }),
        limiter: () => limiter,
        configureLimits: (limits: Partial<FeedbackLimits>) => limiter.configure({ ...feedbackLimitsFromEnv(), ...limits }),
      };
    },
  },
  bootstrap: async ({ strapi }) => {
    await strapi.plugin('liaison').service('feedback').configureLimits({});
    strapi.plugin('liaison').service('jobs').schedule({
      name: 'feedback-sweep',
      rule: '0 9 * * *',
      run: ({ slot }: { slot: Date }) => strapi.plugin('liaison').service('feedback').sweep(beijingDay(slot)),
    });
  },
  destroy: async ({ strapi }) => {
    await strapi.plugin('liaison').service('feedback').limiter().stop();
  },
};

export default capability;
