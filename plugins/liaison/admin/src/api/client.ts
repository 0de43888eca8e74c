import { QueryClient } from '@tanstack/react-query';

/**
 * The plugin's one query cache, shared by its pages (App), the home page's coverage widget
 * and the story's tag input: a change made on one page refreshes what the others show.
 * Queries are not retried (an error shows at once) and not read again when the window
 * regains focus; a page reads its data again when it opens and when a change invalidates it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: false,
      refetchOnWindowFocus: false,
    },
    mutations: {
      retry: false,
    },
  },
});

/** A query string from the defined, non-empty values. */
export const queryString = (params: object) => {
  const search = new URLSearchParams();
  const entries: [string, unknown][] = Object.entries(params);
  for (const [key, value] of entries) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
};
