import { feedQuery, parsePublic } from './inputs';

/** The website's routes that belong to no content type: the iCalendar feed of upcoming events and the OpenAPI description. */
export default ({ strapi }: { strapi: any }) => {
  const website = () => strapi.plugin('liaison').service('website');
  return {
    async eventsFeed(ctx: any) {
      const feed = await website().eventsFeed(parsePublic(feedQuery, ctx.query));
      ctx.type = 'text/calendar; charset=utf-8';
      ctx.set('Content-Disposition', 'inline; filename="events.ics"');
      ctx.body = feed;
    },
    async openapi(ctx: any) {
      ctx.body = website().openApi();
    },
  };
};
