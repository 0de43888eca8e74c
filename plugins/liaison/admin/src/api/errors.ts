import { isFetchError, useAPIErrorHandler } from '@strapi/strapi/admin';

/** The message of a failed request, worded as the admin words the server's errors. */
export const useErrorMessage = () => {
  const { formatAPIError } = useAPIErrorHandler();
  return (error: unknown): string =>
    isFetchError(error) ? formatAPIError(error) : error instanceof Error ? error.message : String(error);
};

/** The message of each field a validation error (400) names, by its path: `alumnus`, `termEnd`, … */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  const fields: Record<string, string> = {};
  const details = isFetchError(error) ? error.response?.data.error.details : undefined;
  if (!details || typeof details !== 'object' || !('errors' in details) || !Array.isArray(details.errors)) return fields;
  const list: unknown[] = details.errors;
  for (const e of list) {
    if (!e || typeof e !== 'object' || !('message' in e) || typeof e.message !== 'string') continue;
    const path = 'path' in e && Array.isArray(e.path) ? e.path.join('.') : '';
    fields[path] = e.message;
  }
  return fields;
};
