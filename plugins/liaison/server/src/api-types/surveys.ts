/** The surveys' admin answers (/liaison/surveys…). Types only. */
import type { Dimension } from '../vocabulary';

export type SurveyStatus = 'draft' | 'sent' | 'closed';
export type SurveyQuestionKind = 'single' | 'multiple' | 'text' | 'number';
export type SurveyLabel = { en: string; 'zh-Hans': string };

export interface SurveyQuestionDef {
  key: string;
  kind: SurveyQuestionKind;
  label: SurveyLabel;
  options: { key: string; label: SurveyLabel }[];
  required: boolean;
  min?: number;
  max?: number;
}

export interface SurveyScopeRef {
  kind: Dimension;
  documentId: string;
  name: string;
}

/** The send job: running on one instance, its progress, the outcome. */
export interface SurveySending {
  status: 'running' | 'done' | 'failed';
  /** Alumni found in the scopes, with consent and an address, not invited before. */
  total: number;
  /** Invitations written (and their mails queued) so far. */
  invited: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface SurveySummary {
  documentId: string;
  title: string;
  titleEn: string | null;
  status: SurveyStatus;
  opensAt: string | null;
  closesAt: string | null;
  sentAt: string | null;
  invited: number;
  answered: number;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyDetail extends SurveySummary {
  intro: string | null;
  introEn: string | null;
  questions: SurveyQuestionDef[];
  scopes: SurveyScopeRef[];
  sending: SurveySending | null;
  /** The caller may change and send it (College Staff: every scope in their colleges). */
  editable: boolean;
}

export interface SurveyListResponse {
  data: SurveySummary[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** Invited and answered in one scope (`key` 'all': the whole survey, or the caller's part of it). */
export interface SurveyScopeRate {
  key: string;
  kind: Dimension | null;
  documentId: string | null;
  name: string;
  invited: number;
  answered: number;
  /** answered / invited, 0–100 (null: nobody invited). */
  rate: number | null;
}

/** One question's figures in one scope. */
export interface SurveyQuestionFigures {
  answered: number;
  /** Choices: how many chose each option (by option key). */
  counts: Record<string, number>;
  /** Numbers: their mean, least and greatest. */
  mean: number | null;
  min: number | null;
  max: number | null;
}

export interface SurveyQuestionResult extends SurveyQuestionDef {
  /** By scope key ('all' first). */
  scopes: Record<string, SurveyQuestionFigures>;
}

export interface SurveyResults {
  survey: SurveySummary;
  scopes: SurveyScopeRate[];
  questions: SurveyQuestionResult[];
}
