import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The public content API serves published stories and events only, whatever the query
 * says. `status=published` is accepted (it changes nothing); any other `status`
 * (`draft`, a list, an empty value) is refused with 400 naming the parameter.
 *
 * Full-access API tokens, made by staff for their own scripts, may still read drafts:
 * they can already write them. Read-only and custom tokens (the kind a website build
 * embeds) and users-permissions callers (public or signed-in) cannot.
 */
export const mayReadDrafts = (auth: { strategy?: { name?: string }; credentials?: { type?: string } } | undefined) =>
  auth?.strategy?.name === 'content-api-token' && auth?.credentials?.type === 'full-access';

export const refusedStatus = (query: Record<string, unknown> | undefined, auth: Parameters<typeof mayReadDrafts>[0]) => {
  if (!query || !('status' in query) || mayReadDrafts(auth)) return null;
  return query.status === 'published' ? null : 'only published content is served: leave status out (or set it to published)';
};

/** Koa-style check used by the story and event controllers before find and findOne. */
export const assertPublishedOnly = (ctx: { query?: Record<string, unknown>; state?: { auth?: any } }) => {
  const problem = refusedStatus(ctx.query, ctx.state?.auth);
  if (problem) {
    throw new errors.ValidationError(`status: ${problem}`, {
      errors: [{ path: ['status'], message: problem, name: 'ValidationError' }],
    });
  }
};

const WEBSITE_READS = {
  'api::story.story': { find: 'findStories', findOne: 'findStory' },
  'api::event.event': { find: 'findEvents', findOne: 'findEvent' },
} as const;

/**
 * The core controller of a public website type. Everyone but staff's full-access tokens
 * reads through the website capability (plugins/liaison/server/src/website): published
 * content only, public fields only, a record by its slug or documentId. Staff scripts
 * keep Strapi's own reads (drafts and every field they may write anyway).
 */
export const publishedOnlyController = (uid: 'api::story.story' | 'api::event.event') =>
  factories.createCoreController(uid, ({ strapi }) => {
    const website = () => strapi.plugin('liaison').service('website');
    const reads = WEBSITE_READS[uid];
    return {
      async find(ctx) {
        assertPublishedOnly(ctx);
        if (mayReadDrafts(ctx.state?.auth)) return super.find(ctx);
        const json: string = await website()[reads.find](ctx.query ?? {});
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = json;
      },
      async findOne(ctx) {
        assertPublishedOnly(ctx);
        if (mayReadDrafts(ctx.state?.auth)) return super.findOne(ctx);
        ctx.body = await website()[reads.findOne](ctx.params.id, ctx.query ?? {});
      },
    };
  });
