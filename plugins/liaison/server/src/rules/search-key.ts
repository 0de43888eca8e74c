import { pinyin } from 'pinyin-pro';

/**
 * What staff may type to find an alumnus by name: the name itself, its pinyin without
 * tones, and its initials ("李振东" → "李振东 lizhendong lzd"). Surnames read as
 * surnames (单 → shan, 曾 → zeng).
 */
export const searchKeyOf = (name: string | null | undefined): string => {
  const clean = (name ?? '').trim();
  if (!clean) return '';
  const syllables = pinyin(clean, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return [clean.toLowerCase(), syllables.join(''), syllables.map((s) => s[0]).join('')].join(' ').slice(0, 255);
};

/** A search the user typed, reduced to what can match a search key. */
export const normaliseQuery = (q: string) => q.trim().toLowerCase().replace(/\s+/g, '');
