import { DIMENSIONS, END_REASONS, ROLES_BY_DIMENSION, type Dimension } from '../../../server/src/vocabulary';

/** The network's vocabulary is the server's (server/src/vocabulary.ts). */
export { DIMENSIONS, END_REASONS, ROLES_BY_DIMENSION, type Dimension };

/** The board's answers are the server's types (server/src/admin-api-types.ts). */
export type {
  AlumniSearchResponse,
  AlumnusHit,
  Candidate,
  CandidatesResponse,
  CoverageCounts,
  CoverageResponse,
  CoverageRow,
  CoverageSummary,
  CoverageSummaryResponse,
  DimensionSummary,
  FilterOptions,
  FilterOptionsResponse,
  NamedRef,
  PostHistoryEntry,
  PostHistoryResponse,
  ReachCell,
  ScopePost,
  ScopeResponse,
} from '../../../server/src/admin-api-types';

/** The board's filters, as the URL and the coverage queries take them. */
export type BoardFilters = {
  college?: string;
  yearFrom?: string;
  yearTo?: string;
  country?: string;
  province?: string;
  sector?: string;
};

/** A page of one dimension's coverage, in an order, within the filters. */
export type CoverageParams = BoardFilters & {
  dimension: Dimension;
  page: string | number;
  pageSize: string | number;
  sort: string;
};
