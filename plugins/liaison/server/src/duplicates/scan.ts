import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { insertDocuments, updateRows } from '../utils/bulk-insert';
import { columnOf, joinOf, jsonColumn, tableOf } from '../utils/db';
import { findPairs, type Candidate, type Pair } from './pairs';

export const ALUMNUS = 'plugin::liaison.alumnus';
export const PAIR = 'plugin::liaison.duplicate-pair';

/** Rows read at a time: the driver's rows of one part are let go before the next is read. */
const PART = 20000;

/** Every alumnus as the comparison reads it, in id order, part by part; its class through the link table. */
export const loadCandidates = async (strapi: Core.Strapi, knex: Knex = strapi.db.connection): Promise<Candidate[]> => {
  const a = (attribute: string) => `a.${columnOf(strapi, ALUMNUS, attribute)}`;
  const cohort = joinOf(strapi, ALUMNUS, 'cohort');
  const candidates: Candidate[] = [];
  for (let after = 0; ; ) {
    const rows = await knex(`${tableOf(strapi, ALUMNUS)} as a`)
      .leftJoin(`${cohort.table} as ac`, `ac.${cohort.from}`, 'a.id')
      .select({
        id: 'a.id',
        name: a('name'),
        studentNo: a('studentNo'),
        phone: a('phone'),
        email: a('email'),
        searchKey: a('searchKey'),
        cohort: `ac.${cohort.to}`,
      })
      .where('a.id', '>', after)
      .orderBy('a.id')
      .limit(PART);
    for (const r of rows as any[]) {
      candidates.push({
        id: Number(r.id),
        name: String(r.name ?? ''),
        studentNo: r.studentNo ?? null,
        phone: r.phone ?? null,
        email: r.email ?? null,
        searchKey: r.searchKey ?? null,
        cohort: r.cohort === null || r.cohort === undefined ? null : Number(r.cohort),
      });
    }
    if (rows.length < PART) return candidates;
    after = Number(rows[rows.length - 1].id);
  }
};

export interface ScanOutcome {
  alumni: number;
  pairs: number;
  added: number;
  changed: number;
  removed: number;
  skippedBlocks: number;
  ms: number;
}

const sameEvidence = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Brings the stored pairs in line with what the scan found, in the caller's transaction:
 * new pairs added, open pairs' scores and evidence refreshed, open pairs no longer found
 * removed. A pair staff dismissed (or merged) stays as it is and is never offered again.
 */
export const storePairs = async (strapi: Core.Strapi, trx: Knex, found: Pair[]) => {
  const col = (attribute: string) => columnOf(strapi, PAIR, attribute);
  const table = tableOf(strapi, PAIR);
  const stored = await trx(table).select({ id: 'id', first: col('first'), second: col('second'), status: col('pairStatus'), score: col('score'), evidence: col('evidence') });
  const byKey = new Map<string, any>(stored.map((r: any) => [`${r.first}:${r.second}`, r]));
  const fresh: Pair[] = [];
  const changed: { id: number; values: unknown[] }[] = [];
  const seen = new Set<string>();
  for (const pair of found) {
    const key = `${pair.first}:${pair.second}`;
    seen.add(key);
    const before = byKey.get(key);
    if (!before) fresh.push(pair);
    else if (before.status === 'open') {
      const evidence = jsonColumn(before.evidence);
      if (Number(before.score) !== pair.score || !sameEvidence(evidence, pair.evidence)) changed.push({ id: Number(before.id), values: [pair.score, pair.evidence] });
    }
  }
  const gone = stored.filter((r: any) => r.status === 'open' && !seen.has(`${r.first}:${r.second}`)).map((r: any) => Number(r.id));
  await insertDocuments(
    strapi,
    trx,
    PAIR,
    fresh.map((p) => ({ data: { first: p.first, second: p.second, score: p.score, evidence: p.evidence, pairStatus: 'open' } }))
  );
  await updateRows(strapi, trx, PAIR, ['score', 'evidence'], changed);
  for (let from = 0; from < gone.length; from += 5000) await trx(table).whereIn('id', gone.slice(from, from + 5000)).delete();
  return { added: fresh.length, changed: changed.length, removed: gone.length };
};

/** Reads every alumnus, finds the probable pairs (outside any transaction: it only reads). */
export const findAll = async (strapi: Core.Strapi) => {
  const candidates = await loadCandidates(strapi);
  return { alumni: candidates.length, ...findPairs(candidates) };
};
