/**
 * The admin languages the browser tests run in: both, unless LIAISON_TEST_LANGUAGES names
 * some (`en`, `zh-Hans`, comma-separated). CI runs the whole suite on SQLite and on
 * PostgreSQL side by side and gives each run one language (.ci/run): every page is seen in
 * both languages and on both databases, not in every pairing of the two (a page's language
 * is the browser's, its database the server's; neither reaches the other). `npm test`
 * alone runs both.
 */
export type AdminLanguage = 'en' | 'zh-Hans';
const ALL: AdminLanguage[] = ['en', 'zh-Hans'];

const named = (process.env.LIAISON_TEST_LANGUAGES ?? '')
  .split(',')
  .map((l) => l.trim())
  .filter(Boolean);
for (const l of named) if (!ALL.includes(l as AdminLanguage)) throw new Error(`LIAISON_TEST_LANGUAGES: ${l} is not one of ${ALL.join(', ')}`);

export const ADMIN_LANGUAGES: AdminLanguage[] = named.length ? ALL.filter((l) => named.includes(l)) : ALL;

/** The cases of a `describe.each` whose first value is a language, kept for the languages tested. */
export const inTestedLanguages = <T extends readonly [AdminLanguage, ...unknown[]]>(cases: readonly T[]): T[] =>
  cases.filter((c) => ADMIN_LANGUAGES.includes(c[0]));
