import { DIMENSIONS, END_REASONS, ROLES_BY_DIMENSION, type Dimension } from '../../../server/src/vocabulary';

/** The network's vocabulary is the server's (server/src/vocabulary.ts). */
export { DIMENSIONS, END_REASONS, ROLES_BY_DIMENSION, type Dimension };

export interface CoverageRow {
  scope: { documentId: string; name: string };
  alumni: number;
  posts: number;
  active: number;
  vacancies: number;
  pending: number;
  ending: number;
  provisional?: number;
  perLiaison: number | null;
}

export interface CoverageResponse {
  data: CoverageRow[];
  meta: {
    totals: { alumni: number; posts: number; active: number; vacancies: number; pending: number; ending: number };
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
  };
}

export interface DimensionSummary {
  dimension: Dimension;
  scopes: number;
  covered: number;
  posts: number;
  active: number;
  vacancies: number;
  pending: number;
  ending: number;
}

export interface ReachCell {
  college: { documentId: string; name: string };
  decade: number;
  alumni: number;
  reached: number;
}

export interface SummaryResponse {
  data: {
    dimensions: DimensionSummary[];
    reach: Record<string, number>;
    reachGrid?: ReachCell[];
    worstGaps: { dimension: Dimension; scope: { documentId: string; name: string }; alumni: number }[];
    nextChapters: { country: string; province: string | null; city: string | null; alumni: number }[];
  };
}

export interface ScopePost {
  documentId: string;
  label: string | null;
  role: string;
  postStatus: 'nominated' | 'approved' | 'active' | 'ended' | 'rejected';
  termStart: string | null;
  termEnd: string | null;
  /** Newly approved, required training not yet completed; by trainingDeadline. */
  provisional?: boolean;
  trainingDeadline?: string | null;
  nominationReason: string | null;
  rejectionReason: string | null;
  endReason: string | null;
  alumnus: { documentId: string; name: string } | null;
}

export interface ScopeResponse {
  data: { scope: { documentId: string; name: string; dimension: Dimension }; posts: ScopePost[] };
}

export interface Candidate {
  alumnus: { documentId: string; name: string };
  score: number;
  reasons: (string | { key: string; text?: string })[];
}

export interface HistoryEntry {
  action: string;
  at: string;
  by: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

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

/** GET /liaison/coverage/options: what the board's filters offer. */
export interface FilterOptions {
  /** ISO 3166 codes as stored on alumni (CN, US, …). */
  countries: string[];
  provinces: { country: string; province: string }[];
  /** Industry groups: the sector filter takes their code. */
  sectors: { documentId: string; code: string; name: string; nameEn: string | null }[];
}
