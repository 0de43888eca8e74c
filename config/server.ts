import { secret } from '../src/utils/secret';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer: take the client address from X-Forwarded-For (rate limits count per client).
  proxy: { koa: env.bool('PROXY_ENABLED', false) },
  app: {
    keys: secret('APP_KEYS').split(','),
  },
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});
