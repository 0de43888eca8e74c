import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

export interface ApiState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs a plugin admin URL (null: nothing to fetch) and refetches when the URL changes or on reload(). */
export const useApi = <T,>(url: string | null): ApiState<T> => {
  const { get } = useFetchClient();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: !!url });
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get(url)
      .then((res) => live && setState({ data: res.data as T, loading: false }))
      .catch((error) => live && setState({ error, loading: false }));
    return () => {
      live = false;
    };
  }, [get, url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};

/** A query string from the defined, non-empty values. */
export const queryString = (params: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
};
