/** Appraisal, honours and training. Types only (see ../admin-api-types.ts). */
import type { Role } from '../vocabulary';
import type { DataResponse, Dimension, NamedRef, Pagination } from './common';

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
  /** How fast the office answers the liaisons' own questions this year (feedback/service.ts). */
  officeAnswerTime: { year: number; items: number; answered: number; medianHours: number | null };
}

export type TrainingOverviewResponse = DataResponse<TrainingOverview>;

// ---------------------------------------------------------------------------------------------
