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
  // Every request under /api is counted per caller (shared across instances), and public
  // reads are answered from the cache when they can: both before the query parser and the
  // router, so that a cached answer costs neither. A miss goes on through Strapi's router,
  // users-permissions and the route's controller like any other request.
  'plugin::liaison.rate-limit',
  'plugin::liaison.public-cache',
  'strapi::query',
  // Uploads (the media library, the alumni import) up to UPLOAD_MAX_FILE_MB; a larger import answers 400 naming the file.
  { name: 'strapi::body', config: { formidable: { maxFileSize: env.int('UPLOAD_MAX_FILE_MB', 200) * 1024 * 1024 } } },
  // Sign-in attempts (per address and per account) and the public account routes, counted across instances: after the body, which names the account.
  'plugin::liaison.account-limits',
  // Uploads: refuses files outside the allowlist once the body is parsed, before any route stores them; sandboxes /uploads.
  'plugin::liaison.uploads',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
