/**
 * The JSON the plugin's admin API answers (the admin routes under /liaison/…) for the admin
 * pages: overview, coverage and board, appraisal, honours, training and outbox. One definition
 * for both sides: the server annotates the functions that build these answers with them, and
 * the admin (admin/src) reads them with `import type`.
 *
 * Types only: this module must not import server code at run time (the admin's type check
 * includes it, and nothing of it reaches a bundle). Dates travel as strings (YYYY-MM-DD for
 * days, ISO 8601 for moments).
 */
import type { Dimension, EndReason, PostStatus, Role } from './vocabulary';

export type { Dimension };

/** A record named in an answer. */
export interface NamedRef {
  documentId: string;
  name: string;
}

/** Strapi's page meta, as every list of the admin API answers it. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** An answer with one value (`{ data }`). */
export interface DataResponse<T> {
  data: T;
}

// ---------------------------------------------------------------------------------------------
// Overview: GET /liaison/overview

/** A dimension's scopes, and how many of them an active liaison of that dimension covers. */
export interface DimensionCoverage {
  dimension: Dimension;
  scopes: number;
  covered: number;
  activePosts: number;
}

export interface Overview {
  alumni: number;
  dimensions: DimensionCoverage[];
}

export type OverviewResponse = DataResponse<Overview>;

// ---------------------------------------------------------------------------------------------
// Coverage: GET /liaison/coverage, /liaison/coverage/summary, /liaison/coverage/options

/** The counts of a scope, or of all the scopes of a dimension. */
export interface CoverageCounts {
  alumni: number;
  posts: number;
  active: number;
  vacancies: number;
  pending: number;
  /** Terms ending within the next 60 days. */
  ending: number;
  /** Active or approved liaisons still provisional (required training not completed). */
  provisional: number;
}

/** A scope's row of the coverage. */
export interface CoverageRow extends CoverageCounts {
  scope: NamedRef;
  perLiaison: number | null;
}

/** GET /liaison/coverage?dimension=&page=&pageSize=&sort=&…filters */
export interface CoverageResponse {
  data: CoverageRow[];
  meta: { totals: CoverageCounts; pagination: Pagination };
}

/** A dimension's line of the summary. */
export interface DimensionSummary extends CoverageCounts {
  dimension: Dimension;
  scopes: number;
  covered: number;
}

/** One of the worst gaps of the network: a scope's row, named by its dimension. */
export interface CoverageGap extends CoverageRow {
  dimension: Dimension;
}

/** Alumni reached by a liaison of each dimension (any, none), and their shares (0–1). */
export interface Reach {
  alumni: number;
  cohort: number;
  college: number;
  region: number;
  industry: number;
  any: number;
  none: number;
  shares: Record<Dimension | 'any' | 'none', number>;
}

/** Reach by college and graduation decade. */
export interface ReachCell {
  college: NamedRef;
  decade: number;
  alumni: number;
  reached: number;
  share: number;
}

/** A place with alumni and no chapter. */
export interface NextChapter {
  country: string;
  province: string | null;
  city: string | null;
  alumni: number;
}

export interface CoverageSummary {
  dimensions: DimensionSummary[];
  reach: Reach;
  reachGrid: ReachCell[];
  worstGaps: CoverageGap[];
  nextChapters: NextChapter[];
}

/** GET /liaison/coverage/summary?…filters */
export type CoverageSummaryResponse = DataResponse<CoverageSummary>;

/** What the board's filters offer. */
export interface FilterOptions {
  /** ISO 3166 codes as stored on alumni (CN, US, …). */
  countries: string[];
  provinces: { country: string; province: string }[];
  /** Industry groups: the sector filter takes their code. */
  sectors: { documentId: string; code: string; name: string; nameEn: string | null }[];
}

/** GET /liaison/coverage/options */
export type FilterOptionsResponse = DataResponse<FilterOptions>;

// ---------------------------------------------------------------------------------------------
// Board: a scope's posts, candidates, a post's history, the alumni search

