import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataResponse, FeedbackAnswerTime, FeedbackItem, FeedbackKind, FeedbackListResponse, FeedbackSettings, FeedbackStatus } from '../../../../server/src/admin-api-types';
import { queryString } from '../../api/client';

/** The query keys of the Feedback page: one branch, refreshed as a whole after each change. */
const ROOT = ['liaison', 'feedback'] as const;
const keys = {
  list: (params: object) => [...ROOT, 'list', params] as const,
  stats: () => [...ROOT, 'stats'] as const,
  settings: () => [...ROOT, 'settings'] as const,
  posts: (q: string) => [...ROOT, 'posts', q] as const,
};

export const useFeedbackList = (params: { status: FeedbackStatus; kind?: FeedbackKind; q?: string; page: string | number; pageSize: string | number }) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.list(params),
    placeholderData: keepPreviousData,
    queryFn: async () => (await get<FeedbackListResponse>(`/liaison/feedback${queryString(params)}`)).data,
  });
};

export const useFeedbackStats = () => {
  const { get } = useFetchClient();
  return useQuery({ queryKey: keys.stats(), queryFn: async () => (await get<DataResponse<FeedbackAnswerTime[]>>('/liaison/feedback/stats')).data.data });
};

export const useFeedbackSettings = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.settings(),
    queryFn: async () => (await get<DataResponse<FeedbackSettings> & { meta: { editable: boolean } }>('/liaison/feedback/settings')).data,
  });
};

export const useSaveFeedbackSettings = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (settings: FeedbackSettings) => (await put<DataResponse<FeedbackSettings>>('/liaison/feedback/settings', settings)).data.data,
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
};

export const useAnswerFeedback = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, answer }: { documentId: string; answer: string }) =>
      (await post<DataResponse<FeedbackItem>>(`/liaison/feedback/${documentId}/answer`, { answer })).data.data,
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
};

export const useReassignFeedback = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, target }: { documentId: string; target: { post: string } | { office: true } }) =>
      (await post<DataResponse<FeedbackItem>>(`/liaison/feedback/${documentId}/reassign`, target)).data.data,
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
};

export type PostOption = { documentId: string; label: string };

/** Active posts whose name matches, through the Content Manager's list (its permissions narrow College Staff to their colleges). */
export const usePostOptions = (q: string) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.posts(q),
    queryFn: async () => {
      const { data } = await get<{ results: { documentId: string; label: string | null }[] }>(
        `/content-manager/collection-types/plugin::liaison.liaison${queryString({ page: 1, pageSize: 20, _q: q, 'filters[postStatus][$eq]': 'active', sort: 'label:ASC' })}`
      );
      return data.results.map((p) => ({ documentId: p.documentId, label: p.label ?? p.documentId }));
    },
  });
};
