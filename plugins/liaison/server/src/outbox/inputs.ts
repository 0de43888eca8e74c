import { z } from '@strapi/utils';
import { oneOf, optional, paging } from '../rules/inputs';
import { DELIVERY_STATUSES } from './rules';

/** GET /outbox: a page of mails, of one delivery status or all. */
export const outboxQuery = z.object({
  status: optional(oneOf(DELIVERY_STATUSES)),
  ...paging(1_000_000, 100),
});
export type OutboxQuery = z.output<typeof outboxQuery>;
