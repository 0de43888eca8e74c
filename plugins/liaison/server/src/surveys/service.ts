import type { Core } from '@strapi/strapi';
import type { SurveyDetail, SurveyListResponse, SurveyResults, SurveyScopeRef } from '../api-types/surveys';
import type { Dimension } from '../vocabulary';
import { fieldError } from '../rules/field-error';
import { conflictError, validationError } from '../utils/errors';
import { joinOf, rowsOf } from '../utils/db';
import type { SurveyInput } from './inputs';
import { resultsOf } from './results';
import { sender } from './send';
import { SCOPE_RELATIONS, SURVEY } from './sql';
import {
  canSee,
  countsOf,
  detailOf,
  editableSurvey,
  loadSurvey,
  reachOf,
  resolveScopes,
  scopeRelations,
  SURVEY_POPULATE,
  toRow,
  summaryOf,
  surveyFor,
  visibleScopes,
  type Reach,
} from './store';

const UPDATABLE_WHEN_SENT = new Set(['closesAt']);

/** `strapi.plugin('liaison').service('surveys')`: staff's surveys, from the draft to the results. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const send = sender(strapi);
  const documents = () => strapi.documents(SURVEY as any);

  const detail = async (documentId: string, reach: Reach): Promise<SurveyDetail> => {
    const row = await surveyFor(strapi, documentId, reach);
    const counts = (await countsOf(strapi, [row.id], reach)).get(row.id);
    return detailOf(row, reach, counts, send.progressOf(row.id));
  };

  /** Ids of the surveys a College Staff sees: theirs, or with a class or college of their colleges (one statement). */
  const visibleIds = async (reach: Reach): Promise<number[]> => {
    const colleges = reach.colleges.length ? reach.colleges : [0];
    const inList = colleges.map(() => '?').join(', ');
    const sc = joinOf(strapi, SURVEY, SCOPE_RELATIONS.cohort.field);
    const scol = joinOf(strapi, SURVEY, SCOPE_RELATIONS.college.field);
    const cc = joinOf(strapi, 'plugin::liaison.cohort', 'college');
    const su = joinOf(strapi, SURVEY, 'createdByUser');
    const rows = rowsOf(
      await strapi.db.connection.raw(
        `SELECT sc.${sc.from} AS id FROM ${sc.table} sc JOIN ${cc.table} cc ON cc.${cc.from} = sc.${sc.to} WHERE cc.${cc.to} IN (${inList})
        UNION SELECT scol.${scol.from} FROM ${scol.table} scol WHERE scol.${scol.to} IN (${inList})
        UNION SELECT su.${su.from} FROM ${su.table} su WHERE su.${su.to} = ?`,
        [...colleges, ...colleges, reach.userId ?? 0],
      ),
    );
    return rows.map((r: any) => Number(r.id));
  };

  return {
    reachOf: (state: any) => reachOf(strapi, state),
    detail,
    idle: () => send.idle(),

    async list(filter: { status?: string; page: number; pageSize: number }, reach: Reach): Promise<SurveyListResponse> {
      const where: any = {};
      if (!reach.all) where.id = { $in: await visibleIds(reach) };
      const now = new Date();
      if (filter.status === 'draft') where.surveyStatus = 'draft';
      if (filter.status === 'sent') Object.assign(where, { surveyStatus: 'sent', $or: [{ closesAt: null }, { closesAt: { $gt: now } }] });
      if (filter.status === 'closed') where.$or = [{ surveyStatus: 'closed' }, { surveyStatus: 'sent', closesAt: { $lte: now } }];
      const query = strapi.db.query(SURVEY as any);
      const [rows, total] = await Promise.all([
        query.findMany({
          where,
          orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
          offset: (filter.page - 1) * filter.pageSize,
          limit: filter.pageSize,
          populate: SURVEY_POPULATE,
        }),
        query.count({ where }),
      ]);
      const counts = await countsOf(strapi, rows.map((r: any) => r.id), reach);
      return {
        data: rows.map(toRow).map((r) => summaryOf(r, counts.get(r.id))),
        meta: { pagination: { page: filter.page, pageSize: filter.pageSize, pageCount: Math.ceil(total / filter.pageSize), total } },
      };
    },

    /** A new draft. College Staff: only their colleges and their classes as scopes (403 naming the scope). */
    async create(input: SurveyInput & { title: string }, reach: Reach): Promise<SurveyDetail> {
      const scopes = await resolveScopes(strapi, input.scopes ?? [], reach);
      const { scopes: _ignored, ...fields } = input;
      const created = await documents().create({
        data: { ...fields, surveyStatus: 'draft', ...scopeRelations(scopes), ...(reach.userId ? { createdByUser: reach.userId } : {}) } as any,
      });
      return detail(created.documentId, reach);
    },

    /** Changes a draft; a sent survey only its close date (409 naming any other field). */
    async update(documentId: string, input: SurveyInput, reach: Reach): Promise<SurveyDetail> {
      const row = await editableSurvey(strapi, documentId, reach);
      if (row.surveyStatus !== 'draft') {
        const locked = Object.keys(input).filter((k) => !UPDATABLE_WHEN_SENT.has(k));
        if (locked.length) throw conflictError(locked.map((k) => fieldError(k, 'surveys.sentLocked')));
        if (input.closesAt === null) throw validationError([fieldError('closesAt', 'surveys.noClose')]);
      }
      const { scopes: scopeInput, ...fields } = input;
      const scopes = scopeInput ? await resolveScopes(strapi, scopeInput, reach) : null;
      await documents().update({ documentId, data: { ...fields, ...(scopes ? scopeRelations(scopes) : {}) } as any });
      return detail(documentId, reach);
    },

    /** Starts sending (202): the job invites the scopes' consenting alumni not invited yet. */
    async send(documentId: string, reach: Reach): Promise<SurveyDetail> {
      const row = await editableSurvey(strapi, documentId, reach);
      const sending = await send.start(row);
      const fresh = (await loadSurvey(strapi, { id: row.id }))!;
      return detailOf(fresh, reach, (await countsOf(strapi, [row.id], reach)).get(row.id), sending);
    },

    async results(documentId: string, reach: Reach): Promise<SurveyResults> {
      const row = await surveyFor(strapi, documentId, reach);
      return resultsOf(strapi, row, visibleScopes(reach, row), reach.all);
    },

    /** Scopes a survey may go to, for the picker: of one dimension, matching `q`, within the caller's reach (at most 50). */
    async scopeOptions(kind: Dimension, q: string | undefined, reach: Reach): Promise<SurveyScopeRef[]> {
      if (!reach.all && (kind === 'region' || kind === 'industry')) return [];
      const rel = SCOPE_RELATIONS[kind];
      const where: any = q ? { [rel.name]: { $containsi: q } } : {};
      if (!reach.all) {
        const colleges = reach.colleges.length ? reach.colleges : [0];
        where[kind === 'college' ? 'id' : 'college'] = kind === 'college' ? { $in: colleges } : { id: { $in: colleges } };
      }
      const rows: any[] = await strapi.db.query(rel.uid as any).findMany({ where, select: ['documentId', rel.name], orderBy: [{ [rel.name]: 'asc' }], limit: 50 });
      return rows.map((r) => ({ kind, documentId: r.documentId, name: r[rel.name] ?? '' }));
    },
  };
};

