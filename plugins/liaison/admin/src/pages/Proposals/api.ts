import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataResponse, ProposalItem, ProposalSettings, ProposalsResponse } from '../../../../server/src/admin-api-types';
import { queryString } from '../../api/client';

/** The query keys of the proposals page: one branch, read again after each decision. */
const ROOT = ['liaison', 'proposals'] as const;
const keys = {
  all: () => ROOT,
  list: (params: object) => [...ROOT, 'list', params] as const,
  settings: () => [...ROOT, 'settings'] as const,
};

export type ProposalsParams = { status: string; page: string | number; pageSize: string | number };

export const useProposals = (params: ProposalsParams) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.list(params),
    placeholderData: keepPreviousData,
    queryFn: async () => (await get<ProposalsResponse>(`/liaison/proposals${queryString(params)}`)).data,
  });
};

export const useProposalSettings = () => {
  const { get } = useFetchClient();
  return useQuery({ queryKey: keys.settings(), queryFn: async () => (await get<DataResponse<ProposalSettings>>('/liaison/proposals/settings')).data.data });
};

/** Approves or rejects (with a reason) a proposal; every list of the page is read again. */
export const useDecision = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (d: { documentId: string; approve: true } | { documentId: string; approve: false; reason: string }) =>
      (
        await post<DataResponse<ProposalItem>>(
          `/liaison/proposals/${d.documentId}/${d.approve ? 'approve' : 'reject'}`,
          d.approve ? {} : { reason: d.reason }
        )
      ).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: keys.all() }),
  });
};

export const useSaveSettings = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (settings: ProposalSettings) => (await put<DataResponse<ProposalSettings>>('/liaison/proposals/settings', settings)).data.data,
    onSuccess: (data) => client.setQueryData(keys.settings(), data),
  });
};
