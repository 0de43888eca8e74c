/** Event registrations and check-in, the staff's side. Types only (see ../admin-api-types.ts). */
import type { NamedRef, Pagination } from './common';

// GET /liaison/events/:documentId/registrations, …/arrivals, POST …/check-in

export type RegistrationStatus = 'registered' | 'waiting' | 'cancelled';

/** An event's registrations counted: seats with guests; arrivals with and without guests. */
export interface RegistrationCounts {
  registered: number;
  waiting: number;
  cancelled: number;
  seatsTaken: number;
  capacity: number | null;
  checkedIn: number;
  arrived: number;
}

export interface StaffRegistration {
  documentId: string;
  status: RegistrationStatus;
  /** A waiting row's place in the queue; null otherwise. */
  position: number | null;
  guests: number;
  /** Contact fields only of people who consented to be contacted. */
  alumnus: { documentId: string; name: string; email: string | null; phone: string | null; wechat: string | null; contactConsent: boolean } | null;
  registeredAt: string | null;
  registeredBy: string | null;
  checkedInAt: string | null;
  checkedInBy: string | null;
  cancelledAt: string | null;
}

export interface EventSummary {
  documentId: string;
  title: string;
  capacity: number | null;
}

export interface RegistrationsResponse {
  data: StaffRegistration[];
  meta: { event: EventSummary; counts: RegistrationCounts; pagination: Pagination };
}

export interface ArrivalsResponse {
  data: { event: EventSummary; counts: RegistrationCounts };
}

export interface CheckInResult {
  documentId: string;
  displayName: string;
  alumnus: { documentId: string; name: string } | null;
  status: 'checked-in';
  guests: number;
  checkedInAt: string | null;
  event: { documentId: string; title: string };
  arrivals: { checkedIn: number; registered: number; arrived: number; seatsTaken: number };
}

// GET /liaison/registrations/events?when=upcoming|past&page=&pageSize=

/** A published event the caller may reach, with its registrations counted. */
export interface EventRegistrations {
  documentId: string;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  chapter: NamedRef | null;
  counts: RegistrationCounts;
}

export interface EventRegistrationsResponse {
  data: EventRegistrations[];
  meta: { pagination: Pagination };
}
