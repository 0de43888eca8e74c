import { fieldError, type FieldError } from '../rules/field-error';

/** Honours (激励) as plain rules: who may receive which honour, by their appraisal grade. */
export const KINDS = ['title', 'scholarship', 'bonus', 'commendation', 'invitation'] as const;
export type Kind = (typeof KINDS)[number];
export const GRADE_ORDER = ['fail', 'pass', 'good', 'excellent'] as const;
export type Grade = (typeof GRADE_ORDER)[number];

/** The lowest grade in the cycle each honour needs (editable by the committee). */
export type EligibilityRules = Record<Kind, Grade>;
export const DEFAULT_RULES: EligibilityRules = {
  title: 'excellent',
  scholarship: 'good',
  bonus: 'good',
  invitation: 'good',
  commendation: 'pass',
};

/** How messages name each kind (and the catalogue translates). */
export const KIND_NAMES: Record<Kind, string> = {
  title: 'honorary title',
  scholarship: 'scholarship',
  bonus: 'bonus',
  commendation: 'commendation',
  invitation: 'invitation',
};

/** Honours paid out in money carry an amount; the others must not. */
export const WITH_AMOUNT: readonly Kind[] = ['bonus', 'scholarship'];

export const gradeRank = (grade: string | null | undefined) => (grade ? GRADE_ORDER.indexOf(grade as Grade) : -1);

/** The better of two grades (null when neither is set). */
export const bestGrade = (grades: (string | null | undefined)[]): Grade | null =>
  grades.reduce<Grade | null>((best, g) => (gradeRank(g) > gradeRank(best) ? (g as Grade) : best), null);

export const isEligible = (kind: Kind, grade: string | null | undefined, rules: EligibilityRules = DEFAULT_RULES) =>
  gradeRank(grade) >= 0 && gradeRank(grade) >= gradeRank(rules[kind]);

/** Why an alumnus with this best grade in the cycle may not have the honour, or null. */
export const eligibilityProblem = (kind: Kind, grade: Grade | null, rules: EligibilityRules = DEFAULT_RULES): FieldError | null => {
  if (grade === null) return fieldError('alumnus', 'was not appraised in this cycle');
  if (!isEligible(kind, grade, rules))
    return fieldError('kind', `${KIND_NAMES[kind]} needs at least the grade ${rules[kind]} in the cycle (the grade was ${grade})`);
  return null;
};

export const checkRules = (value: unknown): FieldError[] => {
  if (!value || typeof value !== 'object') return [fieldError('rules', 'must give a minimum grade for each honour kind')];
  const problems: FieldError[] = [];
  for (const [kind, grade] of Object.entries(value as Record<string, unknown>)) {
    if (!KINDS.includes(kind as Kind)) problems.push(fieldError('rules', `${kind} is not an honour kind`));
    else if (!GRADE_ORDER.includes(grade as Grade))
      problems.push(fieldError('rules', `the grade for ${kind} must be one of ${GRADE_ORDER.join(', ')}`));
  }
  return problems;
};

/** The nomination's own fields: kind, title, amount. */
export const checkNomination = (body: any): FieldError[] => {
  const problems: FieldError[] = [];
  if (!KINDS.includes(body?.kind)) problems.push(fieldError('kind', `must be one of ${KINDS.join(', ')}`));
  if (typeof body?.title !== 'string' || !body.title.trim()) problems.push(fieldError('title', 'is required'));
  else if (body.title.length > 200) problems.push(fieldError('title', 'must be at most 200 characters'));
  const amount = body?.amount;
  if (KINDS.includes(body?.kind)) {
    if (WITH_AMOUNT.includes(body.kind)) {
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0)
        problems.push(fieldError('amount', `${KIND_NAMES[body.kind as Kind]} needs a positive amount`));
    } else if (amount !== undefined && amount !== null)
      problems.push(fieldError('amount', `${KIND_NAMES[body.kind as Kind]} has no amount`));
  }
  if (body?.citation !== undefined && body.citation !== null && typeof body.citation !== 'string')
    problems.push(fieldError('citation', 'must be text'));
  return problems;
};
