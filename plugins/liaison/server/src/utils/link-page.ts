/**
 * The small pages the links in mails open, in Chinese and English (we may not know the
 * reader's language). Following a link changes nothing: the page offers one button, a
 * plain form (no script) that POSTs the token to the same address.
 */
import { z } from '@strapi/utils';

export type Bilingual = readonly [zh: string, en: string];

export interface LinkPage {
  title: Bilingual;
  message: Bilingual;
  /** The button that acts, with the token it posts. */
  form?: { token: string; button: Bilingual };
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const renderLinkPage = ({ title, message, form }: LinkPage): string => {
  const e = escapeHtml;
  // No action: the form posts to the address the page was opened at, behind whatever proxy prefix.
  const button = form
    ? `
<form method="post">
<input type="hidden" name="token" value="${e(form.token)}">
<button type="submit" style="font-size:1.1em;padding:.5em 1.5em">${e(form.button[0])} · ${e(form.button[1])}</button>
</form>`
    : '';
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
<title>${e(title[0])} · ${e(title[1])}</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.6">
<h1>${e(title[0])} · ${e(title[1])}</h1>
<p lang="zh-Hans">${e(message[0])}</p>
<p lang="en">${e(message[1])}</p>${button}
</body></html>`;
};

/** Answers a link page: no caching, not indexed. */
export const sendLinkPage = (ctx: any, status: number, page: LinkPage) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Robots-Tag', 'noindex');
  ctx.body = renderLinkPage(page);
};

const linkInput = z.object({
  body: z.object({ token: z.string().max(400).optional() }).loose().optional(),
  query: z.object({ token: z.string().max(400).optional() }).loose().optional(),
});

/**
 * The token of a link request: in the form body (the page's button), else the query
 * (RFC 8058 one-click posts carry `List-Unsubscribe=One-Click` and the link's own query).
 * Null when there is none, or it is not one string.
 */
export const tokenOf = (ctx: any): string | null => {
  const body = ctx.request?.body && typeof ctx.request.body === 'object' ? ctx.request.body : undefined;
  const parsed = linkInput.safeParse({ body, query: ctx.query ?? undefined });
  if (!parsed.success) return null;
  return parsed.data.body?.token || parsed.data.query?.token || null;
};
