import type { Dimension } from './board';

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export const GRADES: Grade[] = ['excellent', 'good', 'pass', 'fail'];
export type HonourKind = 'title' | 'scholarship' | 'bonus' | 'commendation' | 'invitation';
export const HONOUR_KINDS: HonourKind[] = ['title', 'scholarship', 'bonus', 'commendation', 'invitation'];
export const KINDS_WITH_AMOUNT: HonourKind[] = ['bonus', 'scholarship'];

export interface Criterion {
  key: string;
  kind: 'measured' | 'scored';
  measure?: string;
  weight: number;
}

export interface Cycle {
  documentId: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  cycleStatus: 'planned' | 'open' | 'closed';
  criteria: Criterion[];
  thresholds: { excellent: number; good: number; pass: number };
  closedAt: string | null;
}

export interface ResultRow {
  appraisal: { documentId: string };
  post: {
    documentId: string;
    dimension: Dimension;
    label: string | null;
    scope: { documentId: string | null; name: string | null };
  };
  alumnus: { documentId: string; name: string };
  measures: Record<string, number>;
  scores: Record<string, number | null>;
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  scopeRank: number | null;
  myScores: Record<string, number>;
  comments: {
    criterion: string;
    reviewer: string;
    score: number;
    comment: string | null;
  }[];
}

/** The results' order, written as everywhere in the admin API: `sort=<column>:asc|desc`. */
export type ResultsSort = `${'rank' | 'total' | 'name'}:${'asc' | 'desc'}`;
export const DEFAULT_RESULTS_SORT: ResultsSort = 'rank:asc';

export interface ResultsResponse {
  data: ResultRow[];
  meta: {
    cycle: Cycle;
    pagination: {
      page: number;
      pageSize: number;
      pageCount: number;
      total: number;
    };
    grades: Record<Grade, number>;
  };
}

export interface HistoryEntry {
  appraisal: { documentId: string };
  cycle: Cycle;
  post: { documentId: string; dimension: Dimension; label: string | null };
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  scopeRank: number | null;
}

export interface Honour {
  documentId: string;
  alumnus: { documentId: string; name: string } | null;
  kind: HonourKind;
  title: string;
  amount: number | null;
  cycle: { documentId: string; name: string } | null;
  honourStatus: 'nominated' | 'awarded' | 'rejected';
  year: number | null;
  awardedOn: string | null;
  grade: Grade | null;
}

export interface Eligible {
  alumnus: { documentId: string; name: string };
  grade: Grade;
  post: {
    documentId: string;
    dimension: Dimension;
    label: string | null;
  } | null;
  nominated: boolean;
}
