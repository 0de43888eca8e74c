import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  DataResponse,
  DuplicatePair,
  MergeResult,
  ScanStatus,
  ImportCreateOptions,
  ImportField,
  ImportJob,
  ImportPreviewResponse,
  ImportResponse,
  OutboxMail,
} from '../../../server/src/admin-api-types';
import type { BulkNominationResponse, ClosedCycle, ComputeResult, Honour, HonourKind, ScoreResult } from './appraisal';
import type { Dimension } from './board';
import { keys } from './keys';

/**
 * Every change goes through a mutation here, which then invalidates the query keys the change
 * affects: what is on screen is read again, what is not is read when it next opens.
 */
const invalidate = (client: QueryClient, affected: QueryKey[]) => {
  for (const queryKey of affected) void client.invalidateQueries({ queryKey });
};

// Posts: nominate, approve, reject, renew, end ------------------------------------------------

export type PostChange =
  | {
      action: 'nominate';
      body: {
        alumnus?: string;
        dimension: Dimension;
        scope: string;
        role: string;
        termStart: string;
        termEnd?: string;
        reason?: string;
      };
    }
  | { action: 'approve'; post: string }
  | { action: 'reject'; post: string; body: { reason: string } }
  | { action: 'renew'; post: string; body: { termEnd: string } }
  | { action: 'end'; post: string; body: { reason: string; note?: string; successor?: string } };

/** A change of a post: the board (coverage, summary, widget), the scope, its candidates and history, overview and training follow. */
export const usePostChange = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: PostChange) => {
      if (change.action === 'nominate') return (await post('/liaison/posts', change.body)).data;
      const body = change.action === 'approve' ? {} : change.body;
      return (await post(`/liaison/posts/${change.post}/${change.action}`, body)).data;
    },
    onSuccess: () =>
      invalidate(client, [
        keys.coverage.all(),
        keys.scopes.all(),
        keys.candidates.all(),
        keys.posts.all(),
        keys.overview(),
        keys.training.all(),
        keys.outbox.all(),
      ]),
  });
};

// Appraisal -----------------------------------------------------------------------------------

/** Closes a cycle (frozen, results mailed): its status, results, histories and honours follow. */
export const useCloseCycle = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (cycle: string) => (await post<DataResponse<ClosedCycle>>(`/liaison/cycles/${cycle}/close`, {})).data.data,
    onSuccess: () => invalidate(client, [keys.appraisal.all(), keys.honours.all(), keys.outbox.all()]),
  });
};

/** Measures a cycle again: its results, the liaisons' histories and who is eligible for honours follow. */
export const useComputeCycle = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (cycle: string) => (await post<DataResponse<ComputeResult>>(`/liaison/cycles/${cycle}/compute`, {})).data.data,
    onSuccess: () => invalidate(client, [keys.appraisal.results(), keys.appraisal.histories(), keys.honours.all()]),
  });
};

/** The signed-in reviewer's score on a criterion: the appraisal's new total, grade and ranks. */
export const useScore = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ appraisal, criterion, score }: { appraisal: string; criterion: string; score: number }) =>
      (await put<DataResponse<ScoreResult>>(`/liaison/appraisals/${appraisal}/scores`, { criterion, score })).data.data,
    onSuccess: () => invalidate(client, [keys.appraisal.results(), keys.appraisal.histories()]),
  });
};

// Honours -------------------------------------------------------------------------------------

/** Nominates one honour for several eligible liaisons: the nominations and who is still eligible follow. */
export const useNominateHonours = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { cycle: string; kind: HonourKind; title: string; amount?: number; alumni: string[] }) =>
      (await post<BulkNominationResponse>('/liaison/honours/bulk', body)).data.data,
    onSuccess: () => invalidate(client, [keys.honours.all()]),
  });
};

/** The committee's approval of a nominated honour (awarded, the alumnus told by mail). */
export const useApproveHonour = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (honour: string) => (await post<DataResponse<Honour>>(`/liaison/honours/${honour}/approve`, {})).data.data,
    onSuccess: () => invalidate(client, [keys.honours.all(), keys.outbox.all()]),
  });
};

