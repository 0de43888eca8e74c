/** The admin's current language, as the admin itself keeps it (see @strapi/admin reducer). */
export const adminLocale = (): string => {
  try {
    return window.localStorage.getItem('strapi-admin-language') || 'en';
  } catch {
    return 'en';
  }
};

/**
 * The server says its errors in the language of the request (`Accept-Language`), but the
 * browser sends its own language, not the one chosen in the admin. Requests of the admin
 * to its own server carry the admin's language instead.
 */
export const sendAdminLanguage = () => {
  if (typeof window === 'undefined' || (window.fetch as { liaisonLanguage?: boolean }).liaisonLanguage) return;
  const original = window.fetch.bind(window);
  const wrapped = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let sameOrigin = false;
    try {
      sameOrigin = new URL(url, window.location.href).origin === window.location.origin;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) return original(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('Accept-Language', adminLocale());
    return original(input, { ...init, headers });
  };
  (wrapped as { liaisonLanguage?: boolean }).liaisonLanguage = true;
  window.fetch = wrapped as typeof window.fetch;
};
