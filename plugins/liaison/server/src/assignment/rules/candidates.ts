import type { Dimension } from '../../rules/liaison-post';
import { daysBetween } from './lifecycle';

/** What the one candidates query returns for an alumnus of the scope. */
export interface CandidateRow {
  documentId: string;
  name: string;
  contactConsent: boolean | number | null;
  email: string | null;
  phone: string | null;
  lastVerifiedAt: string | null;
  gradYear: number | null;
  trained: boolean | number | null;
  /** Posts the alumnus holds or is nominated for, in any scope. */
  posts: number;
  /** Held a post of this very scope before (ended). */
  servedBefore?: boolean | number | null;
}

export type ReasonKey = 'consented' | 'reachable' | 'recentlyVerified' | 'trained' | 'servedBefore' | 'fewPosts' | 'seniority';

export interface Reason {
  key: ReasonKey;
  points: number;
  text: string;
}

export interface RankedCandidate {
  alumnus: { documentId: string; name: string };
  score: number;
  reasons: Reason[];
}

/** Points of each reason: a liaison must be willing to be contacted and reachable first of all. */
export const WEIGHTS = {
  consented: 30,
  reachable: 20,
  recentlyVerified: 15,
  trained: 20,
  servedBefore: 10,
  noPosts: 10,
  onePost: 5,
  seniorityPerYear: 1,
  seniorityMax: 15,
} as const;

/** Contact data checked within this many days counts as recently verified. */
export const RECENT_DAYS = 730;

const yes = (v: unknown) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** The reasons an alumnus ranks where they do, for a post of `dimension`, on `day` (YYYY-MM-DD). */
export const reasonsFor = (row: CandidateRow, dimension: Dimension, day: string): Reason[] => {
  const reasons: Reason[] = [];
  if (yes(row.contactConsent)) reasons.push({ key: 'consented', points: WEIGHTS.consented, text: 'Consented to be contacted' });
  if (filled(row.email) || filled(row.phone)) {
    const how = [filled(row.email) && 'e-mail', filled(row.phone) && 'phone'].filter(Boolean).join(' and ');
    reasons.push({ key: 'reachable', points: WEIGHTS.reachable, text: `Reachable by ${how}` });
  }
  if (row.lastVerifiedAt) {
    const age = daysBetween(String(row.lastVerifiedAt).slice(0, 10), day);
    if (age >= 0 && age <= RECENT_DAYS) {
      reasons.push({ key: 'recentlyVerified', points: WEIGHTS.recentlyVerified, text: `Contact data verified on ${String(row.lastVerifiedAt).slice(0, 10)}` });
    }
  }
  if (yes(row.trained)) reasons.push({ key: 'trained', points: WEIGHTS.trained, text: 'Already trained (attended and passed a training)' });
  if (yes(row.servedBefore)) reasons.push({ key: 'servedBefore', points: WEIGHTS.servedBefore, text: 'Served as a liaison of this scope before' });
  const posts = Number(row.posts ?? 0);
  if (posts === 0) reasons.push({ key: 'fewPosts', points: WEIGHTS.noPosts, text: 'Holds no other post' });
  else if (posts === 1) reasons.push({ key: 'fewPosts', points: WEIGHTS.onePost, text: 'Holds only one other post' });
  if (dimension === 'industry' && row.gradYear) {
    const years = Number(day.slice(0, 4)) - Number(row.gradYear);
    const points = Math.min(WEIGHTS.seniorityMax, Math.max(0, years) * WEIGHTS.seniorityPerYear);
    if (points > 0) reasons.push({ key: 'seniority', points, text: `Graduated in ${row.gradYear} (${years} years in the profession)` });
  }
  return reasons;
};

/**
 * Ranks the alumni of a scope for a free post: highest score first; ties by earlier
 * graduation, then name, then documentId, so the order is stable.
 */
export const rankCandidates = (rows: CandidateRow[], dimension: Dimension, day: string, limit = 20): RankedCandidate[] =>
  rows
    .map((row) => {
      const reasons = reasonsFor(row, dimension, day);
      return { row, reasons, score: reasons.reduce((sum, r) => sum + r.points, 0) };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.row.gradYear ?? 9999) - (b.row.gradYear ?? 9999) ||
        a.row.name.localeCompare(b.row.name) ||
        a.row.documentId.localeCompare(b.row.documentId)
    )
    .slice(0, limit)
    .map(({ row, reasons, score }) => ({ alumnus: { documentId: row.documentId, name: row.name }, score, reasons }));
