import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArrivalsResponse, CheckInResult, DataResponse, EventRegistrationsResponse, RegistrationsResponse } from '../../../../server/src/admin-api-types';
import { queryString } from '../../api/client';

/** The query keys of the check-in pages: one branch, refreshed as a whole after each arrival. */
const ROOT = ['liaison', 'check-in'] as const;
const keys = {
  all: () => ROOT,
  events: (q: string) => [...ROOT, 'events', q] as const,
  arrivals: (event: string) => [...ROOT, 'arrivals', event] as const,
  list: (event: string, params: object) => [...ROOT, 'list', event, params] as const,
  registrationEvents: (params: object) => [...ROOT, 'registration-events', params] as const,
};

export type EventOption = { documentId: string; title: string; startsAt: string | null };

/**
 * The events staff may pick, newest first, through the Content Manager's list: its
 * permissions already narrow a chapter editor to their own chapters' events.
 */
export const useEventOptions = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.events(''),
    queryFn: async () => {
      const { data } = await get<{ results: EventOption[] }>(
        `/content-manager/collection-types/plugin::liaison.event${queryString({ page: 1, pageSize: 100, sort: 'startsAt:DESC', locale: 'zh-Hans' })}`
      );
      return data.results.map((e) => ({ documentId: e.documentId, title: e.title, startsAt: e.startsAt ?? null }));
    },
  });
};

/** The door's running count; read again every 10 s, so that two desks see each other's arrivals. */
export const useArrivals = (event: string | undefined) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.arrivals(event ?? ''),
    enabled: !!event,
    refetchInterval: 10_000,
    queryFn: async () => (await get<ArrivalsResponse>(`/liaison/events/${event}/arrivals`)).data.data,
  });
};

/** The events to come or past that the user may reach, a page of them, each with its registrations counted. */
export const useEventRegistrations = (params: { when: 'upcoming' | 'past'; page: string | number; pageSize: string | number }) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.registrationEvents(params),
    placeholderData: keepPreviousData,
    queryFn: async () => (await get<EventRegistrationsResponse>(`/liaison/registrations/events${queryString(params)}`)).data,
  });
};

export type RegistrationsParams = { status?: string; q?: string; page?: string | number; pageSize?: string | number };

export const useRegistrations = (event: string | undefined, params: RegistrationsParams) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: keys.list(event ?? '', params),
    enabled: !!event,
    placeholderData: keepPreviousData,
    queryFn: async () => (await get<RegistrationsResponse>(`/liaison/events/${event}/registrations${queryString(params)}`)).data,
  });
};

/** Checks a code in; the counts and lists follow. */
export const useCheckIn = (event: string | undefined) => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => (await post<DataResponse<CheckInResult>>(`/liaison/events/${event}/check-in`, { code })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: keys.all() }),
  });
};

/** Saves the event's registrations (CSV or XLSX) through the browser's download. */
export const useDownloadRegistrations = () => {
  const { get } = useFetchClient();
  return async (event: string, format: 'csv' | 'xlsx', status?: string) => {
    const { data } = await get(`/liaison/events/${event}/registrations/export${queryString({ format, status })}`, { responseType: 'blob' });
    const url = URL.createObjectURL(data as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `registrations-${event}.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
};

/**
 * The code a scanned QR code carries: the code itself, or a link whose `code` parameter or
 * last path segment is the code.
 */
export const codeOf = (text: string): string => {
  const trimmed = text.trim();
  if (/^[A-Za-z0-9_-]+$/.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    return url.searchParams.get('code') ?? url.pathname.split('/').filter(Boolean).pop() ?? trimmed;
  } catch {
    return trimmed;
  }
};
