import { matchKey } from './chinese';

/**
 * How each cell of a registrar's file becomes a value of an alumnus: pure functions, each
 * answering `{ value }` or `{ error }` with the message id of what is wrong. An empty cell
 * is `{ value: null }`: it says nothing, and the import leaves what is stored alone.
 */
export type Normalised<T> = { value: T | null; error?: undefined } | { value?: undefined; error: string };

const ok = <T>(value: T | null): Normalised<T> => ({ value });
const bad = <T>(error: string): Normalised<T> => ({ error });

/** Trimmed text with runs of white space (full-width ones too) made one space; '' → null. */
export const cleanText = (raw: unknown): string | null => {
  if (raw === null || raw === undefined) return null;
  const text = String(raw)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  return text === '' ? null : text;
};

/** Full-width digits, letters and signs (＋８６，１３９…) as ASCII. */
const halfWidth = (text: string) => text.normalize('NFKC');

/**
 * A phone number as stored: a mainland mobile as its 11 digits ("+86 139-1234-5678",
 * "0086 13912345678", "86-139 1234 5678" → "13912345678"), a mainland landline with its
 * area code ("010-6275 1234" → "01062751234"), anything else in international form
 * ("+1 (408) 555-0123", "001 408 555 0123" → "+14085550123"). Anything else is bad.
 */
export const normalisePhone = (raw: unknown): Normalised<string> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  let p = halfWidth(text).replace(/[\s\-().\u00a0/]/g, '');
  if (/^00[1-9]/.test(p)) p = `+${p.slice(2)}`;
  // A mainland number written with the country code.
  if (p.startsWith('+86')) {
    const rest = p.slice(3).replace(/^0/, '');
    p = /^1[3-9]\d{9}$/.test(rest) ? rest : `0${rest}`;
  } else if (/^861[3-9]\d{9}$/.test(p)) {
    p = p.slice(2);
  }
  if (/^1[3-9]\d{9}$/.test(p)) return ok(p);
  if (/^0[1-9]\d{8,10}$/.test(p)) return ok(p);
  if (/^\+[1-9]\d{6,14}$/.test(p)) return ok(p);
  return bad('imports.row.phone');
};

/**
 * The address Strapi's e-mail attribute accepts (the WHATWG form), with a dot in the
 * domain; stored lower-case. Full-width ＠ and dots are read as ASCII.
 */
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const normaliseEmail = (raw: unknown): Normalised<string> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  const e = halfWidth(text).replace(/^mailto:/i, '').trim().toLowerCase();
  if (e.length > 254 || !EMAIL.test(e) || e.includes('..')) return bad('imports.row.email');
  return ok(e);
};

const GENDERS: Record<string, 'male' | 'female' | 'undisclosed'> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  未知: 'undisclosed',
  保密: 'undisclosed',
  不详: 'undisclosed',
  其他: 'undisclosed',
  undisclosed: 'undisclosed',
  unknown: 'undisclosed',
  other: 'undisclosed',
};

export const normaliseGender = (raw: unknown): Normalised<'male' | 'female' | 'undisclosed'> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  const g = GENDERS[matchKey(text)];
  return g ? ok(g) : bad('imports.row.gender');
};

export type Degree = 'associate' | 'bachelor' | 'master' | 'doctor';

const DEGREES: Record<string, Degree> = {
  专科: 'associate',
  大专: 'associate',
  高职: 'associate',
  专科生: 'associate',
  associate: 'associate',
  本科: 'bachelor',
  学士: 'bachelor',
  本科生: 'bachelor',
  大学本科: 'bachelor',
  bachelor: 'bachelor',
  "bachelor's": 'bachelor',
  undergraduate: 'bachelor',
  硕士: 'master',
  硕士研究生: 'master',
  研究生: 'master',
  master: 'master',
  "master's": 'master',
  博士: 'doctor',
  博士研究生: 'doctor',
  doctor: 'doctor',
  doctorate: 'doctor',
  phd: 'doctor',
  'ph.d.': 'doctor',
};

export const normaliseDegree = (raw: unknown): Normalised<Degree> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  const d = DEGREES[matchKey(text)];
  return d ? ok(d) : bad('imports.row.degree');
};

/** Graduation years from 1900 to this one plus the longest programme still running. */
export const yearBounds = (today: Date = new Date()) => ({ min: 1900, max: today.getUTCFullYear() + 8 });

/** "2015", "2015届", "2015年", 2015 (a number cell), "2015.0"; outside the bounds it is impossible. */
export const normaliseYear = (raw: unknown, today: Date = new Date()): Normalised<number> => {
  if (raw instanceof Date) return bad('imports.row.year');
  const text = cleanText(raw);
  if (text === null) return ok(null);
  const m = /^(\d{4})(?:\.0+)?\s*(?:届|年|级)?$/.exec(halfWidth(text));
  if (!m) return bad('imports.row.year');
  const year = Number(m[1]);
  const { min, max } = yearBounds(today);
  return year >= min && year <= max ? ok(year) : bad('imports.row.year');
};

/** A student number as written, trimmed, full-width characters made ASCII, no inner spaces. */
export const normaliseStudentNo = (raw: unknown): Normalised<string> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  return ok(halfWidth(text).replace(/\s/g, ''));
};

/** A person's name: trimmed, as written; it must hold a letter and may not look like a formula. */
export const normaliseName = (raw: unknown): Normalised<string> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  if (/^[=+\-@]/.test(text) || !/\p{L}/u.test(text)) return bad('imports.row.name');
  return ok(text);
};

// ------------------------------------------------------------------ countries

/** Codes Intl names that are not countries or regions people live in. */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'AA']);

const ALIASES: Record<string, string> = {
  中国大陆: 'CN',
  大陆: 'CN',
  中华人民共和国: 'CN',
  prc: 'CN',
  'mainland china': 'CN',
  香港: 'HK',
  中国香港: 'HK',
  'hong kong': 'HK',
  澳门: 'MO',
  中国澳门: 'MO',
  macau: 'MO',
  macao: 'MO',
  台湾: 'TW',
  中国台湾: 'TW',
  'taiwan, china': 'TW',
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  america: 'US',
  uk: 'GB',
  'u.k.': 'GB',
  england: 'GB',
  britain: 'GB',
  英国: 'GB',
  韩国: 'KR',
  'south korea': 'KR',
  korea: 'KR',
};

let countries: Map<string, string> | null = null;

/** Every region code with its names in Chinese (simplified, traditional) and English, as Node's ICU knows them. */
const countryIndex = () => {
  if (countries) return countries;
  const index = new Map<string, string>();
  const namers = ['zh-Hans', 'zh-Hant', 'en'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_PLACES.has(code)) continue;
      let known = false;
      for (const namer of namers) {
        let name: string | undefined;
        try {
          name = namer.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code) continue;
        known = true;
        index.set(matchKey(name), code);
      }
      if (known) index.set(code.toLowerCase(), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) index.set(matchKey(alias), code);
  countries = index;
  return index;
};

/** A country or region as its ISO code ("中国", "中國", "China", "cn" → "CN"). */
export const normaliseCountry = (raw: unknown): Normalised<string> => {
  const text = cleanText(raw);
  if (text === null) return ok(null);
  const code = countryIndex().get(matchKey(text));
  return code ? ok(code) : bad('imports.row.country');
};
