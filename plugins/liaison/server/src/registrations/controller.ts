import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { fieldError } from '../rules/field-error';
import { signedInAlumnus } from '../accounts/current';
import { requestAdminUser, scopeForRequest } from '../access/request';
import { websiteRecordOutside } from '../access/rules';
import { forbiddenError, validationError } from '../utils/errors';
import { inputOf } from '../utils/input';
import { format } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { errors } from '@strapi/utils';
import { signUpInput, staffSignUpInput } from './inputs';

const signUp = (strapi: Core.Strapi) => strapi.plugin('liaison').service('signUp');

/** Routes of a signed-in alumnus: their own sign-ups only. */
export const alumniController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/liaison/events/:documentId/registrations { guests? } */
  async create(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const { guests } = inputOf(ctx).body(signUpInput);
    ctx.status = 201;
    ctx.body = { data: await signUp(strapi).signUp(documentId, me, guests) };
  },

  /** DELETE /api/liaison/registrations/:documentId */
  async cancel(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const { status } = await signUp(strapi).cancel(documentId, me.id);
    ctx.body = { data: { documentId, status } };
  },

  /** GET /api/liaison/me/registrations */
  async mine(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    ctx.body = { data: await signUp(strapi).mine(me) };
  },
});

/** Staff signing a person up on their behalf (chapter editors: their chapters' events only). */
export const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /liaison/events/:documentId/registrations { alumnus, guests? } */
  async create(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const body = inputOf(ctx).body(staffSignUpInput);
    const event = await signUp(strapi).publishedEvent(documentId);
    if (!event) throw new errors.NotFoundError(format('signUp.noEvent', {}, requestLanguage()));
    const user = await requestAdminUser(strapi, ctx.state);
    const scope = await scopeForRequest(strapi, user!);
    if (!scope.all) {
      const outside = websiteRecordOutside(event.chapter ? [event.chapter] : [], scope);
      if (outside) throw forbiddenError('chapter', outside === 'none' ? 'access.noChapter' : 'access.otherChapter');
    }
    const person = await signUp(strapi).person(body.alumnus);
    if (!person) throw validationError([fieldError('alumnus', 'signUp.noAlumnus')]);
    ctx.status = 201;
    ctx.body = { data: await signUp(strapi).signUp(documentId, person, body.guests, user!.id, event) };
  },
});