// Outbox --------------------------------------------------------------------------------------

/** Puts a sent or failed mail back in line for delivery. */
export const useResendMail = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (mail: string) => (await post<DataResponse<OutboxMail>>(`/liaison/outbox/${mail}/resend`, {})).data.data,
    onSuccess: () => invalidate(client, [keys.outbox.all()]),
  });
};

// Imports -------------------------------------------------------------------------------------

export type ImportMapping = Record<string, ImportField | null>;

/** The header, the first rows and the recognised columns of a file; nothing is kept on the server. */
export const usePreviewImport = () => {
  const { post } = useFetchClient();
  return useMutation({
    mutationFn: async ({ file, mapping }: { file: File; mapping?: ImportMapping }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (mapping) form.append('mapping', JSON.stringify(mapping));
      return (await post<ImportPreviewResponse>('/liaison/imports/preview', form)).data.data;
    },
  });
};

/** Uploads a file for a dry run or a real import (answered 202: the job runs on the server); the history follows. */
export const useStartImport = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { file: File; mapping: ImportMapping; create: ImportCreateOptions; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      form.append('dryRun', String(input.dryRun));
      form.append('mapping', JSON.stringify(input.mapping));
      form.append('create', JSON.stringify(input.create));
      return (await post<ImportResponse>('/liaison/imports', form)).data.data;
    },
    onSuccess: (job: ImportJob) => {
      client.setQueryData(keys.imports.detail(job.documentId), { data: job });
      invalidate(client, [[...keys.imports.all(), 'list']]);
    },
  });
};

/** After a real import: everything that counts or lists alumni is read again. */
export const useImportFinished = () => {
  const client = useQueryClient();
  return (job: ImportJob) => {
    invalidate(client, [[...keys.imports.all(), 'list']]);
    if (!job.dryRun && job.status === 'done') {
      invalidate(client, [keys.overview(), keys.coverage.all(), keys.scopes.all(), keys.candidates.all(), keys.alumni.all(), keys.filterOptions(), keys.contentManager.colleges()]);
    }
  };
};

/** Saves an import's rejected rows (CSV, with a reason column) through the browser's download. */
export const useDownloadRejected = () => {
  const { get } = useFetchClient();
  return async (job: Pick<ImportJob, 'documentId' | 'fileName'>) => {
    const { data } = await get(`/liaison/imports/${job.documentId}/rejected.csv`, { responseType: 'blob' });
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${job.fileName.replace(/\.[^.]*$/, '')}.rejected.csv`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
};

// Duplicates and merge ------------------------------------------------------------------------

/** Starts a scan (answered at once: the job runs on the server); the list and the scan's state follow. */
export const useStartScan = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await post<DataResponse<ScanStatus>>('/liaison/duplicates/scan', {})).data.data,
    onSuccess: (scan: ScanStatus) => {
      client.setQueryData(keys.duplicates.scan(), { data: scan });
      invalidate(client, [keys.duplicates.all()]);
    },
  });
};

/** Not the same person: the pair leaves the list for good. */
export const useDismissPair = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (pair: string) => (await post<DataResponse<DuplicatePair>>(`/liaison/duplicates/${pair}/dismiss`, {})).data.data,
    onSuccess: () => invalidate(client, [keys.duplicates.all()]),
  });
};

/** Merges `from` into `kept`: the duplicates, and everything that counts or lists alumni and posts, are read again. */
export const useMergeAlumni = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { kept: string; from: string; fields: Record<string, 'a' | 'b'> }) =>
      (await post<DataResponse<MergeResult>>(`/liaison/alumni/${input.kept}/merge`, { from: input.from, fields: input.fields })).data.data,
    onSuccess: () =>
      invalidate(client, [keys.duplicates.all(), keys.overview(), keys.coverage.all(), keys.scopes.all(), keys.candidates.all(), keys.posts.all(), keys.alumni.all(), keys.appraisal.all(), keys.training.all()]),
  });
};
