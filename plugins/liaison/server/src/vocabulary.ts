import postSchema from './content-types/liaison/schema.json';

/**
 * The network's vocabulary, defined once and shared by the server (rules, labels, mails, the
 * public directory) and the admin (board, overview, enumeration labels). The values live in
 * the post's schema (`content-types/liaison/schema.json`); their names in both languages live
 * here. A unit test checks that every schema value has its names and no name lacks a value.
 */
export type Language = 'en' | 'zh-Hans';
export type Names = Record<Language, string>;

const attributes = postSchema.attributes as Record<string, { enum?: string[] }>;
const valuesOf = <T extends string>(field: string) => (attributes[field]?.enum ?? []) as T[];

/** The four dimensions: 年级-学院-地区-行业. */
export const DIMENSION_NAMES = {
  cohort: { en: 'Cohort (class)', 'zh-Hans': '年级（班级）' },
  college: { en: 'College', 'zh-Hans': '学院' },
  region: { en: 'Regional chapter', 'zh-Hans': '地区校友会' },
  industry: { en: 'Industry group', 'zh-Hans': '行业校友组织' },
} satisfies Record<string, Names>;
export type Dimension = keyof typeof DIMENSION_NAMES;
export const DIMENSIONS: readonly Dimension[] = valuesOf<Dimension>('dimension');

export const ROLE_NAMES = {
  head: { en: 'Head', 'zh-Hans': '会长' },
  deputy: { en: 'Deputy', 'zh-Hans': '副会长' },
  secretary: { en: 'Secretary', 'zh-Hans': '秘书长' },
  member: { en: 'Member', 'zh-Hans': '委员' },
  monitor: { en: 'Class monitor', 'zh-Hans': '班长' },
  league_secretary: { en: 'League branch secretary', 'zh-Hans': '团支书' },
  staff: { en: 'Staff member in charge', 'zh-Hans': '负责老师' },
} satisfies Record<string, Names>;
export type Role = keyof typeof ROLE_NAMES;
/** In the order a directory lists a team: the head first. */
export const ROLES: readonly Role[] = valuesOf<Role>('role');

/** The roles a post of each dimension may have, in the order the admin offers them. */
export const ROLES_BY_DIMENSION: Record<Dimension, Role[]> = {
  cohort: ['monitor', 'league_secretary', 'member'],
  college: ['head', 'deputy', 'secretary', 'member', 'staff'],
  region: ['head', 'deputy', 'secretary', 'member'],
  industry: ['head', 'deputy', 'secretary', 'member'],
};

export const POST_STATUS_NAMES = {
  nominated: { en: 'Nominated', 'zh-Hans': '已提名' },
  approved: { en: 'Approved', 'zh-Hans': '已批准' },
  active: { en: 'Active', 'zh-Hans': '在任' },
  ended: { en: 'Ended', 'zh-Hans': '已卸任' },
  rejected: { en: 'Rejected', 'zh-Hans': '未获批准' },
} satisfies Record<string, Names>;
export type PostStatus = keyof typeof POST_STATUS_NAMES;
export const POST_STATUSES: readonly PostStatus[] = valuesOf<PostStatus>('postStatus');

export const END_REASON_NAMES = {
  term_over: { en: 'Term over', 'zh-Hans': '任期届满' },
  resigned: { en: 'Resigned', 'zh-Hans': '辞任' },
  removed: { en: 'Removed', 'zh-Hans': '免职' },
  deceased: { en: 'Deceased', 'zh-Hans': '去世' },
  replaced: { en: 'Replaced', 'zh-Hans': '由他人接任' },
  unreachable: { en: 'Unreachable', 'zh-Hans': '失联' },
} satisfies Record<string, Names>;
export type EndReason = keyof typeof END_REASON_NAMES;
export const END_REASONS: readonly EndReason[] = valuesOf<EndReason>('endReason');

export const NOMINATION_SOURCE_NAMES = {
  staff: { en: 'Alumni office', 'zh-Hans': '校友办' },
  college: { en: 'College', 'zh-Hans': '学院推荐' },
  chapter: { en: 'Chapter', 'zh-Hans': '校友会推荐' },
  alumnus: { en: 'Another alumnus', 'zh-Hans': '校友举荐' },
  self: { en: 'Self-nomination', 'zh-Hans': '自荐' },
} satisfies Record<string, Names>;
export const NOMINATION_SOURCES = valuesOf<keyof typeof NOMINATION_SOURCE_NAMES>('nominationSource');

/** Every enumeration of a post with its names: the admin's labels for `liaison.enum.<field>.<value>`. */
export const POST_ENUM_NAMES: Record<string, Record<string, Names>> = {
  dimension: DIMENSION_NAMES,
  role: ROLE_NAMES,
  postStatus: POST_STATUS_NAMES,
  endReason: END_REASON_NAMES,
  nominationSource: NOMINATION_SOURCE_NAMES,
};

export const nameOf = (names: Record<string, Names>, value: string | null | undefined, language: Language) =>
  (value && names[value]?.[language]) || value || '';
