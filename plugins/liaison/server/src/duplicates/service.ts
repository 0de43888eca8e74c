import type { Core } from '@strapi/strapi';
import type { DuplicatePair, DuplicatePairDetail, DuplicatesResponse, ScanStatus } from '../admin-api-types';
import type { NetworkScope } from '../access/types';
import { containsPattern } from '../board/search-index';
import { fieldError } from '../rules/field-error';
import { columnOf, joinOf, jsonColumn, tableOf } from '../utils/db';
import { conflictError } from '../utils/errors';
import type { DuplicatesQuery } from './inputs';
import { MERGE_FIELDS } from './merge';
import { ALUMNUS, PAIR, findAll, storePairs, type ScanOutcome } from './scan';

const COHORT = 'plugin::liaison.cohort';
const COLLEGE = 'plugin::liaison.college';
const LEDGER = 'plugin::liaison.job-run';
export const SCAN_JOB = 'duplicates-scan';
/** How long a requested scan waits for another instance's to be written, and how often it tries. */
const BUSY_WAIT_MS = 10 * 60_000;
const BUSY_RETRY_MS = 1000;

type User = { id: number; roles?: { code?: string; name?: string }[] } | null | undefined;

/** Evidence a user whose role does not read contact details sees without the detail. */
const CONTACT_EVIDENCE = ['phone', 'email'];

