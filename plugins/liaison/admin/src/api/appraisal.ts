import type { Grade, HonourKind } from '../../../server/src/admin-api-types';

/** The appraisal's and honours' answers are the server's types (server/src/admin-api-types.ts). */
export type {
  AppraisalHistoryEntry,
  AppraisalHistoryResponse,
  BulkNominationResponse,
  ClosedCycle,
  ComputeResult,
  Criterion,
  Cycle,
  CyclesResponse,
  Eligible,
  EligibleResponse,
  Grade,
  Honour,
  HonourKind,
  HonoursResponse,
  MeasuresResponse,
  ResultRow,
  ResultsResponse,
  ScoreResult,
} from '../../../server/src/admin-api-types';

export const GRADES: Grade[] = ['excellent', 'good', 'pass', 'fail'];
export const HONOUR_KINDS: HonourKind[] = ['title', 'scholarship', 'bonus', 'commendation', 'invitation'];
export const KINDS_WITH_AMOUNT: HonourKind[] = ['bonus', 'scholarship'];

/** The results' order, written as everywhere in the admin API: `sort=<column>:asc|desc`. */
export type ResultsSort = `${'rank' | 'total' | 'name'}:${'asc' | 'desc'}`;
export const DEFAULT_RESULTS_SORT: ResultsSort = 'rank:asc';

/** A page of a cycle's results, within the filters. */
export type ResultsParams = {
  dimension?: string;
  scope?: string;
  grade?: string;
  page: string | number;
  pageSize: string | number;
  sort: string;
};

/** The honours list's filters (`GET /liaison/honours`). */
export type HonoursParams = {
  alumnus?: string;
  cycle?: string;
  kind?: HonourKind;
  status?: 'nominated' | 'awarded' | 'rejected';
  page?: number;
  pageSize?: number;
};