/** A post of a scope, with its holder. */
export interface ScopePost {
  documentId: string;
  label: string | null;
  role: Role;
  postStatus: PostStatus;
  termStart: string | null;
  termEnd: string | null;
  /** Newly approved, required training not yet completed; by trainingDeadline. */
  provisional: boolean;
  trainingDeadline: string | null;
  nominationReason: string | null;
  rejectionReason: string | null;
  endReason: EndReason | null;
  alumnus: NamedRef | null;
}

export interface ScopeDetail {
  scope: NamedRef & { dimension: Dimension };
  posts: ScopePost[];
}

/** GET /liaison/scopes/:dimension/:documentId */
export type ScopeResponse = DataResponse<ScopeDetail>;

export type CandidateReasonKey = 'consented' | 'reachable' | 'recentlyVerified' | 'trained' | 'servedBefore' | 'fewPosts' | 'seniority';

/** Why a candidate ranks where they do: a key the admin names, with the server's English text. */
export interface CandidateReason {
  key: CandidateReasonKey;
  points: number;
  text: string;
}

export interface Candidate {
  alumnus: NamedRef;
  score: number;
  reasons: CandidateReason[];
}

/** GET /liaison/candidates?dimension=&scope=&limit= */
export interface CandidatesResponse {
  data: Candidate[];
  meta: { posts: number; occupied: number; free: number };
}

