/** The e-mail outbox. Types only (see ../admin-api-types.ts). */
import type { DataResponse, Pagination } from './common';

// Outbox: GET /liaison/outbox, POST /liaison/outbox/:documentId/resend

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A delivery attempt: when, and the error if it failed. */
export interface DeliveryAttempt {
  at: string;
  ok?: boolean;
  error?: string;
}

/** A mail of the outbox, as staff see it. */
export interface OutboxMail {
  documentId: string;
  to: string;
  subject: string;
  kind: string | null;
  deliveryStatus: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
  recipientLocale: 'zh-Hans' | 'en' | null;
  attemptLog: DeliveryAttempt[] | null;
}

export interface OutboxResponse {
  data: OutboxMail[];
  meta: { pagination: Pagination };
}

export type ResendResponse = DataResponse<OutboxMail>;
