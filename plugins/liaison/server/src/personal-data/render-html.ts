import type { Lang } from '../rules/messages';
import type { ReadableDocument } from './document';

/** Text as HTML shows it and never runs it: a name may carry markup (`<script>`), and it is only ever text here. */
export const escapeHtml = (value: string) =>
  value.replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!);

const STYLE = `
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#212134;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dcdce4;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #eaeaef;white-space:pre-wrap;word-break:break-word}
th{background:#f6f6f9;font-weight:600}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1.5rem;margin:0}dt{color:#666687}dd{margin:0;white-space:pre-wrap;word-break:break-word}
.none{color:#8e8ea9}@media print{body{margin:0}}`;

/**
 * The export as one self-contained HTML page in the request's language: every value
 * escaped, no script, no outside resource (the Content-Security-Policy the controller
 * sends forbids any anyway), printable.
 */
export const renderHtml = (doc: ReadableDocument, lang: Lang) => {
  const e = escapeHtml;
  const sections = doc.sections
    .map((s) => {
      if (s.kind === 'fields') {
        return `<section><h2>${e(s.heading)}</h2><dl>${s.rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl></section>`;
      }
      const body = s.rows.length
        ? `<table><thead><tr>${s.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${s.rows
            .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`
        : `<p class="none">${e(s.empty)}</p>`;
      return `<section><h2>${e(s.heading)}</h2>${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-Hans'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(doc.title)}</h1>
<p>${e(doc.intro)}</p>
${sections}
</body>
</html>
`;
};
