/** Proposed changes of alumni records: the staff's review queue and the liaison's own list. Types only (see ../admin-api-types.ts). */
import type { NamedRef, Pagination } from './common';

export type ProposalStatus = 'pending' | 'approved' | 'rejected';
export type ProposalField = 'city' | 'employer' | 'jobTitle' | 'phone' | 'email' | 'wechat' | 'alumnusStatus';
export type ProposalSource = 'call' | 'meeting' | 'message' | 'said_so' | 'public_record' | 'other' | 'self';

/** One field of a proposal, as staff compare it. */
export interface ProposalFieldChange {
  field: ProposalField;
  /** The record's value now. */
  current: string | null;
  proposed: string | null;
  /** The record's value when the proposal was made. */
  whenProposed: string | null;
  /** The proposed value differs from the record's. */
  changed: boolean;
  /** Pending, and the record's value changed since the proposal was made: approving it is refused (409). */
  stale: boolean;
  /** A contact detail this user may not read: no values, and only the office decides the proposal. */
  hidden?: boolean;
}

// GET /liaison/proposals?status=&page=&pageSize=, GET /liaison/proposals/:documentId,
// POST /liaison/proposals/:documentId/approve | reject
export interface ProposalItem {
  documentId: string;
  status: ProposalStatus;
  alumnus: (NamedRef & { className: string | null; college: string | null }) | null;
  fields: ProposalFieldChange[];
  /** The proposing post (null for the person's own change); its holder is the liaison. */
  post: { documentId: string; label: string | null; holder: string | null } | null;
  proposer: NamedRef | null;
  source: ProposalSource;
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Why it was rejected. */
  reason: string | null;
}

export interface ProposalsResponse {
  data: ProposalItem[];
  meta: { pagination: Pagination };
}

// GET|PUT /liaison/proposals/settings
export interface ProposalSettings {
  reviewFields: Exclude<ProposalField, 'alumnusStatus'>[];
}

// POST|GET /api/liaison/proposals (the liaison's own)
export interface MyProposal {
  documentId: string;
  status: ProposalStatus;
  alumnus: NamedRef | null;
  post: { documentId: string; label: string | null } | null;
  changes: Partial<Record<ProposalField, string | null>>;
  source: ProposalSource;
  note: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}
