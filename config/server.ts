export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS', ['devKeyA-change-me', 'devKeyB-change-me']),
  },
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});
