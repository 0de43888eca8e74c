import type { BoardFilters, CoverageParams, Dimension } from './board';
import type { HonourKind, HonoursParams, ResultsParams } from './appraisal';

const ALL = ['liaison'] as const;
const COVERAGE = [...ALL, 'coverage'] as const;
const SCOPES = [...ALL, 'scopes'] as const;
const CANDIDATES = [...ALL, 'candidates'] as const;
const POSTS = [...ALL, 'posts'] as const;
const ALUMNI = [...ALL, 'alumni'] as const;
const APPRAISAL = [...ALL, 'appraisal'] as const;
const HONOURS = [...ALL, 'honours'] as const;
const TRAINING = [...ALL, 'training'] as const;
const OUTBOX = [...ALL, 'outbox'] as const;
const IMPORTS = [...ALL, 'imports'] as const;
const DUPLICATES = [...ALL, 'duplicates'] as const;
const CONTENT_MANAGER = [...ALL, 'content-manager'] as const;

/**
 * The query keys: one branch per resource, each key beginning with its resource's. A change
 * invalidates the branches it affects (see mutations.ts); `keys.coverage.all()`, for one,
 * refreshes the board's table, its summary and the home page's widget at once.
 */
export const keys = {
  all: () => ALL,

  overview: () => [...ALL, 'overview'] as const,

  coverage: {
    all: () => COVERAGE,
    list: (params: CoverageParams) => [...COVERAGE, 'list', params] as const,
    summary: (filters: BoardFilters) => [...COVERAGE, 'summary', filters] as const,
  },
  /** What the board's filters offer: places and sectors, which the board does not change. */
  filterOptions: () => [...ALL, 'filter-options'] as const,

  scopes: {
    all: () => SCOPES,
    detail: (dimension: Dimension, documentId: string) => [...SCOPES, dimension, documentId] as const,
  },
  candidates: {
    all: () => CANDIDATES,
    list: (dimension: Dimension, scope: string) => [...CANDIDATES, dimension, scope] as const,
  },
  posts: {
    all: () => POSTS,
    history: (documentId: string) => [...POSTS, documentId, 'history'] as const,
  },
  alumni: {
    all: () => ALUMNI,
    search: (q: string) => [...ALUMNI, 'search', q] as const,
  },

  appraisal: {
    all: () => APPRAISAL,
    cycles: () => [...APPRAISAL, 'cycles'] as const,
    measures: () => [...APPRAISAL, 'measures'] as const,
    /** Every cycle's results. */
    results: () => [...APPRAISAL, 'results'] as const,
    resultsPage: (cycle: string, params: ResultsParams) => [...APPRAISAL, 'results', cycle, params] as const,
    /** Every liaison's results across cycles. */
    histories: () => [...APPRAISAL, 'history'] as const,
    /** A liaison's results across cycles. */
    history: (alumnus: string) => [...APPRAISAL, 'history', alumnus] as const,
  },

  honours: {
    all: () => HONOURS,
    list: (params: HonoursParams) => [...HONOURS, 'list', params] as const,
    eligible: (cycle: string, kind: HonourKind) => [...HONOURS, 'eligible', cycle, kind] as const,
  },

  training: {
    all: () => TRAINING,
    overview: () => [...TRAINING, 'overview'] as const,
  },

  outbox: {
    all: () => OUTBOX,
    list: (params: OutboxParams) => [...OUTBOX, 'list', params] as const,
  },

  imports: {
    all: () => IMPORTS,
    list: (params: PageParams) => [...IMPORTS, 'list', params] as const,
    detail: (documentId: string) => [...IMPORTS, 'detail', documentId] as const,
    rejected: (documentId: string, params: PageParams) => [...IMPORTS, 'rejected', documentId, params] as const,
  },

  duplicates: {
    all: () => DUPLICATES,
    list: (params: DuplicatesParams) => [...DUPLICATES, 'list', params] as const,
    scan: () => [...DUPLICATES, 'scan'] as const,
    detail: (documentId: string) => [...DUPLICATES, 'detail', documentId] as const,
  },

  /** Records read through the Content Manager's API (pickers, suggestions). */
  contentManager: {
    colleges: () => [...CONTENT_MANAGER, 'colleges'] as const,
    stories: () => [...CONTENT_MANAGER, 'stories'] as const,
  },
};

/** A page of the outbox, of one delivery status or all. */
export type OutboxParams = { status?: string; page: string | number; pageSize: string | number };

/** A page of a list. */
export type PageParams = { page: string | number; pageSize: string | number };

/** A page of probable duplicates: open, dismissed or merged, at or above a score. */
export type DuplicatesParams = { status?: string; minScore?: string | number; q?: string; page: string | number; pageSize: string | number };
