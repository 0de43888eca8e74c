import { ASSETS } from './assets';
import { escapeHtml } from '../utils/link-page';

/**
 * The page's HTML: an empty frame the script fills. No inline script or style (the host's
 * Content-Security-Policy allows only its own files); the file names carry their hash, so a
 * phone never runs yesterday's script with today's page. `assets` is where the files are,
 * relative to the address the page was opened at; `scripts`, run in this order (app.js, then
 * the views that add themselves to it: feedback.js, liaison.js; a survey's link opens a page
 * of its own, survey.js).
 */
export const renderShell = (assets: string, scripts: string[] = ['app.js', 'feedback.js', 'liaison.js']) => {
  const src = (name: string) => escapeHtml(`${assets}${name}?v=${ASSETS[name].hash}`);
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
<meta name="format-detection" content="telephone=no">
<title>校友 · Alumni</title>
<link rel="stylesheet" href="${src('app.css')}">
${scripts.map((name) => `<script src="${src(name)}" defer></script>`).join('\n')}
</head>
<body>
<header class="bar"><span id="title" class="title">校友 · Alumni</span><button id="lang" type="button" class="lang">EN</button></header>
<nav id="nav" class="nav" hidden></nav>
<main id="main" tabindex="-1"><noscript>请启用 JavaScript。 · Please enable JavaScript.</noscript></main>
</body></html>`;
};
