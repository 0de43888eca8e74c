import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DataResponse,
  Dimension,
  SurveyDetail,
  SurveyListResponse,
  SurveyQuestionDef,
  SurveyResults,
  SurveyScopeRef,
} from '../../../../server/src/admin-api-types';
import { queryString } from '../../api/client';

/** The query keys of the surveys' pages: one branch, refreshed as a whole after a change. */
const ROOT = ['liaison', 'surveys'] as const;
const keys = {
  all: () => ROOT,
  list: (params: object) => [...ROOT, 'list', params] as const,
  detail: (documentId: string) => [...ROOT, 'detail', documentId] as const,
  results: (documentId: string) => [...ROOT, 'results', documentId] as const,
  scopes: (kind: Dimension, q: string) => [...ROOT, 'scopes', kind, q] as const,
};

export type SurveysParams = { status?: string; page?: string | number; pageSize?: string | number };

export const useSurveys = (params: SurveysParams) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.list(params),
    placeholderData: keepPreviousData,
    queryFn: async () => (await get<SurveyListResponse>(`/liaison/surveys${queryString(params)}`)).data,
  });
};

/** One survey; read again every second while it is being sent (the progress). */
export const useSurvey = (documentId: string | undefined) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.detail(documentId ?? ''),
    enabled: !!documentId,
    refetchInterval: (query) => (query.state.data?.sending?.status === 'running' ? 1000 : false),
    queryFn: async () => (await get<DataResponse<SurveyDetail>>(`/liaison/surveys/${documentId}`)).data.data,
  });
};

export const useSurveyResults = (documentId: string | undefined) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.results(documentId ?? ''),
    enabled: !!documentId,
    queryFn: async () => (await get<DataResponse<SurveyResults>>(`/liaison/surveys/${documentId}/results`)).data.data,
  });
};

export const useScopeOptions = (kind: Dimension, q: string) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.scopes(kind, q),
    queryFn: async () => (await get<DataResponse<SurveyScopeRef[]>>(`/liaison/surveys/scopes${queryString({ kind, q })}`)).data.data,
  });
};

/** What the editor sends: the whole draft (a sent survey: its close date only). */
export interface SurveyDraft {
  title?: string;
  titleEn?: string | null;
  intro?: string | null;
  introEn?: string | null;
  questions?: SurveyQuestionDef[];
  scopes?: { kind: Dimension; documentId: string }[];
  opensAt?: string | null;
  closesAt?: string | null;
}

export const useSaveSurvey = () => {
  const { post, put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, draft }: { documentId?: string; draft: SurveyDraft }) =>
      documentId
        ? (await put<DataResponse<SurveyDetail>>(`/liaison/surveys/${documentId}`, draft)).data.data
        : (await post<DataResponse<SurveyDetail>>('/liaison/surveys', draft)).data.data,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all() }),
  });
};

export const useSendSurvey = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (documentId: string) => (await post<DataResponse<SurveyDetail>>(`/liaison/surveys/${documentId}/send`)).data.data,
    onSuccess: (data) => {
      client.setQueryData(keys.detail(data.documentId), data);
      return client.invalidateQueries({ queryKey: keys.all() });
    },
  });
};

/** Saves a survey's results (CSV or XLSX) through the browser's download. */
export const useDownloadResults = () => {
  const { get } = useFetchClient();
  return async (documentId: string, format: 'csv' | 'xlsx') => {
    const { data } = await get(`/liaison/surveys/${documentId}/results/export${queryString({ format })}`, { responseType: 'blob' });
    const url = URL.createObjectURL(data as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `survey-${documentId}.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
};
