import { secret } from '../src/utils/secret';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer: take the client address from X-Forwarded-For (rate limits count
  // per client), counting only the hops we were told to trust from the right: each proxy
  // appends the address it saw, and everything left of those is whatever the client wrote.
  proxy: { koa: env.bool('PROXY_ENABLED', false), maxIpsCount: Math.max(1, env.int('PROXY_TRUSTED_HOPS', 1)) },
  app: {
    keys: secret('APP_KEYS').split(','),
  },
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});
