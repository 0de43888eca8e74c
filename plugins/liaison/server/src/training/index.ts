import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import { registerMeasure } from '../appraisal/measures';
import { timeWindow } from '../appraisal/builtin-measures';
import { columnOf, joinOf, tableOf } from '../utils/db';
import { dayOf } from '../assignment/rules/lifecycle';
import service from './service';
import { deadlineMonths } from './rules';
import conduct, { acknowledgePage, type AcknowledgeOutcome, type LinkCheck } from './conduct';
import { sendLinkPage, tokenOf } from '../utils/link-page';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { acknowledgementInput, conductInput, enrolmentInput, recordInput, settingsInput } from './inputs';

const RECORD = 'plugin::liaison.training-record';
const POST = 'plugin::liaison.liaison';

const route = routesOf('training');

const ACK_STATUS: Record<AcknowledgeOutcome, number> = { confirm: 200, done: 200, invalid: 400, expired: 400, superseded: 400, unknown: 404 };

const controller = ({ strapi }: { strapi: any }) => {
  const svc = () => strapi.plugin('liaison').service('training');
  return {
    async overview(ctx: any) {
      ctx.body = { data: await svc().overview(ctx.state.user) };
    },
    async getSettings(ctx: any) {
      ctx.body = { data: await svc().settings() };
    },
    async setSettings(ctx: any) {
      ctx.body = { data: await svc().setSettings(inputOf(ctx).body(settingsInput)) };
    },
    async updateRecord(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      ctx.body = { data: await svc().updateRecord(documentId, input.body(recordInput)) };
    },
    async enrol(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      const body = input.body(enrolmentInput);
      ctx.status = 201;
      ctx.body = { data: await svc().enrol(documentId, body) };
    },
    async publishConduct(ctx: any) {
      const body = inputOf(ctx).body(conductInput);
      ctx.status = 201;
      ctx.body = { data: await strapi.plugin('liaison').service('conduct').publish(body) };
    },
    async acknowledgeByStaff(ctx: any) {
      const body = inputOf(ctx).body(acknowledgementInput);
      ctx.status = 201;
      ctx.body = { data: await strapi.plugin('liaison').service('conduct').acknowledgeByStaff(body) };
    },
    async conductStatus(ctx: any) {
      ctx.body = { data: await strapi.plugin('liaison').service('conduct').status(ctx.state.user) };
    },
    /** GET /api/liaison/conduct/acknowledge?token= (the link in the mail): a page with one button, nothing changes. */
    async acknowledgePage(ctx: any) {
      const token = tokenOf(ctx);
      const checked: LinkCheck = await strapi.plugin('liaison').service('conduct').checkLink(token);
      sendLinkPage(ctx, ACK_STATUS[checked.outcome], acknowledgePage(checked, token ?? undefined));
    },
    /** POST /api/liaison/conduct/acknowledge (the page's button, token in the form) */
    async acknowledge(ctx: any) {
      const checked: LinkCheck = await strapi.plugin('liaison').service('conduct').acknowledgeByLink(tokenOf(ctx));
      sendLinkPage(ctx, ACK_STATUS[checked.outcome], acknowledgePage(checked));
    },
  };
};

/**
 * Training (规范管理): a record's result follows its attendance, score and the course's
 * pass mark; a newly approved liaison is provisional until the required courses are
 * completed, within N months, with reminders before the deadline.
 */
const capability: Capability = {
  adminRoutes: [
    route('GET', '/training/overview', 'overview', ACTIONS.readTraining),
    route('GET', '/training/settings', 'getSettings', ACTIONS.readTraining),
    route('PUT', '/training/settings', 'setSettings', ACTIONS.manageTraining),
    route('PUT', '/training/records/:documentId', 'updateRecord', ACTIONS.manageTraining),
    route('POST', '/training/sessions/:documentId/enrolments', 'enrol', ACTIONS.manageTraining),
    route('POST', '/conduct/versions', 'publishConduct', ACTIONS.manageTraining),
    route('POST', '/conduct/acknowledgements', 'acknowledgeByStaff', ACTIONS.manageTraining),
    route('GET', '/conduct/pending', 'conductStatus', ACTIONS.readTraining),
  ],
  // Following the link (a person, or a mail scanner) only shows a button; the button POSTs.
  contentApiRoutes: [
    { method: 'GET', path: '/conduct/acknowledge', handler: 'training.acknowledgePage', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/conduct/acknowledge', handler: 'training.acknowledge', config: { auth: false, policies: [] } },
  ],
  controllers: { training: controller },
  services: { training: service, conduct },
  register: ({ strapi }) => {
    registerMeasure({
      key: 'training_completed',
      label: { en: 'Training courses completed', 'zh-Hans': '完成的培训课程' },
      query: (ctx) => {
        const la = joinOf(strapi, POST, 'alumnus');
        const ra = joinOf(strapi, RECORD, 'alumnus');
        const rs = joinOf(strapi, RECORD, 'session');
        const sc = joinOf(strapi, 'plugin::liaison.training-session', 'course');
        const w = timeWindow(strapi, `s.${columnOf(strapi, 'plugin::liaison.training-session', 'startsAt')}`, ctx);
        return {
          sql: `SELECT la.${la.from} AS post_id, COUNT(DISTINCT sc.${sc.to}) AS value
            FROM ${la.table} la
              JOIN ${ra.table} ra ON ra.${ra.to} = la.${la.to}
              JOIN ${tableOf(strapi, RECORD)} r ON r.id = ra.${ra.from}
              JOIN ${rs.table} rs ON rs.${rs.from} = r.id
              JOIN ${tableOf(strapi, 'plugin::liaison.training-session')} s ON s.id = rs.${rs.to}
              JOIN ${sc.table} sc ON sc.${sc.from} = s.id
            WHERE r.${columnOf(strapi, RECORD, 'result')} = 'passed' AND ${w.sql}
            GROUP BY la.${la.from}`,
          bindings: w.bindings,
        };
      },
    });
  },
  bootstrap: ({ strapi }) => {
    deadlineMonths(); // a wrong TRAINING_DEADLINE_MONTHS stops the start, not the first approval
    strapi
      .plugin('liaison')
      .service('jobs')
      .schedule({
        name: 'training-deadline-reminders',
        rule: '30 2 * * *',
        run: ({ slot }: { slot: Date }) => strapi.plugin('liaison').service('training').runReminders(dayOf(slot)),
      });
  },
};

export default capability;
