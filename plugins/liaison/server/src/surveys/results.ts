import type { Core } from '@strapi/strapi';
import type { SurveyQuestionFigures, SurveyQuestionResult, SurveyResults, SurveyScopeRate } from '../api-types/surveys';
import { rowsOf } from '../utils/db';
import { inLanguage, storedQuestions, type Lang } from './questions';
import { answerValues, invitationsTable, membership, scopeKey, type SurveyScope } from './sql';
import { summaryOf, type SurveyRow } from './store';

const ALL = 'all';

/** How many of a scope's invited answered, as a percentage with one decimal (null: nobody invited). */
export const rateOf = (invited: number, answered: number) => (invited ? Math.round((1000 * answered) / invited) / 10 : null);

/**
 * A survey's results for the scopes the caller sees: invited and answered per scope (one
 * statement), and for every question at once (one statement) how many answered, how many
 * chose each option, and numbers' mean, least and greatest, overall and per scope. `all` is
 * every invitation for the office; for College Staff, their scopes' alumni together.
 */
export const resultsOf = async (strapi: Core.Strapi, row: SurveyRow, scopes: SurveyScope[], whole: boolean): Promise<SurveyResults> => {
  const questions = storedQuestions(row.questions);
  const keys = (s: number) => (s < 0 ? ALL : scopeKey(scopes[s]));
  const m = membership(strapi, scopes, { surveyId: row.id, of: whole ? 'invitations' : 'scopes' });

  const rates = rowsOf(
    await strapi.db.connection.raw(
      `WITH m AS (${m.sql})
      SELECT m.s AS s, COUNT(*) AS invited, SUM(CASE WHEN inv.answered_at IS NULL THEN 0 ELSE 1 END) AS answered
        FROM ${invitationsTable(strapi)} inv JOIN m ON m.alumnus_id = inv.alumnus_id
        WHERE inv.survey_id = ? GROUP BY m.s`,
      [...m.bindings, row.id],
    ),
  );
  const rateBy = new Map(rates.map((r: any) => [Number(r.s), { invited: Number(r.invited), answered: Number(r.answered ?? 0) }]));
  const scopeRates: SurveyScopeRate[] = [-1, ...scopes.map((_, i) => i)].map((s) => {
    const c = rateBy.get(s) ?? { invited: 0, answered: 0 };
    const scope = s < 0 ? null : scopes[s];
    return { key: keys(s), kind: scope?.kind ?? null, documentId: scope?.documentId ?? null, name: scope?.name ?? '', ...c, rate: rateOf(c.invited, c.answered) };
  });

  const figures = new Map<string, SurveyQuestionFigures>();
  const figure = (question: string, s: number) => {
    const k = `${question}\u0000${keys(s)}`;
    if (!figures.has(k)) figures.set(k, { answered: 0, counts: {}, mean: null, min: null, max: null });
    return figures.get(k)!;
  };
  if (questions.length) {
    const v = answerValues(strapi);
    const choiceKeys = questions.filter((q) => q.kind === 'single' || q.kind === 'multiple').map((q) => q.key);
    const numberKeys = questions.filter((q) => q.kind === 'number').map((q) => q.key);
    const list = (keys: string[]) => (keys.length ? keys.map(() => '?').join(', ') : 'NULL');
    const num = v.number(v.value);
    // An answer counts in a scope when its alumnus is in it (the "all" rows: as the rates above).
    const rows = rowsOf(
      await strapi.db.connection.raw(
        `WITH m AS (${m.sql})
        SELECT m.s AS s, ${v.question} AS question, ${v.value} AS value, COUNT(DISTINCT an.id) AS n, NULL AS mean, NULL AS least, NULL AS greatest
          FROM ${v.from} JOIN m ON m.alumnus_id = ${v.alumnusId}
          WHERE ${v.surveyId} = ? AND ${v.question} IN (${list(choiceKeys)})
          GROUP BY m.s, ${v.question}, ${v.value}
        UNION ALL
        SELECT m.s AS s, ${v.question} AS question, NULL AS value, COUNT(DISTINCT an.id) AS n,
            AVG(CASE WHEN ${v.question} IN (${list(numberKeys)}) THEN ${num} END) AS mean,
            MIN(CASE WHEN ${v.question} IN (${list(numberKeys)}) THEN ${num} END) AS least,
            MAX(CASE WHEN ${v.question} IN (${list(numberKeys)}) THEN ${num} END) AS greatest
          FROM ${v.from} JOIN m ON m.alumnus_id = ${v.alumnusId}
          WHERE ${v.surveyId} = ?
          GROUP BY m.s, ${v.question}`,
        [...m.bindings, row.id, ...choiceKeys, ...numberKeys, ...numberKeys, ...numberKeys, row.id],
      ),
    );
    for (const r of rows as any[]) {
      const f = figure(String(r.question), Number(r.s));
      if (r.value === null || r.value === undefined) {
        f.answered = Number(r.n);
        const round = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 100) / 100);
        f.mean = round(r.mean);
        f.min = round(r.least);
        f.max = round(r.greatest);
      } else {
        f.counts[String(r.value)] = Number(r.n);
      }
    }
  }
  const scopeKeys = scopeRates.map((s) => s.key);
  const results: SurveyQuestionResult[] = questions.map((q) => ({
    ...q,
    scopes: Object.fromEntries(
      scopeKeys.map((k) => {
        const f = figures.get(`${q.key}\u0000${k}`) ?? { answered: 0, counts: {}, mean: null, min: null, max: null };
        return [k, { ...f, counts: q.kind === 'single' || q.kind === 'multiple' ? Object.fromEntries(q.options.map((o) => [o.key, f.counts[o.key] ?? 0])) : {} }];
      }),
    ),
  }));
  const all = scopeRates[0];
  return { survey: summaryOf(row, { invited: all.invited, answered: all.answered }), scopes: scopeRates, questions: results };
};

