const website = () => strapi.plugin('liaison').service('website');

export default {
  async eventsFeed(ctx) {
    const feed = await website().eventsFeed(ctx.query ?? {});
    ctx.type = 'text/calendar; charset=utf-8';
    ctx.set('Content-Disposition', 'inline; filename="events.ics"');
    ctx.body = feed;
  },
  async openapi(ctx) {
    ctx.body = website().openApi();
  },
};
