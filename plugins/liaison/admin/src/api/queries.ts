import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, skipToken, useQuery, type QueryKey } from '@tanstack/react-query';
import type {
  DataResponse,
  DuplicatePairDetail,
  DuplicatesResponse,
  ScanStatus,
  ImportListResponse,
  ImportResponse,
  ImportStatus,
  OutboxResponse,
  OverviewResponse,
  RejectedRowsResponse,
  TrainingOverviewResponse,
} from '../../../server/src/admin-api-types';
import type {
  AppraisalHistoryResponse,
  CyclesResponse,
  EligibleResponse,
  HonourKind,
  HonoursParams,
  HonoursResponse,
  MeasuresResponse,
  ResultsParams,
  ResultsResponse,
} from './appraisal';
import type {
  AlumniSearchResponse,
  BoardFilters,
  CandidatesResponse,
  CoverageParams,
  CoverageResponse,
  CoverageSummaryResponse,
  Dimension,
  FilterOptionsResponse,
  PostHistoryResponse,
  ScopeResponse,
} from './board';
import { queryString } from './client';
import { keys, type DuplicatesParams, type OutboxParams, type PageParams } from './keys';

/**
 * Reads an admin API URL (through Strapi's fetch client: the admin's token, refreshed when
 * it expires) into the query cache under `queryKey`; `url` null: nothing to read yet. While
 * another key of the same component loads, the answer of the previous one stays on screen.
 */
const useAdminQuery = <T,>(
  queryKey: QueryKey,
  url: string | null,
  options: { refetchInterval?: (data: T | undefined) => number | false } = {},
) => {
  const { get } = useFetchClient();
  const { refetchInterval } = options;
  return useQuery({
    queryKey,
    queryFn: url === null ? skipToken : async ({ signal }) => (await get<T>(url, { signal })).data,
    placeholderData: keepPreviousData,
    ...(refetchInterval ? { refetchInterval: (query: { state: { data: T | undefined } }) => refetchInterval(query.state.data) } : {}),
  });
};

// Overview ------------------------------------------------------------------------------------

export const useOverview = () => useAdminQuery<OverviewResponse>(keys.overview(), '/liaison/overview');

// Board ---------------------------------------------------------------------------------------

export const useCoverage = (params: CoverageParams) =>
  useAdminQuery<CoverageResponse>(keys.coverage.list(params), `/liaison/coverage${queryString(params)}`);

export const useCoverageSummary = (filters: BoardFilters = {}) =>
  useAdminQuery<CoverageSummaryResponse>(keys.coverage.summary(filters), `/liaison/coverage/summary${queryString(filters)}`);

export const useFilterOptions = () => useAdminQuery<FilterOptionsResponse>(keys.filterOptions(), '/liaison/coverage/options');

/** The colleges, by name, for the board's college filter (the Content Manager's list). */
export const useColleges = () =>
  useAdminQuery<{ results: { documentId: string; name: string }[] }>(
    keys.contentManager.colleges(),
    '/content-manager/collection-types/plugin::liaison.college?page=1&pageSize=100&sort=name:ASC',
  );

export const useScope = (dimension: Dimension, documentId: string) =>
  useAdminQuery<ScopeResponse>(keys.scopes.detail(dimension, documentId), `/liaison/scopes/${dimension}/${documentId}`);

/** Suggested candidates for a scope's free post; `allowed` false (no permission): none asked. */
export const useCandidates = (dimension: Dimension, scope: string, allowed: boolean) =>
  useAdminQuery<CandidatesResponse>(
    keys.candidates.list(dimension, scope),
    allowed ? `/liaison/candidates${queryString({ dimension, scope })}` : null,
  );

export const usePostHistory = (documentId: string) =>
  useAdminQuery<PostHistoryResponse>(keys.posts.history(documentId), `/liaison/posts/${documentId}/history`);

/** Alumni by name, pinyin, initials or student number; nothing asked for an empty term. */
export const useAlumniSearch = (q: string) =>
  useAdminQuery<AlumniSearchResponse>(keys.alumni.search(q), q.trim() ? `/liaison/alumni${queryString({ q })}` : null);

// Appraisal and honours -----------------------------------------------------------------------

