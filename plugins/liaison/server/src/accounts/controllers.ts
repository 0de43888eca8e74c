import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules/field-error';
import { requestLanguage, validationError } from '../utils/errors';
import { inputOf } from '../utils/input';
import type { PersonalDataExport } from '../admin-api-types';
import { renderExport, sendExport } from '../personal-data/send-export';
import { signedInAlumnus } from './current';
import { claimInput, exportQuery, forgotInput, invitationInput, meInput, tokenInput } from './inputs';
import { activate, resetPassword } from './activate';
import { exportMe, readMe, removeLogin, updateMe } from './me';
import { invite, processClaim, processForgot } from './claim';

/** What every claim and every forgotten-password request answers, whatever it found. */
export const ACCEPTED = {
  data: {
    accepted: true,
    message: 'If the details match a record with an e-mail address, a link has been sent to it.',
    messageZh: '如信息与登记有电子邮箱的校友记录相符，链接已发送至该邮箱。',
  },
};

const service = (strapi: Core.Strapi) => strapi.plugin('liaison').service('accounts');

/**
 * The public account routes. A claim and a forgotten password answer 202 at once and do their
 * work after the answer (service().later): the answer and its time are the same whether the
 * details matched a record, a record without an e-mail address, or nothing.
 */
export const account = ({ strapi }: { strapi: Core.Strapi }) => ({
  async claim(ctx: any) {
    const input = inputOf(ctx).body(claimInput);
    service(strapi).later(() => processClaim(strapi, input));
    ctx.status = 202;
    ctx.body = ACCEPTED;
  },

  async forgot(ctx: any) {
    const { email } = inputOf(ctx).body(forgotInput);
    service(strapi).later(() => processForgot(strapi, email as string));
    ctx.status = 202;
    ctx.body = ACCEPTED;
  },

  async activate(ctx: any) {
    const input = inputOf(ctx).body(tokenInput);
    ctx.status = 201;
    ctx.body = await activate(strapi, input);
  },

  async reset(ctx: any) {
    ctx.body = await resetPassword(strapi, inputOf(ctx).body(tokenInput));
  },
});

/** The routes of a signed-in alumnus: their own record only, whatever they send. */
export const accounts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async me(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await readMe(strapi, me, requestLanguage());
  },

  async updateMe(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const input = inputOf(ctx).body(meInput);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await updateMe(strapi, me, input, requestLanguage());
  },

  async deleteMe(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    await strapi.db.transaction(() => removeLogin(strapi, me.id));
    ctx.status = 204;
    ctx.body = null;
  },

  async exportMe(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const { format } = inputOf(ctx).query(exportQuery);
    const lang = requestLanguage();
    const dossier: PersonalDataExport = await exportMe(strapi, me, lang, format);
    sendExport(ctx, format, await renderExport(strapi, dossier, format, lang));
  },
});

const COHORT = 'plugin::liaison.cohort';
const CHAPTER = 'plugin::liaison.chapter';

/** POST /liaison/invitations { cohort } | { chapter } (admin). */
export const invitations = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const input = inputOf(ctx).body(invitationInput);
    const [uid, field, documentId] = input.cohort ? [COHORT, 'cohort', input.cohort] : [CHAPTER, 'chapter', input.chapter!];
    const group: any = await strapi.db.query(uid as any).findOne({ where: { documentId }, select: ['id'] });
    if (!group) throw validationError([fieldError(field, field === 'cohort' ? 'accounts.noCohort' : 'accounts.noChapter')]);
    ctx.body = { data: await invite(strapi, { [field]: group.id }) };
  },
});
