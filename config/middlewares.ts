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
  // Public GETs: limited per client across instances, then answered from the cache when it can.
  'plugin::liaison.rate-limit',
  'plugin::liaison.public-cache',
  'strapi::query',
  // The website's story and event lists for public callers, without the rest of the chain.
  'plugin::liaison.public-reads',
  'strapi::body',
  // Uploads: refuses files outside the allowlist once the body is parsed, before any route stores them; sandboxes /uploads.
  'plugin::liaison.uploads',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