const HEADER: Record<Lang, { question: string; answer: string; all: string; invited: string; answered: string; rate: string; count: string; mean: string; min: string; max: string }> = {
  en: { question: 'Question', answer: 'Answer', all: 'All', invited: 'Invited', answered: 'Answered', rate: 'Response rate (%)', count: 'Answers', mean: 'Mean', min: 'Least', max: 'Greatest' },
  'zh-Hans': { question: '题目', answer: '答案', all: '全部', invited: '邀请人数', answered: '答复人数', rate: '答复率（%）', count: '作答人数', mean: '平均值', min: '最小值', max: '最大值' },
};

/** The results as a table: the rates, then each question's rows (an option's count, or answers and the numbers' figures), a column per scope. */
export const resultsTable = (results: SurveyResults, lang: Lang) => {
  const h = HEADER[lang];
  const header = [h.question, h.answer, ...results.scopes.map((s) => (s.key === ALL ? h.all : s.name))];
  const rows: unknown[][] = [
    ['', h.invited, ...results.scopes.map((s) => s.invited)],
    ['', h.answered, ...results.scopes.map((s) => s.answered)],
    ['', h.rate, ...results.scopes.map((s) => s.rate ?? '')],
  ];
  for (const q of results.questions) {
    const label = inLanguage(q.label, lang);
    const cell = (pick: (f: SurveyQuestionFigures) => unknown) => results.scopes.map((s) => pick(q.scopes[s.key]) ?? '');
    rows.push([label, h.count, ...cell((f) => f.answered)]);
    for (const o of q.options) rows.push([label, inLanguage(o.label, lang), ...cell((f) => f.counts[o.key] ?? 0)]);
    if (q.kind === 'number') {
      rows.push([label, h.mean, ...cell((f) => f.mean)]);
      rows.push([label, h.min, ...cell((f) => f.min)]);
      rows.push([label, h.max, ...cell((f) => f.max)]);
    }
  }
  return { header, rows };
};
