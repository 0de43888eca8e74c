/**
 * The website's routes that belong to no content type: the iCalendar feed of upcoming
 * events and the OpenAPI description of the public API. Public, read-only.
 */
export default {
  routes: [
    { method: 'GET', path: '/events.ics', handler: 'website.eventsFeed', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/openapi.json', handler: 'website.openapi', config: { auth: false, policies: [] } },
  ],
};
