import type { Pagination } from './common';

/** Feedback with deadlines (feedback/): what staff and the admin page read. */
export type FeedbackKind = 'career_help' | 'cooperation' | 'suggestion' | 'complaint' | 'data_correction' | 'other';
export type FeedbackStatus = 'open' | 'overdue' | 'answered';
export type FeedbackOrigin = 'alumnus' | 'anonymous' | 'liaison' | 'to_office';

export interface FeedbackItem {
  documentId: string;
  kind: FeedbackKind;
  content: string;
  origin: FeedbackOrigin | null;
  status: FeedbackStatus;
  overdue: boolean;
  receivedAt: string | null;
  dueAt: string | null;
  /** The responsible post, or 'office'. */
  responsible: { documentId: string; label: string | null; dimension: string; scope: string } | 'office';
  alumnus: { documentId: string; name: string } | null;
  fromPost: { documentId: string; label: string | null } | null;
  contactBack: boolean;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  /** What an anonymous sender left to be answered at (staff only). */
  sender?: { name: string | null; email: string | null } | null;
  routeLog?: { at: string; from?: string; to: string; by: string }[];
}

export interface FeedbackListResponse {
  data: FeedbackItem[];
  meta: { pagination: Pagination };
}

export interface FeedbackAnswerTime {
  post: { documentId: string; label: string | null } | null;
  items: number;
  answered: number;
  overdue: number;
  late: number;
  medianHours: number | null;
  meanHours: number | null;
}

export interface FeedbackSettings {
  deadlines: Record<FeedbackKind, number>;
  holidays: string[];
  workdays: string[];
  escalateAfterDays: number;
}
