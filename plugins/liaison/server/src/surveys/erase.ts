import type { Core } from '@strapi/strapi';
import { ANSWER } from './sql';
import { jsonColumn } from '../utils/db';
import type { SurveyQuestion } from './questions';


/**
 * An erasure's part: the person's written answers to surveys go (what they wrote is about
 * them); their choices and numbers stay, so that every survey's results stay as they were.
 * Returns the answers changed.
 */
export const eraseSurveyTexts = async (strapi: Core.Strapi, alumnusId: number): Promise<number> => {
  const answers: any[] = await strapi.db.query(ANSWER as any).findMany({
    where: { alumnus: { id: alumnusId } },
    select: ['id', 'answers'],
    populate: { survey: { select: ['id', 'questions'] } },
  });
  let changed = 0;
  for (const answer of answers) {
    const questions: SurveyQuestion[] = jsonColumn(answer.survey?.questions) ?? [];
    const written = new Set(questions.filter((q) => q.kind === 'text').map((q) => q.key));
    const values: Record<string, unknown> = jsonColumn(answer.answers) ?? {};
    const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !written.has(key)));
    if (Object.keys(kept).length === Object.keys(values).length) continue;
    await strapi.db.query(ANSWER as any).update({ where: { id: answer.id }, data: { answers: kept } });
    changed += 1;
  }
  return changed;
};
