import type { Core } from '@strapi/strapi';
import { signedInAlumnus } from '../accounts/current';
import { documentIdParams, paging } from '../rules/inputs';
import { z } from '@strapi/utils';
import { inputOf } from '../utils/input';
import { proposalInput, proposalsQuery, rejectionInput, settingsInput } from './inputs';
import { proposalSettings } from './settings';

const proposals = (strapi: Core.Strapi) => strapi.plugin('liaison').service('proposals');
const mineQuery = z.object({ ...paging(100_000, 100, 25) }).strict();

/** The liaison's side: propose a change for an alumnus of their scope; read their own proposals. */
export const alumniController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const input = inputOf(ctx).body(proposalInput);
    ctx.status = 201;
    ctx.body = { data: await proposals(strapi).propose(ctx, input) };
  },

  async mine(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const { page, pageSize } = inputOf(ctx).query(mineQuery);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await proposals(strapi).mine(me, page, pageSize);
  },
});

/** The staff's side: the review queue, a decision, and which fields need review. */
export const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    ctx.body = await proposals(strapi).list(inputOf(ctx).query(proposalsQuery), ctx.state.user);
  },

  async findOne(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await proposals(strapi).findOne(documentId, ctx.state.user) };
  },

  async approve(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await proposals(strapi).approve(documentId, ctx.state.user) };
  },

  async reject(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    const { reason } = input.body(rejectionInput);
    ctx.body = { data: await proposals(strapi).reject(documentId, reason, ctx.state.user) };
  },

  async settings(ctx: any) {
    ctx.body = { data: await proposalSettings(strapi).get() };
  },

  async saveSettings(ctx: any) {
    ctx.body = { data: await proposalSettings(strapi).set(inputOf(ctx).body(settingsInput)) };
  },
});
