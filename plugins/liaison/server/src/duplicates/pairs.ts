import { emailKey, nameBlock, nameKey, phoneKey, studentNoKey, swappedKey, syllablesOf } from './keys';

/** What the scan reads of each alumnus. */
export interface Candidate {
  id: number;
  name: string;
  studentNo: string | null;
  phone: string | null;
  email: string | null;
  cohort: number | null;
  searchKey?: string | null;
}

export type EvidenceKey = 'studentNo' | 'phone' | 'email' | 'name' | 'nameScript' | 'nameSwapped' | 'namePinyin';
export interface Evidence {
  key: EvidenceKey;
  detail: string;
}

export interface Pair {
  first: number;
  second: number;
  score: number;
  evidence: Evidence[];
}

/**
 * How much each piece of evidence says on its own. Independent pieces combine as
 * 1 − Π(1 − wᵢ): a name in the same class (0.6) and the same phone (0.8) make 0.92.
 */
export const WEIGHTS: Record<EvidenceKey, number> = {
  studentNo: 0.9,
  phone: 0.8,
  email: 0.8,
  name: 0.6,
  nameScript: 0.6,
  nameSwapped: 0.5,
  namePinyin: 0.35,
};

/** A key shared by more records than this is not evidence (an office switchboard, a placeholder address). */
export const MAX_BLOCK = 50;

/**
 * Pairs under this score are not kept: a homophone in the class (0.35) on its own is the
 * everyday 王玲 and 王琳, not a lead worth an officer's minute. With other evidence it counts.
 */
export const MIN_SCORE = 0.5;

const combine = (evidence: Evidence[]) => Math.round((1 - evidence.reduce((p, e) => p * (1 - WEIGHTS[e.key]), 1)) * 100) / 100;

/** A name's compared forms, each worked out once however many pairs the record is in. */
type NameForms = { key: string; swapped: string; pinyin: string };
const formsOf = (memo: Map<number, NameForms>, r: Candidate): NameForms => {
  let forms = memo.get(r.id);
  if (!forms) {
    forms = { key: nameKey(r.name), swapped: swappedKey(r.name), pinyin: syllablesOf(r.name).sort().join(' ') };
    memo.set(r.id, forms);
  }
  return forms;
};

/** What two names in one class have in common, if anything. */
export const nameEvidence = (a: Candidate, b: Candidate, memo = new Map<number, NameForms>()): Evidence | null => {
  const [fa, fb] = [formsOf(memo, a), formsOf(memo, b)];
  if (fa.key === fb.key) {
    return a.name.trim() === b.name.trim() ? { key: 'name', detail: a.name.trim() } : { key: 'nameScript', detail: `${a.name.trim()} / ${b.name.trim()}` };
  }
  if (fa.swapped === fb.swapped) return { key: 'nameSwapped', detail: `${a.name.trim()} / ${b.name.trim()}` };
  if (fa.pinyin && fa.pinyin === fb.pinyin) return { key: 'namePinyin', detail: `${a.name.trim()} / ${b.name.trim()}` };
  return null;
};

/**
 * Probable duplicates among `records`: each record goes into a block per key (student
 * number without prefix and leading zeros, phone, e-mail, and its name's pinyin letters
 * within its class); only records in one block are compared. Pairs come out once, with
 * every piece of evidence that links them and their combined score, from MIN_SCORE up.
 */
export const findPairs = (records: Iterable<Candidate>): { pairs: Pair[]; skippedBlocks: number } => {
  const blocks = new Map<string, Candidate[]>();
  const add = (key: string | null, record: Candidate) => {
    if (!key) return;
    const block = blocks.get(key);
    if (block) block.push(record);
    else blocks.set(key, [record]);
  };
  for (const r of records) {
    add(studentNoKey(r.studentNo) && `s|${studentNoKey(r.studentNo)}`, r);
    add(phoneKey(r.phone) && `p|${phoneKey(r.phone)}`, r);
    add(emailKey(r.email) && `e|${emailKey(r.email)}`, r);
    if (r.cohort !== null) {
      const block = nameBlock(r.name, r.searchKey);
      if (block) add(`n|${r.cohort}|${block}`, r);
    }
  }
  const found = new Map<string, { first: number; second: number; evidence: Evidence[] }>();
  const names = new Map<number, NameForms>();
  let skippedBlocks = 0;
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    if (members.length > MAX_BLOCK) {
      skippedBlocks++;
      continue;
    }
    const kind = key[0];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = members[i].id < members[j].id ? [members[i], members[j]] : [members[j], members[i]];
        if (a.id === b.id) continue;
        let evidence: Evidence | null;
        if (kind === 's') evidence = { key: 'studentNo', detail: `${a.studentNo} / ${b.studentNo}` };
        else if (kind === 'p') evidence = { key: 'phone', detail: phoneKey(a.phone)! };
        else if (kind === 'e') evidence = { key: 'email', detail: emailKey(a.email)! };
        else evidence = nameEvidence(a, b, names);
        if (!evidence) continue;
        const id = `${a.id}:${b.id}`;
        const pair = found.get(id) ?? { first: a.id, second: b.id, evidence: [] };
        if (!pair.evidence.some((e) => e.key === evidence!.key)) pair.evidence.push(evidence);
        found.set(id, pair);
      }
    }
  }
  const pairs = [...found.values()].map((p) => ({ ...p, score: combine(p.evidence) })).filter((p) => p.score >= MIN_SCORE);
  return { pairs, skippedBlocks };
};