/** An entry of a post's history. */
export interface PostHistoryEntry {
  action: string;
  at: string;
  by: string | null;
  byId: number | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** GET /liaison/posts/:documentId/history */
export type PostHistoryResponse = DataResponse<PostHistoryEntry[]>;

/** An alumnus found by name, pinyin, initials or student number. */
export interface AlumnusHit {
  documentId: string;
  name: string;
  studentNo: string | null;
  cohort: string | null;
  gradYear: number | null;
  college: string | null;
  city: string | null;
  alumnusStatus: string;
}

/** GET /liaison/alumni?q= */
export type AlumniSearchResponse = DataResponse<AlumnusHit[]>;

// ---------------------------------------------------------------------------------------------
// Appraisal: cycles, results, reviews

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export type CycleStatus = 'planned' | 'open' | 'closed';

export interface Criterion {
  key: string;
  kind: 'measured' | 'scored';
  measure?: string;
  weight: number;
}

/** Minimum totals of each grade; below `pass` is `fail`. */
export interface Thresholds {
  excellent: number;
  good: number;
  pass: number;
}

export interface Cycle {
  documentId: string;
  name: string;
  periodStart: string | null;
  periodEnd: string | null;
  cycleStatus: CycleStatus;
  criteria: Criterion[];
  thresholds: Thresholds;
  closedAt: string | null;
}

/** GET /liaison/cycles */
export type CyclesResponse = DataResponse<Cycle[]>;

/** A measure a criterion may use, named in the admin's language. */
export interface MeasureInfo {
  key: string;
  label: string;
}

/** GET /liaison/measures */
export type MeasuresResponse = DataResponse<MeasureInfo[]>;

/** A post as an appraisal names it. */
export interface AppraisedPost {
  documentId: string;
  dimension: Dimension;
  label: string | null;
}

/** A liaison's result in a cycle. */
export interface ResultRow {
  appraisal: { documentId: string };
  post: AppraisedPost & { scope: { documentId: string | null; name: string | null } };
  alumnus: NamedRef;
  measures: Record<string, number>;
  scores: Record<string, number | null>;
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  scopeRank: number | null;
  /** The signed-in reviewer's own scores, by criterion. */
  myScores: Record<string, number>;
  comments: { criterion: string; reviewer: string; score: number; comment: string | null }[];
}

/** GET /liaison/cycles/:documentId/results?dimension=&scope=&grade=&page=&pageSize=&sort= */
export interface ResultsResponse {
  data: ResultRow[];
  meta: { cycle: Cycle; pagination: Pagination; grades: Record<Grade, number> };
}

/** POST /liaison/cycles/:documentId/compute */
export interface ComputeResult {
  appraisals: number;
  added: number;
  milliseconds: number;
}

/** POST /liaison/cycles/:documentId/close: the closed cycle, and how many results were mailed. */
export interface ClosedCycle extends Cycle {
  mailed: number;
}

/** PUT /liaison/appraisals/:documentId/scores: the appraisal's new total, grade and ranks. */
export interface ScoreResult {
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  scopeRank: number | null;
  scores: Record<string, number | null>;
}

/** A liaison's result in one cycle (their record across cycles). */
export interface AppraisalHistoryEntry {
  appraisal: { documentId: string };
  cycle: Cycle;
  post: AppraisedPost;
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  scopeRank: number | null;
}

/** GET /liaison/alumni/:documentId/appraisals */
export type AppraisalHistoryResponse = DataResponse<AppraisalHistoryEntry[]>;

// ---------------------------------------------------------------------------------------------
// Honours

export type HonourKind = 'title' | 'scholarship' | 'bonus' | 'commendation' | 'invitation';
export type HonourStatus = 'nominated' | 'awarded' | 'rejected';

export interface Honour {
  documentId: string;
  alumnus: NamedRef | null;
  kind: HonourKind;
  title: string;
  amount: number | null;
  citation: string | null;
  cycle: NamedRef | null;
  honourStatus: HonourStatus;
  year: number | null;
  awardedOn: string | null;
  grade: Grade | null;
  post: AppraisedPost | null;
  showPublicly: boolean;
  rejectionReason: string | null;
  nominatedBy: string | null;
  decidedBy: string | null;
}

/** GET /liaison/honours?alumnus=&cycle=&kind=&status=&page=&pageSize= */
export interface HonoursResponse {
  data: Honour[];
  meta: { pagination: Pagination };
}

/** Who may have an honour of a kind for a cycle, by their best grade in it. */
export interface Eligible {
  alumnus: NamedRef;
  grade: Grade;
  post: AppraisedPost | null;
  /** Already nominated for (or awarded) this kind in this cycle. */
  nominated: boolean;
}

/** GET /liaison/honours/eligible?cycle=&kind= */
export type EligibleResponse = DataResponse<Eligible[]>;

/** POST /liaison/honours/bulk: the honours nominated. */
export type BulkNominationResponse = DataResponse<Honour[]>;

// ---------------------------------------------------------------------------------------------
// Training: GET /liaison/training/overview

/** A post as the training overview names it: its scope (class, college, chapter, industry group) and role. */
export interface TrainingPostRef {
  documentId: string;
  label: string | null;
  dimension: Dimension;
  role: Role | null;
  scope: string | null;
}

/** Where the code of conduct in force stands. */
export interface ConductStatus {
  version: { documentId: string; version: number; title: string; effectiveFrom: string } | null;
  /** Serving liaisons (active or approved). */
  liaisons: number;
  acknowledged: number;
  /** Who has not acknowledged it yet, with their posts (at most 500). */
  pending: { alumnus: NamedRef; post: TrainingPostRef }[];
}

export interface CourseCompletion {
  documentId: string;
  /** In the admin's language, where the course has an English title. */
  title: string;
  titleZh: string;
  titleEn: string | null;
  area: string;
  mandatory: boolean;
  passMark: number | null;
  enrolled: number;
  completed: number;
}

/** Per dimension: serving liaisons, those through the required training, provisional ones, those past their deadline. */
export interface DimensionTraining {
  dimension: Dimension;
  liaisons: number;
  completed: number;
  provisional: number;
  overdue: number;
}

export interface ProvisionalLiaison {
  post: TrainingPostRef;
  alumnus: NamedRef;
  deadline: string | null;
  overdue: boolean;
}

export interface TrainingOverview {
  /** Months a new liaison has to pass the required courses. */
  months: number;
  conduct: ConductStatus;
  courses: CourseCompletion[];
  dimensions: DimensionTraining[];
  provisional: ProvisionalLiaison[];
}

export type TrainingOverviewResponse = DataResponse<TrainingOverview>;

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Imports: POST /liaison/imports/preview, POST /liaison/imports, GET /liaison/imports,
// GET /liaison/imports/:documentId, GET /liaison/imports/:documentId/rejected

/** What a column of the registrar's file can be imported as (server/src/imports/columns.ts). */
export type ImportField =
  | 'name'
  | 'studentNo'
  | 'gender'
  | 'college'
  | 'major'
  | 'degree'
  | 'gradYear'
  | 'cohort'
  | 'phone'
  | 'email'
  | 'wechat'
  | 'employer'
  | 'jobTitle'
  | 'country'
  | 'province'
  | 'city'
  | 'industry';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** What an import may create when the file names a college, class or industry group the network lacks. */
export interface ImportCreateOptions {
  colleges?: boolean;
  cohorts?: boolean;
  industries?: boolean;
}

/** A problem found in a request or a file, by message id, in the request's language. */
export interface ImportProblem {
  path: string;
  id: string;
  values: Record<string, string | number>;
  message: string;
}

/** An import as the admin API answers it. */
export interface ImportJob {
  documentId: string;
  status: ImportStatus;
  dryRun: boolean;
  counts: ImportCounts;
  progress: number;
  fileName: string;
  format: 'csv' | 'xlsx' | null;
  source: 'admin' | 'cli' | null;
  startedBy: { id: number; firstname: string | null; lastname: string | null; email: string | null } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Colleges, classes and industry groups made (in a dry run: to be made). */
  created: { colleges: number; cohorts: number; industries: number };
  failure: { id: string; values: Record<string, unknown>; message: string } | null;
  /** The mapping used (header → field, null for an ignored column); in the answers about one import. */
  columns?: Record<string, ImportField | null>;
}

export type ImportResponse = DataResponse<ImportJob>;

export interface ImportListResponse {
  data: ImportJob[];
  meta: { pagination: Pagination };
}

/** POST /liaison/imports/preview: the header, the first rows and what each column is read as; nothing imported. */
export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  size: number;
  /** The row of the header in the file (a title line above it is skipped). */
  headerRow: number;
  columns: {
    index: number;
    header: string;
    /** What the mapping sent (or, without one, the header) makes of the column. */
    field: ImportField | null;
    /** What the header is recognised as, whatever the mapping. */
    recognised: ImportField | null;
  }[];
  /** The first rows after the header, with their row numbers in the file; as many cells as columns. */
  rows: { row: number; cells: string[] }[];
  /** What the import would refuse with these columns (no column for name or student number, a field read twice …). */
  problems: ImportProblem[];
  fields: ImportField[];
  required: ImportField[];
  /** What this user's imports may create: College Staff create classes of their colleges only. */
  canCreate: Required<ImportCreateOptions>;
}

export type ImportPreviewResponse = DataResponse<ImportPreview>;

/** One problem of a rejected row: the column as headed in the file, and why. */
export interface RejectedProblem {
  column: string;
  id: string;
  message: string;
}

/** A rejected row: its number in the file, its cells as they were, its problems. */
export interface RejectedRowReport {
  row: number;
  cells: string[];
  problems: RejectedProblem[];
}

export interface RejectedRowsResponse {
  data: RejectedRowReport[];
  /** `headers`: the file's header row; `unlisted`: rejected rows beyond those the import keeps (the count stays exact). */
  meta: { pagination: Pagination; headers: string[]; unlisted: number };
}

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

/** Everything held about one person, and nobody else's personal data: `GET /liaison/alumni/:documentId/export?format=json`. */
export interface PersonalDataExport {
  exportedAt: string;
  language: 'en' | 'zh-Hans';
  alumnus: PersonalRecord;
  consents: ConsentChange[];
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
  contacts: { contactedAt: string | null; channel: string | null; summary: string | null }[];
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
  };
}

export type ErasureResponse = DataResponse<ErasureResult>;
// ---------------------------------------------------------------------------------------------
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
