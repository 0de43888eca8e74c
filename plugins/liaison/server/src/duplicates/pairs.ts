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

/** A record's blocking keys: student number, phone, e-mail, and its name's pinyin letters within its class. */
const KINDS = 4;
const keyOf = (r: Candidate, kind: number): string | null => {
  if (kind === 0) return studentNoKey(r.studentNo);
  if (kind === 1) return phoneKey(r.phone);
  if (kind === 2) return emailKey(r.email);
  if (r.cohort === null) return null;
  const block = nameBlock(r.name, r.searchKey);
  return block && `${r.cohort}|${block}`;
};

/** 53 bits of two FNV-1a hashes of a key: equal keys hash alike; unequal ones almost never do (checked). */
const hashOf = (kind: number, key: string) => {
  let a = 0x811c9dc5 ^ kind;
  let b = 0x01000193 ^ (kind * 0x9e3779b1);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
};

/**
 * Probable duplicates among `records`: each record goes into a block per key (student
 * number without prefix and leading zeros, phone, e-mail, and its name's pinyin letters
 * within its class); only records in one block are compared. Pairs come out once, with
 * every piece of evidence that links them and their combined score, from MIN_SCORE up.
 *
 * The blocks are found by sorting the keys' hashes (numbers in typed arrays, about 12 bytes
 * a key), not in a map of every key: at 300,000 alumni that is 15 MB instead of 150.
 */
export const findPairs = (input: Iterable<Candidate>): { pairs: Pair[]; skippedBlocks: number } => {
  const records = Array.isArray(input) ? (input as Candidate[]) : [...input];
  const hashes = new Float64Array(records.length * KINDS).fill(NaN);
  let entries = 0;
  for (let i = 0; i < records.length; i++) {
    for (let kind = 0; kind < KINDS; kind++) {
      const key = keyOf(records[i], kind);
      if (key) {
        hashes[i * KINDS + kind] = hashOf(kind, key);
        entries++;
      }
    }
  }
  const order = new Uint32Array(entries);
  for (let slot = 0, n = 0; slot < hashes.length; slot++) if (!Number.isNaN(hashes[slot])) order[n++] = slot;
  order.sort((x, y) => hashes[x] - hashes[y] || x - y);

  const found = new Map<string, { first: number; second: number; evidence: Evidence[] }>();
  const names = new Map<number, NameForms>();
  let skippedBlocks = 0;
  const compare = (kind: number, members: Candidate[]) => {
    if (members.length > MAX_BLOCK) {
      skippedBlocks++;
      return;
    }
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = members[i].id < members[j].id ? [members[i], members[j]] : [members[j], members[i]];
        if (a.id === b.id) continue;
        let evidence: Evidence | null;
        if (kind === 0) evidence = { key: 'studentNo', detail: `${a.studentNo} / ${b.studentNo}` };
        else if (kind === 1) evidence = { key: 'phone', detail: phoneKey(a.phone)! };
        else if (kind === 2) evidence = { key: 'email', detail: emailKey(a.email)! };
        else evidence = nameEvidence(a, b, names);
        if (!evidence) continue;
        const id = `${a.id}:${b.id}`;
        const pair = found.get(id) ?? { first: a.id, second: b.id, evidence: [] };
        if (!pair.evidence.some((e) => e.key === evidence!.key)) pair.evidence.push(evidence);
        found.set(id, pair);
      }
    }
  };
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && hashes[order[end]] === hashes[order[start]]) end++;
    if (end - start >= 2) {
      // One hash, usually one key (the kind is in the hash): the members grouped by their key.
      const blocks = new Map<string, { kind: number; members: Candidate[] }>();
      for (let k = start; k < end; k++) {
        const slot = order[k];
        const kind = slot % KINDS;
        const record = records[(slot - kind) / KINDS];
        const key = `${kind}|${keyOf(record, kind)}`;
        const block = blocks.get(key);
        if (block) block.members.push(record);
        else blocks.set(key, { kind, members: [record] });
      }
      for (const block of blocks.values()) if (block.members.length >= 2) compare(block.kind, block.members);
    }
    start = end;
  }
  const pairs = [...found.values()].map((p) => ({ ...p, score: combine(p.evidence) })).filter((p) => p.score >= MIN_SCORE);
  return { pairs, skippedBlocks };
};
