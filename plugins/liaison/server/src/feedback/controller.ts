import type { Core } from '@strapi/strapi';
import { signedInAlumnus } from '../accounts/current';
import { livePostsOf } from '../liaison-work/posts';
import { requestAdminUser, scopeForRequest } from '../access/request';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { forbiddenError } from '../utils/errors';
import { addressOf } from '../website/callers';
import { tooManyRequests } from '../website/rate-limit';
import { anonymousInput, answerInput, reassignInput, sendInput, settingsInput, staffListQuery } from './inputs';
import { readSettings, writeSettings } from './settings';

const feedback = (strapi: Core.Strapi) => strapi.plugin('liaison').service('feedback');

/** Routes of signed-in alumni and liaisons. */
export const alumniController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/liaison/feedback { kind, content, contactBack?, alumnus? | toOffice? } */
  async send(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const body = inputOf(ctx).body(sendInput);
    ctx.status = 201;
    ctx.body = { data: await feedback(strapi).send(me, body) };
  },

  /** GET /api/liaison/feedback: { queue, sent } */
  async mine(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    ctx.body = { data: await feedback(strapi).mine(me) };
  },

  /** POST /api/liaison/feedback/:documentId/answer { answer }: the responsible post's holder only. */
  async answer(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const { answer } = inputOf(ctx).body(answerInput);
    const posts = await livePostsOf(strapi, me.id);
    ctx.body = { data: await feedback(strapi).answer(documentId, answer, { kind: 'liaison', me, posts }) };
  },
});

/** POST /api/liaison/feedback/anonymous (auth: false), limited per address. */
export const publicController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async sendAnonymous(ctx: any) {
    const refusal = feedback(strapi).limiter().consume(addressOf(ctx));
    if (refusal) {
      const { perAddress, windowSeconds } = feedback(strapi).limiter().limits;
      return tooManyRequests(ctx, refusal.retryAfter, `Too many messages: at most ${perAddress} every ${windowSeconds} s; try again in ${refusal.retryAfter} s`);
    }
    const body = inputOf(ctx).body(anonymousInput);
    ctx.status = 201;
    ctx.body = { data: await feedback(strapi).sendAnonymous(body) };
  },
});

const staffScope = async (strapi: Core.Strapi, ctx: any) => {
  const user = await requestAdminUser(strapi, ctx.state);
  return { user, scope: await scopeForRequest(strapi, user!) };
};

/** Admin routes of staff (College Staff: their colleges' alumni's items only). */
export const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const query = inputOf(ctx).query(staffListQuery);
    const { scope } = await staffScope(strapi, ctx);
    ctx.body = await feedback(strapi).list(scope, query);
  },
  async stats(ctx: any) {
    const { scope } = await staffScope(strapi, ctx);
    ctx.body = { data: await feedback(strapi).stats(scope) };
  },
  async answer(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const { answer } = inputOf(ctx).body(answerInput);
    const { user, scope } = await staffScope(strapi, ctx);
    ctx.body = { data: await feedback(strapi).answer(documentId, answer, { kind: 'staff', user, scope }) };
  },
  async reassign(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const target = inputOf(ctx).body(reassignInput);
    const { user, scope } = await staffScope(strapi, ctx);
    ctx.body = { data: await feedback(strapi).reassign(documentId, target, user, scope) };
  },
  /** The settings, and whether this user may change them (`meta.editable`: the office's, not College Staff's). */
  async getSettings(ctx: any) {
    const { scope } = await staffScope(strapi, ctx);
    ctx.body = { data: await readSettings(strapi), meta: { editable: scope.all } };
  },
  /** The office's calendar and deadlines: staff who see the whole network only (College Staff manage their items, not these). */
  async setSettings(ctx: any) {
    const { scope } = await staffScope(strapi, ctx);
    if (!scope.all) throw forbiddenError('deadlines', 'feedback.officeOnly');
    ctx.body = { data: await writeSettings(strapi, inputOf(ctx).body(settingsInput)) };
  },
});
