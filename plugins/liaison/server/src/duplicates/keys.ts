import { pinyin } from 'pinyin-pro';
import { matchKey, toSimplified } from '../imports/chinese';
import { normalisePhone } from '../imports/normalise';

/**
 * The keys under which two records of one person meet (blocking): only records that
 * share a key are compared, so a scan of 300,000 alumni compares a few thousand pairs,
 * not 45 billion.
 */

/** A student number without its letters and leading zeros: S02015001 and 2015001 meet. */
export const studentNoKey = (studentNo: string | null | undefined): string | null => {
  const digits = String(studentNo ?? '').replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 4 ? digits : null;
};

/** A phone as the importer stores it ("+86 139-1234-5678" → 13912345678); digits when it cannot tell. */
export const phoneKey = (phone: string | null | undefined): string | null => {
  if (!phone) return null;
  const normalised = normalisePhone(phone);
  if (normalised.value) return normalised.value;
  const digits = String(phone).replace(/\D/g, '');
  return digits.length >= 7 ? digits : null;
};

export const emailKey = (email: string | null | undefined): string | null => {
  const e = String(email ?? '').trim().toLowerCase();
  return e.includes('@') ? e : null;
};

const HAN = /\p{Script=Han}/u;

/** Simplified, spaces and case ignored: 張偉 and 张伟 are one name. */
export const nameKey = (name: string | null | undefined): string => matchKey(name);

/**
 * The name's parts in a fixed order: "Wang Fang" and "Fang Wang", 王芳 and 芳王 (a family
 * name typed after the given name) meet.
 */
export const swappedKey = (name: string | null | undefined): string => {
  const simplified = matchKey(name ? name.replace(/[,.·•]/g, ' ') : name);
  if (HAN.test(simplified)) return [...simplified].sort().join('');
  return String(name ?? '')
    .toLowerCase()
    .split(/[\s,.·•]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
};

/** A name's pinyin syllables without tones (王芳 → wang, fang; "Wang Fang" → wang, fang). */
export const syllablesOf = (name: string | null | undefined): string[] => {
  const clean = matchKey(name ? name.replace(/[,.·•]/g, ' ') : name);
  if (!clean) return [];
  if (!HAN.test(clean)) return String(name ?? '').toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return pinyin(clean, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'removed' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
};

/**
 * The block a name falls in, within its class: the letters of its pinyin, sorted. Written
 * in either script, in either order, in simplified or traditional characters, one person's
 * name lands in one block (as do a few other names, which the comparison then tells apart).
 * Taken from the stored search key (name, pinyin, initials) when there is one.
 */
export const nameBlock = (name: string | null | undefined, searchKey?: string | null): string | null => {
  // The search key is "name pinyin initials"; the name itself may hold spaces.
  // (Computed afresh for a name in traditional characters: pinyin of the simplified form.)
  const parts = searchKey && toSimplified(String(name ?? '')) === String(name ?? '') ? searchKey.split(' ') : [];
  const joined = parts.length >= 3 ? parts[parts.length - 2] : syllablesOf(name).join('');
  const letters = joined.replace(/[^a-z]/g, '');
  return letters.length >= 2 ? [...letters].sort().join('') : null;
};
