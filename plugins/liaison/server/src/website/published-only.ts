import { factories } from '@strapi/strapi';
import { eventQuery, eventsQuery, parsePublic, recordParams, storiesQuery, storyQuery } from './inputs';

/**
 * Staff's full-access API tokens, made for their own scripts, may read drafts: they can
 * already write them. Read-only and custom tokens (the kind a website build embeds) and
 * users-permissions callers (public or signed-in) read published content only, through
 * the website capability, which refuses any `status` other than `published` with 400.
 */
export const mayReadDrafts = (auth: { strategy?: { name?: string }; credentials?: { type?: string } } | undefined) =>
  auth?.strategy?.name === 'content-api-token' && auth?.credentials?.type === 'full-access';

/** Each type's public reads: the service's methods, and the schemas their queries are parsed with (./inputs). */
const WEBSITE_READS = {
  'plugin::liaison.story': { find: 'stories', findOne: 'story', list: storiesQuery, one: storyQuery },
  'plugin::liaison.event': { find: 'events', findOne: 'event', list: eventsQuery, one: eventQuery },
} as const;

/**
 * The core controller of a public website type. Everyone but staff's full-access tokens
 * reads through the website capability (plugins/liaison/server/src/website): published
 * content only, public fields only, a record by its slug or documentId. Staff scripts
 * keep Strapi's own reads (drafts and every field they may write anyway).
 */
export const publishedOnlyController = (uid: 'plugin::liaison.story' | 'plugin::liaison.event') =>
  factories.createCoreController(uid, ({ strapi }) => {
    const website = () => strapi.plugin('liaison').service('website');
    const reads = WEBSITE_READS[uid];
    return {
      async find(ctx) {
        if (mayReadDrafts(ctx.state?.auth)) return super.find(ctx);
        const json: string = await website()[reads.find](parsePublic(reads.list, ctx.query));
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = json;
      },
      async findOne(ctx) {
        if (mayReadDrafts(ctx.state?.auth)) return super.findOne(ctx);
        const { idOrSlug } = parsePublic(recordParams, { idOrSlug: ctx.params.id });
        ctx.body = await website()[reads.findOne](idOrSlug, parsePublic(reads.one, ctx.query));
      },
    };
  });
