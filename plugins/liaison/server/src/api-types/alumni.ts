/** Alumni data: personal-data rights, duplicates and merge. Types only (see ../admin-api-types.ts). */
import type { DataResponse, Pagination } from './common';

// ---------------------------------------------------------------- personal data (personal-data/)

/** One change of a consent: `GET /liaison/alumni/:documentId/consents`, and (without `by`) in the person's export. */
export interface ConsentChange {
  consent: 'contact' | 'publish';
  granted: boolean;
  /** When it was given or withdrawn (ISO 8601). */
  at: string;
  source: 'admin' | 'import' | 'self' | 'liaison' | 'erasure' | 'system';
  /** The staff member who recorded it (absent in the person's own export). */
  by?: string | null;
}

export interface ConsentsResponse {
  data: ConsentChange[];
  meta: {
    contactConsent: boolean;
    contactConsentAt: string | null;
    publishConsent: boolean;
    publishConsentAt: string | null;
  };
}

/** The record of an alumnus as their export shows it: every field held, private ones included. */
export interface PersonalRecord {
  documentId: string;
  name: string;
  gender: string | null;
  studentNo: string | null;
  college: string | null;
  cohort: { className: string | null; gradYear: number | null; code: string | null } | null;
  major: string | null;
  degree: string | null;
  country: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  employer: string | null;
  jobTitle: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  language: string | null;
  contactConsent: boolean;
  contactConsentAt: string | null;
  publishConsent: boolean;
  publishConsentAt: string | null;
  displayName: string | null;
  displayNameEn: string | null;
  alumnusStatus: string | null;
  lastVerifiedAt: string | null;
  chapter: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** A change the person made to their own record (`PUT /api/liaison/me`), with its provenance. */
export interface OwnFieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: 'self';
  at: string;
}

/** Everything held about one person, and nobody else's personal data: `GET /liaison/alumni/:documentId/export?format=json`. */
export interface PersonalDataExport {
  exportedAt: string;
  language: 'en' | 'zh-Hans';
  alumnus: PersonalRecord;
  consents: ConsentChange[];
  /** The changes the person made themselves, newest first. */
  ownChanges: OwnFieldChange[];
  posts: {
    documentId: string;
    label: string | null;
    dimension: string | null;
    scope: string | null;
    role: string | null;
    termStart: string | null;
    termEnd: string | null;
    postStatus: string | null;
    provisional: boolean | null;
    trainingDeadline: string | null;
    nominationSource: string | null;
    nominationReason: string | null;
    rejectionReason: string | null;
    endReason: string | null;
    endNote: string | null;
    history: { action: string; at: string; reason: string | null; before: unknown; after: unknown }[];
  }[];
  /** Posts they nominated someone for: the post's kind only, not who holds it. */
  nominations: { dimension: string | null; role: string | null; postStatus: string | null; termStart: string | null }[];
  /** Their liaisons' contacts with them. */
  contacts: { contactedAt: string | null; channel: string | null; summary: string | null; needs: string | null }[];
  /** Contacts they made as a liaison: when and how, not with whom. */
  contactsMade: { contactedAt: string | null; channel: string | null }[];
  feedback: {
    category: string | null;
    content: string | null;
    feedbackStatus: string | null;
    receivedAt: string | null;
    dueAt: string | null;
    answeredAt: string | null;
    answer: string | null;
  }[];
  training: { course: string | null; session: string | null; attended: boolean | null; score: number | null; result: string | null; note: string | null }[];
  conduct: { version: string | null; acknowledgedAt: string | null; via: string | null }[];
  honours: {
    kind: string | null;
    title: string | null;
    year: number | null;
    honourStatus: string | null;
    awardedOn: string | null;
    amount: number | null;
    citation: string | null;
    showPublicly: boolean | null;
    rejectionReason: string | null;
    cycle: string | null;
  }[];
  appraisals: {
    cycle: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    post: string | null;
    measures: Record<string, number>;
    scores: Record<string, number>;
    total: number | null;
    grade: string | null;
    rank: number | null;
    scopeRank: number | null;
    /** Reviewers' scores and comments, without the reviewers' names. */
    reviews: { criterion: string | null; score: number | null; comment: string | null }[];
    feedback: { text: string | null; at: string | null }[];
  }[];
  events: { title: string | null; startsAt: string | null; locale: string | null }[];
  stories: { title: string | null; slug: string | null; locale: string | null; published: boolean }[];
  mails: {
    to: string | null;
    subject: string | null;
    kind: string | null;
    deliveryStatus: string | null;
    createdAt: string | null;
    sentAt: string | null;
    text: string | null;
  }[];
  /** Their answers to surveys (question key → answer), latest version of each. */
  surveyAnswers: { survey: string | null; answeredAt: string | null; answers: Record<string, unknown> }[];
  /** Changes of their record proposed by their liaisons or by themselves, and what became of them. */
  proposals: { changes: Record<string, unknown>; status: string | null; source: string | null; createdAt: string | null; decidedAt: string | null }[];
  requests: { request: string; format: string | null; at: string }[];
  /**
   * Fields held but left out of this copy: how to reach the person (phone, e-mail, WeChat, the
   * address of mails) when the exporting user's role may not read them (College Staff); the
   * alumni office's export has them.
   */
  withheld: string[];
}

