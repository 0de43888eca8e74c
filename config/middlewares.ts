export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // An allowlist, never '*': the website's origins come from CORS_ORIGINS.
      origin: env.array('CORS_ORIGINS', ['http://localhost:1337', 'http://localhost:3000']),
      credentials: true,
    },
  },
  'strapi::poweredBy',
  // TRACE and other methods the router does not implement: 405 with the path's methods in Allow.
  'plugin::liaison.allowed-methods',
  // Public GETs: limited per client across instances, then answered from the cache when it can.
  'plugin::liaison.rate-limit',
  'plugin::liaison.public-cache',
  'strapi::query',
  // The website's story and event lists for public callers, without the rest of the chain.
  'plugin::liaison.public-reads',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
