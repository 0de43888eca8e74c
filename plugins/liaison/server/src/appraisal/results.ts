import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Dimension } from '../vocabulary';
import { fieldError } from '../rules/field-error';
import { requestLanguage, validationError } from '../utils/errors';
import { DEFAULT_SORT } from './rules';
import type { ResultsQuery } from './inputs';
import { criteriaOf, day, n, presentCycle, UID, type Deps, type User } from './deps';
import { jsonColumn } from '../utils/db';
import { commentsOf, countFiltered, gradeCounts, gradesOfRow, resultRows, type ResultsFilter } from './queries';
import { postLabelIn } from '../services/post-labels';
import type { AppraisalHistoryEntry, ResultRow, ResultsResponse } from '../admin-api-types';

const SCOPE_UID: Record<Dimension, string> = {
  cohort: UID.cohort,
  college: UID.college,
  region: UID.chapter,
  industry: UID.industry,
};

/** The results' filters as the queries take them: the scope by its id (400 naming `scope` when it has none). */
const filterOf = async (strapi: Core.Strapi, query: ResultsQuery): Promise<ResultsFilter & { page: number; pageSize: number }> => {
  const q: ResultsFilter & { page: number; pageSize: number } = { dimension: query.dimension, grade: query.grade, sort: query.sort, page: query.page, pageSize: query.pageSize };
  if (query.scope !== undefined && query.dimension) {
    const scope = await strapi.db.query(SCOPE_UID[query.dimension] as any).findOne({ where: { documentId: query.scope }, select: ['id'] });
    if (!scope) throw validationError([fieldError('scope', 'assignment.noScope', { dimension: query.dimension })]);
    q.scopeKey = `${query.dimension}:${scope.id}`;
  }
  return q;
};

const presentResult = (r: any, comments: any[], user: User): ResultRow => ({
  appraisal: { documentId: r.document_id },
  post: {
    documentId: r.post_document_id,
    dimension: r.dimension,
    label: postLabelIn(r.post_label, requestLanguage(), r.scope_name_en),
    scope: { documentId: r.scope_document_id, name: (requestLanguage() === 'en' && r.scope_name_en) || r.scope_name },
  },
  alumnus: { documentId: r.alumnus_document_id, name: r.alumnus_name },
  measures: jsonColumn(r.measures) ?? {},
  scores: jsonColumn(r.scores) ?? {},
  total: n(r.a_total),
  grade: r.a_grade,
  rank: n(r.a_rank),
  scopeRank: n(r.scope_rank),
  myScores: Object.fromEntries(comments.filter((x) => x.reviewerId === user?.id).map((x) => [x.criterion, x.score])),
  comments: comments.map((x) => ({
    criterion: x.criterion,
    reviewer: x.reviewer,
    score: x.score,
    comment: x.comment,
  })),
});

/** A cycle's results (page, counts, grade distribution), its export, and a liaison's results across cycles. */
export const results = ({ strapi, findCycle, collegesOf }: Deps) => ({
  async results(documentId: string, query: ResultsQuery, user: User): Promise<ResultsResponse> {
    const cycle = await findCycle(documentId);
    const q = await filterOf(strapi, query);
    const colleges = await collegesOf(user);
    const rows = await resultRows(strapi, cycle, colleges, q);
    const comments = await commentsOf(
      strapi,
      rows.map((r: any) => Number(r.id)),
    );
    const first = rows[0];
    const total = first ? Number(first.filtered_rows) : await countFiltered(strapi, cycle, colleges, q);
    return {
      data: rows.map((r: any) => presentResult(r, comments.get(Number(r.id)) ?? [], user)),
      meta: {
        cycle: presentCycle(cycle),
        pagination: {
          page: q.page,
          pageSize: q.pageSize,
          pageCount: Math.ceil(total / q.pageSize),
          total,
        },
        grades: first ? gradesOfRow(first) : await gradeCounts(strapi, cycle, colleges, q),
      },
    };
  },

  /** Every row of the cycle (within the user's colleges), as the export's table. */
  async exportTable(documentId: string, user: User) {
    const cycle = await findCycle(documentId);
    const colleges = await collegesOf(user);
    const criteria = criteriaOf(cycle);
    const rows = await resultRows(strapi, cycle, colleges, { sort: DEFAULT_SORT });
    const zh = requestLanguage() === 'zh-Hans';
    const header = [
      zh ? '姓名' : 'Name',
      zh ? '维度' : 'Dimension',
      zh ? '范围' : 'Scope',
      zh ? '岗位' : 'Post',
      ...criteria.map((x) => `${x.key} (${x.weight}%)`),
      zh ? '总分' : 'Total',
      zh ? '等级' : 'Grade',
      zh ? '维度排名' : 'Rank in dimension',
      zh ? '范围内排名' : 'Rank in scope',
    ];
    const body = rows.map((r: any) => {
      const measures = jsonColumn(r.measures) ?? {};
      const scores = jsonColumn(r.scores) ?? {};
      return [
        r.alumnus_name ?? '',
        r.dimension ?? '',
        r.scope_name ?? '',
        r.post_label ?? '',
        ...criteria.map((x) => (x.kind === 'measured' ? (measures[x.key] ?? 0) : (scores[x.key] ?? ''))),
        n(r.a_total) ?? '',
        r.a_grade ?? '',
        n(r.a_rank) ?? '',
        n(r.scope_rank) ?? '',
      ];
    });
    return { cycle: presentCycle(cycle), header, rows: body };
  },

  /** A liaison's results across cycles. */
  async history(alumnusDocumentId: string, user: User): Promise<AppraisalHistoryEntry[]> {
    const alumnus =
      typeof alumnusDocumentId === 'string'
        ? await strapi.db.query(UID.alumnus).findOne({
            where: { documentId: alumnusDocumentId },
            select: ['id'],
          })
        : null;
    if (!alumnus) throw new errors.NotFoundError('No alumnus has this documentId');
    const colleges = await collegesOf(user);
    const rows = await strapi.db.query(UID.appraisal).findMany({
      where: {
        liaison: { alumnus: { id: alumnus.id } },
        ...(colleges ? { collegeId: { $in: colleges.length ? colleges : [-1] } } : {}),
      },
      populate: {
        cycle: true,
        liaison: { select: ['documentId', 'dimension', 'label'] },
      },
    });
    return rows
      .filter((r: any) => r.cycle)
      .sort((a: any, b: any) => String(day(b.cycle.periodStart)).localeCompare(String(day(a.cycle.periodStart))))
      .map((r: any) => ({
        appraisal: { documentId: r.documentId },
        cycle: presentCycle(r.cycle),
        post: {
          documentId: r.liaison?.documentId,
          dimension: r.liaison?.dimension,
          label: postLabelIn(r.liaison?.label, requestLanguage()),
        },
        total: n(r.total),
        grade: r.grade,
        rank: n(r.rank),
        scopeRank: n(r.scopeRank),
      }));
  },
});
