import type { Core } from '@strapi/strapi';
import { RateLimiter } from '../website/rate-limit';
import { wholeNumberEnv as envInt } from '../utils/env';

/**
 * How many anonymous items one address may send in a window (FEEDBACK_LIMIT_PER_ADDRESS,
 * default 5; 0: no limit) and the window (FEEDBACK_LIMIT_WINDOW_SECONDS, default 3600),
 * counted across instances in the website's shared table.
 */
export interface FeedbackLimits {
  perAddress: number;
  windowSeconds: number;
}

export const feedbackLimitsFromEnv = (): FeedbackLimits => ({
  perAddress: envInt('FEEDBACK_LIMIT_PER_ADDRESS', 5),
  windowSeconds: envInt('FEEDBACK_LIMIT_WINDOW_SECONDS', 3600) || 3600,
});

export class FeedbackLimiter {
  private limiter: RateLimiter | null = null;
  limits: FeedbackLimits = feedbackLimitsFromEnv();

  constructor(private strapi: Core.Strapi) {}

  async configure(limits: FeedbackLimits) {
    await this.stop();
    this.limits = limits;
    if (limits.perAddress > 0) {
      this.limiter = new RateLimiter(this.strapi, { points: limits.perAddress, durationSeconds: limits.windowSeconds, syncMs: 250 });
      this.limiter.start();
    }
  }

  async stop() {
    await this.limiter?.stop();
    this.limiter = null;
  }

  /** Counts one anonymous item of `address`; the refusal (seconds to wait) once the address has used its share. */
  consume(address: string) {
    if (!this.limiter) return null;
    const decision = this.limiter.consume(`feedback-ip:${address}`, this.limits.perAddress);
    return decision.allowed ? null : decision;
  }
}
