/**
 * Traditional → simplified Chinese for matching (opencc-js, OpenCC's character table
 * "t" → "cn"): 臨床醫學院 and 临床医学院 are the same college. Names are kept as written;
 * only the keys that are compared go through this. The converter is built on first use.
 */
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let convert: Convert | null = null;

/** Building the converter's tables takes a tenth of a second: done when first needed. */
const converter = (): Convert => {
  if (!convert) convert = OpenCC.Converter({ from: 't', to: 'cn' });
  return convert;
};

/** Any character outside ASCII: only then is there anything to convert. */
const NON_ASCII = /[^\u0000-\u007f]/;

export const toSimplified = (text: string): string => (NON_ASCII.test(text) ? converter()(text) : text);

const keyOf = (text: string): string =>
  toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');

/**
 * Keys computed lately. A registrar's file says the same few thousand things (colleges, classes,
 * genders, degrees, countries) on every row, and converting one costs microseconds: a file of
 * 300,000 rows asks for over a million keys. Bounded: emptied when full.
 */
const KEYS = new Map<string, string>();
const MAX_KEYS = 20_000;

/** A name as compared: simplified, half-width, case and spaces ignored. */
export const matchKey = (text: string | null | undefined): string => {
  const raw = String(text ?? '');
  let key = KEYS.get(raw);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = keyOf(raw);
    // Long texts are rarely asked for twice.
    if (raw.length <= 64) KEYS.set(raw, key);
  }
  return key;
};