/** `POST /liaison/alumni/:documentId/erase`: the anonymised record, and what was cleared elsewhere. */
export interface ErasureResult {
  alumnus: PersonalRecord;
  erasedAt: string;
  cleared: {
    contacts: number;
    feedback: number;
    training: number;
    honours: number;
    posts: number;
    reviews: number;
    stories: number;
    mails: number;
    /** Survey answers whose written parts were cleared (choices and numbers stay). */
    surveyAnswers: number;
    /** Rows of earlier imports' rejected-rows files that named the person, removed. */
    importRows: number;
  };
}

export type ErasureResponse = DataResponse<ErasureResult>;
// Duplicates and merge

export type EvidenceKey = 'studentNo' | 'phone' | 'email' | 'name' | 'nameScript' | 'nameSwapped' | 'namePinyin';

export interface DuplicateSide {
  documentId: string;
  name: string;
  studentNo: string | null;
  /** The class's name, e.g. 计算机科学与技术2015级1班. */
  cohort: string | null;
  gradYear: number | null;
  college: string | null;
}

export interface DuplicatePair {
  documentId: string;
  a: DuplicateSide;
  b: DuplicateSide;
  score: number;
  evidence: { key: EvidenceKey; detail: string }[];
  status: 'open' | 'dismissed' | 'merged';
}

export interface ScanStatus {
  /** idle: no scan has run yet. */
  status: 'idle' | 'running' | 'done' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  alumni: number | null;
  pairs: number | null;
  ms: number | null;
}

/** GET /liaison/duplicates */
export interface DuplicatesResponse {
  data: DuplicatePair[];
  meta: { pagination: Pagination; scan: ScanStatus };
}

/** A field of a record as the merge compares it: relations by label. */
export type MergeValue = string | number | boolean | null;

export interface MergeRecord {
  documentId: string;
  values: Record<string, MergeValue>;
  /** How many records of each kind link to it (posts, contact logs …), by relation key. */
  links: Record<string, number>;
}

/** GET /liaison/duplicates/:documentId */
export interface DuplicatePairDetail extends DuplicatePair {
  records: { a: MergeRecord; b: MergeRecord };
  /** The fields the merge lets one choose, in display order. */
  fields: string[];
  /** Fields whose values differ. */
  differing: string[];
}

/** POST /liaison/alumni/:documentId/merge */
export interface MergeResult {
  documentId: string;
  name: string;
  studentNo: string | null;
  merged: { documentId: string; studentNo: string | null };
  moved: Record<string, number>;
  fields: Record<string, 'a' | 'b'>;
}
