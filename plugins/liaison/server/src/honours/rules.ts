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
  if (grade === null) return fieldError('alumnus', 'honours.notAppraised');
  if (!isEligible(kind, grade, rules))
    return fieldError('kind', 'honours.grade', { kind: KIND_NAMES[kind], grade: rules[kind], actual: grade });
  return null;
};
