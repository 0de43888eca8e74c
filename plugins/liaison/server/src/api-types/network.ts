/** The network: the overview, coverage and the Assignment board. Types only (see ../admin-api-types.ts). */
import type { EndReason, PostStatus, Role } from '../vocabulary';
import type { DataResponse, Dimension, NamedRef, Pagination } from './common';

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