export const useCycles = () => useAdminQuery<CyclesResponse>(keys.appraisal.cycles(), '/liaison/cycles');

export const useMeasures = () => useAdminQuery<MeasuresResponse>(keys.appraisal.measures(), '/liaison/measures');

/** A page of a cycle's results; no cycle (none chosen yet): nothing asked. */
export const useResults = (cycle: string | undefined, params: ResultsParams) =>
  useAdminQuery<ResultsResponse>(
    keys.appraisal.resultsPage(cycle ?? '', params),
    cycle ? `/liaison/cycles/${cycle}/results${queryString(params)}` : null,
  );

export const useAppraisalHistory = (alumnus: string) =>
  useAdminQuery<AppraisalHistoryResponse>(keys.appraisal.history(alumnus), `/liaison/alumni/${alumnus}/appraisals`);

export const useHonours = (params: HonoursParams) =>
  useAdminQuery<HonoursResponse>(keys.honours.list(params), `/liaison/honours${queryString(params)}`);

export const useEligible = (cycle: string, kind: HonourKind) =>
  useAdminQuery<EligibleResponse>(keys.honours.eligible(cycle, kind), `/liaison/honours/eligible${queryString({ cycle, kind })}`);

// Training, outbox, stories -------------------------------------------------------------------

export const useTrainingOverview = () =>
  useAdminQuery<TrainingOverviewResponse>(keys.training.overview(), '/liaison/training/overview');

export const useOutbox = (params: OutboxParams) =>
  useAdminQuery<OutboxResponse>(keys.outbox.list(params), `/liaison/outbox${queryString(params)}`);

/** The first hundred stories (the Content Manager's list), for the tags already in use. */
export const useStories = () =>
  useAdminQuery<{ results?: { tags?: unknown }[] }>(
    keys.contentManager.stories(),
    '/content-manager/collection-types/plugin::liaison.story?page=1&pageSize=100',
  );

// Imports -------------------------------------------------------------------------------------

/** How often an import that is queued or running is read again, in ms. */
export const IMPORT_POLL_MS = 500;
const live = (status: ImportStatus | undefined) => status === 'queued' || status === 'running';

/** The imports, newest first; read again while one of them is queued or running. */
export const useImports = (params: PageParams) =>
  useAdminQuery<ImportListResponse>(keys.imports.list(params), `/liaison/imports${queryString(params)}`, {
    refetchInterval: (data) => (data?.data.some((i) => live(i.status)) ? IMPORT_POLL_MS * 2 : false),
  });

/** One import, up to date: polled while it is queued or running (its progress bar). */
export const useImport = (documentId: string | undefined) =>
  useAdminQuery<ImportResponse>(keys.imports.detail(documentId ?? ''), documentId ? `/liaison/imports/${documentId}` : null, {
    refetchInterval: (data) => (live(data?.data.status) ? IMPORT_POLL_MS : false),
  });

/** A page of an import's rejected rows; nothing asked until the import has finished. */
export const useRejectedRows = (documentId: string | undefined, params: PageParams, finished: boolean) =>
  useAdminQuery<RejectedRowsResponse>(
    keys.imports.rejected(documentId ?? '', params),
    documentId && finished ? `/liaison/imports/${documentId}/rejected${queryString(params)}` : null,
  );

// Duplicates ----------------------------------------------------------------------------------

/** A page of probable duplicates, best first; read again while a scan runs. */
export const useDuplicates = (params: DuplicatesParams) =>
  useAdminQuery<DuplicatesResponse>(keys.duplicates.list(params), `/liaison/duplicates${queryString(params)}`, {
    refetchInterval: (data) => (data?.meta.scan.status === 'running' ? 1000 : false),
  });

/** The scan's state, polled while it runs. */
export const useDuplicateScan = () =>
  useAdminQuery<DataResponse<ScanStatus>>(keys.duplicates.scan(), '/liaison/duplicates/scan', {
    refetchInterval: (data) => (data?.data.status === 'running' ? 1000 : false),
  });

/** One pair with both records field by field. */
export const useDuplicatePair = (documentId: string | undefined) =>
  useAdminQuery<DataResponse<DuplicatePairDetail>>(keys.duplicates.detail(documentId ?? ''), documentId ? `/liaison/duplicates/${documentId}` : null);