/**
 * Probable duplicates: the scan (a job, once across instances), the review list, one
 * pair with both records side by side, and dismissing a pair for good.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let running: { startedAt: Date; done: Promise<ScanOutcome | null> } | null = null;
  let queued: { startedAt: Date; done: Promise<ScanOutcome | null> } | null = null;
  let lastFailure: { startedAt: Date; finishedAt: Date } | null = null;

  const scopeOf = (user: User): Promise<NetworkScope> => strapi.plugin('liaison').service('access').scopeOf(user);

  /**
   * The pairs' query with both records, their class and college; limited to the user's
   * colleges. `pairs`: the pairs to start from (a page of them), else all.
   */
  const pairsQuery = (access: NetworkScope, pairs?: any) => {
    const p = (attribute: string) => `p.${columnOf(strapi, PAIR, attribute)}`;
    const cohort = joinOf(strapi, ALUMNUS, 'cohort');
    const college = joinOf(strapi, COHORT, 'college');
    const q: any = pairs ? strapi.db.connection.from(pairs.as('p')) : strapi.db.connection(`${tableOf(strapi, PAIR)} as p`);
    for (const side of ['a', 'b']) {
      q.join(`${tableOf(strapi, ALUMNUS)} as ${side}`, `${side}.id`, side === 'a' ? p('first') : p('second'))
        .leftJoin(`${cohort.table} as ${side}l`, `${side}l.${cohort.from}`, `${side}.id`)
        .leftJoin(`${tableOf(strapi, COHORT)} as ${side}k`, `${side}k.id`, `${side}l.${cohort.to}`)
        .leftJoin(`${college.table} as ${side}m`, `${side}m.${college.from}`, `${side}k.id`)
        .leftJoin(`${tableOf(strapi, COLLEGE)} as ${side}c`, `${side}c.id`, `${side}m.${college.to}`);
      if (!access.all) q.whereIn(`${side}m.${college.to}`, access.colleges.length ? access.colleges : [-1]);
    }
    return q;
  };

  /**
   * Pairs where either one's name or student number holds the words (any case; % and _ are
   * themselves): the alumni who match are found first, and the pairs by their ids, so that
   * the pairs are never joined to both records before they are narrowed.
   */
  const naming = (q: any, words: string | undefined, prefix = '') => {
    if (!words) return q;
    const pattern = containsPattern(words.toLowerCase());
    const named = () =>
      strapi.db
        .connection(tableOf(strapi, ALUMNUS))
        .select('id')
        .whereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [columnOf(strapi, ALUMNUS, 'name'), pattern])
        .orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [columnOf(strapi, ALUMNUS, 'studentNo'), pattern]);
    return q.where((w: any) => w.whereIn(`${prefix}${columnOf(strapi, PAIR, 'first')}`, named()).orWhereIn(`${prefix}${columnOf(strapi, PAIR, 'second')}`, named()));
  };

  const sideColumns = (side: 'a' | 'b') => {
    const a = (attribute: string) => `${side}.${columnOf(strapi, ALUMNUS, attribute)}`;
    return {
      [`${side}_documentId`]: a('documentId'),
      [`${side}_name`]: a('name'),
      [`${side}_studentNo`]: a('studentNo'),
      [`${side}_cohort`]: `${side}k.${columnOf(strapi, COHORT, 'className')}`,
      [`${side}_gradYear`]: `${side}k.${columnOf(strapi, COHORT, 'gradYear')}`,
      [`${side}_college`]: `${side}c.${columnOf(strapi, COLLEGE, 'name')}`,
    };
  };

  const present = (r: any, access: NetworkScope): DuplicatePair => {
    const side = (s: 'a' | 'b') => ({
      documentId: r[`${s}_documentId`],
      name: r[`${s}_name`],
      studentNo: r[`${s}_studentNo`] ?? null,
      cohort: r[`${s}_cohort`] ?? null,
      gradYear: r[`${s}_gradYear`] === null || r[`${s}_gradYear`] === undefined ? null : Number(r[`${s}_gradYear`]),
      college: r[`${s}_college`] ?? null,
    });
    const evidence = jsonColumn(r.evidence) ?? [];
    return {
      documentId: r.documentId,
      a: side('a'),
      b: side('b'),
      score: Number(r.score),
      evidence: evidence.map((e: any) => (access.all || !CONTACT_EVIDENCE.includes(e.key) ? e : { key: e.key, detail: '' })),
      status: r.status,
    };
  };

  const select = () => ({
    documentId: `p.${columnOf(strapi, PAIR, 'documentId')}`,
    score: `p.${columnOf(strapi, PAIR, 'score')}`,
    evidence: `p.${columnOf(strapi, PAIR, 'evidence')}`,
    status: `p.${columnOf(strapi, PAIR, 'pairStatus')}`,
    ...sideColumns('a'),
    ...sideColumns('b'),
  });

  const service = {
    /** The scan's state: running here, or the last run any instance finished (the jobs ledger). */
    async scanStatus(): Promise<ScanStatus> {
      const current = running ?? queued;
      if (current) return { status: 'running', startedAt: current.startedAt.toISOString(), finishedAt: null, alumni: null, pairs: null, ms: null };
      const last = await strapi.db.query(LEDGER).findOne({ where: { job: SCAN_JOB, finishedAt: { $notNull: true } }, orderBy: { finishedAt: 'desc' } });
      if (lastFailure && (!last || new Date(last.finishedAt) < lastFailure.finishedAt)) {
        return { status: 'failed', startedAt: lastFailure.startedAt.toISOString(), finishedAt: lastFailure.finishedAt.toISOString(), alumni: null, pairs: null, ms: null };
      }
      if (!last) return { status: 'idle', startedAt: null, finishedAt: null, alumni: null, pairs: null, ms: null };
      let outcome: Partial<ScanOutcome> = {};
      try {
        outcome = JSON.parse(last.outcome ?? '{}') ?? {};
      } catch {
        outcome = {};
      }
      return {
        status: 'done',
        startedAt: new Date(last.startedAt).toISOString(),
        finishedAt: new Date(last.finishedAt).toISOString(),
        alumni: outcome.alumni ?? null,
        pairs: outcome.pairs ?? null,
        ms: outcome.ms ?? null,
      };
    },

    /**
     * Finds every probable pair and stores them. The reading and comparing happen outside
     * any transaction; the writing in the jobs ledger's (one instance at a time on
     * PostgreSQL: while another instance writes, this one waits its turn). A request while
     * this instance scans gets one more scan after the running one, which read the records
     * as they were before the request; any further requests meanwhile share that one.
     * `slot`: the nightly run's scheduled time, the same on every instance, so that one writes.
     */
    scan(slot?: Date): Promise<ScanOutcome | null> {
      if (running) {
        if (slot) return running.done;
        if (!queued) {
          const requestedAt = new Date();
          const next = running.done.catch(() => null).then(() => {
            queued = null;
            return service.scan();
          });
          queued = { startedAt: requestedAt, done: next };
        }
        return queued.done;
      }
      const startedAt = slot ?? new Date();
      const done = (async () => {
        const began = Date.now();
        let outcome: ScanOutcome | null = null;
        const write = (found: Awaited<ReturnType<typeof findAll>>) =>
          strapi
            .plugin('liaison')
            .service('jobs')
            .runOnce(SCAN_JOB, startedAt, () =>
              strapi.db.transaction(async ({ trx }) => {
                const stored = await storePairs(strapi, trx, found.pairs);
                outcome = { alumni: found.alumni, pairs: found.pairs.length, skippedBlocks: found.skippedBlocks, ...stored, ms: Date.now() - began };
                return outcome;
              })
            );
        // Another instance writing its scan: a requested scan waits until it is written, then reads
        // again, so that it never writes an older reading over a newer scan (the nightly slot is that instance's).
        const jobs = strapi.plugin('liaison').service('jobs');
        let result = await write(await findAll(strapi));
        for (let waited = 0; result === 'busy' && !slot && waited < BUSY_WAIT_MS; waited += BUSY_RETRY_MS) {
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          if (!(await jobs.isRunning(SCAN_JOB))) result = await write(await findAll(strapi));
        }
        return outcome;
      })();
      running = { startedAt, done };
      done
        .catch((error) => {
          lastFailure = { startedAt, finishedAt: new Date() };
          strapi.log.error(`duplicates: the scan failed: ${(error as Error)?.stack ?? error}`);
        })
        .finally(() => {
          running = null;
        });
      return done;
    },

    async list(query: DuplicatesQuery, user: User): Promise<DuplicatesResponse> {
      const access = await scopeOf(user);
      const score = columnOf(strapi, PAIR, 'score');
      const order = [{ column: score, order: 'desc' }, { column: 'id', order: 'desc' }];
      const filter = (q: any, prefix = '') =>
        naming(q.where(`${prefix}${columnOf(strapi, PAIR, 'pairStatus')}`, query.status).andWhere(`${prefix}${score}`, '>=', query.minScore), query.q, prefix);
      const offset = (query.page - 1) * query.pageSize;
      let rows: any[];
      let n: unknown;
      if (access.all) {
        // The page is cut from the pairs alone (an index scan of status and score), then joined.
        const page = filter(strapi.db.connection(tableOf(strapi, PAIR)).select('*')).orderBy(order).limit(query.pageSize).offset(offset);
        [rows, [{ n }]] = await Promise.all([
          pairsQuery(access, page).select(select()).orderBy(order.map((o) => ({ ...o, column: `p.${o.column}` }))),
          filter(strapi.db.connection(tableOf(strapi, PAIR))).count({ n: '*' }),
        ]);
      } else {
        [rows, [{ n }]] = await Promise.all([
          filter(pairsQuery(access), 'p.').select(select()).orderBy(order.map((o) => ({ ...o, column: `p.${o.column}` }))).limit(query.pageSize).offset(offset),
          filter(pairsQuery(access), 'p.').count({ n: 'p.id' }),
        ]);
      }
      const scan = await service.scanStatus();
      const total = Number(n);
      return {
        data: rows.map((r: any) => present(r, access)),
        meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total }, scan },
      };
    },

    /** One pair with both records field by field, or null (unknown, or outside the user's colleges). */
    async findOne(documentId: string, user: User): Promise<DuplicatePairDetail | null> {
      const access = await scopeOf(user);
      const row = await pairsQuery(access).where(`p.${columnOf(strapi, PAIR, 'documentId')}`, documentId).first(select());
      if (!row) return null;
      const pair = present(row, access);
      const merge = strapi.plugin('liaison').service('merge');
      const [a, b] = await Promise.all([merge.load({ documentId: pair.a.documentId }), merge.load({ documentId: pair.b.documentId })]);
      const records = { a: await merge.present(a), b: await merge.present(b) };
      if (!access.all) {
        // What College Staff may not read of alumni (access/conditions: no contact details).
        for (const r of [records.a, records.b]) for (const f of ['phone', 'email', 'wechat', 'employer', 'jobTitle']) r.values[f] = null;
      }
      const fields = [...MERGE_FIELDS] as string[];
      return { ...pair, records, fields, differing: fields.filter((f) => JSON.stringify(records.a.values[f] ?? null) !== JSON.stringify(records.b.values[f] ?? null)) };
    },

    /** Not the same person: the pair is kept as dismissed and never offered again. Null when unknown. */
    async dismiss(documentId: string, user: User): Promise<DuplicatePair | null> {
      const access = await scopeOf(user);
      const row = await pairsQuery(access).where(`p.${columnOf(strapi, PAIR, 'documentId')}`, documentId).first(select());
      if (!row) return null;
      if (row.status === 'merged') throw conflictError([fieldError('documentId', 'duplicates.merged')]);
      await strapi.db.query(PAIR).update({ where: { documentId }, data: { pairStatus: 'dismissed', decidedAt: new Date(), decidedBy: user?.id ?? null } });
      return { ...present(row, access), status: 'dismissed' };
    },
  };
  return service;
};
