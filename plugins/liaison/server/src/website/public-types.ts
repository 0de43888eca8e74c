/**
 * What of each website type leaves the server: the only fields a public query may
 * filter, sort, select or populate. Anything else (private fields, admin users,
 * relations to the network's records beyond their public names) is refused with 400.
 */
export type ScalarKind = 'id' | 'string' | 'text' | 'blocks' | 'datetime' | 'integer' | 'enum' | 'yearList' | 'tagList';

export interface ScalarSpec {
  kind: ScalarKind;
  sortable?: boolean;
}

export interface TargetSpec {
  /** Fields of the target that may be filtered on and are shown. */
  fields: Record<string, ScalarSpec>;
  /** false: shown when populated, never filtered through (featured alumni, media). */
  filterable: boolean;
}

export interface RelationSpec {
  target: TargetSpec;
  multiple: boolean;
  /** How Document Service loads it: the public fields plus what presenting needs. */
  load: Record<string, unknown>;
  present: (value: any, locale: string) => unknown;
  /** An image (upload file): list pages that populate only images are read in one statement (list-statement.ts). */
  media?: boolean;
}

export interface PublicType {
  uid: 'plugin::liaison.story' | 'plugin::liaison.event';
  fields: Record<string, ScalarSpec>;
  relations: Record<string, RelationSpec>;
  defaultSort: string[];
}

const id: ScalarSpec = { kind: 'id' };
const str: ScalarSpec = { kind: 'string', sortable: true };
const text: ScalarSpec = { kind: 'text' };
const date: ScalarSpec = { kind: 'datetime', sortable: true };

const COMMON_FIELDS: Record<string, ScalarSpec> = {
  documentId: id,
  locale: { kind: 'string' },
  createdAt: date,
  updatedAt: date,
  publishedAt: date,
};

const named = (extra: Record<string, ScalarSpec>): TargetSpec => ({
  fields: { documentId: id, name: str, nameEn: str, ...extra },
  filterable: true,
});

const COLLEGE = named({ code: str });
const CHAPTER = named({ country: str, province: str, city: str });
const INDUSTRY = named({ code: str });

const pick = (row: any, fields: string[]) =>
  row ? Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) : null;

const relation = (target: TargetSpec, multiple: boolean): RelationSpec => {
  const fields = Object.keys(target.fields);
  return {
    target,
    multiple,
    load: { fields },
    present: (value) => (multiple ? ((value ?? []) as any[]).map((v) => pick(v, fields)) : pick(value, fields)),
  };
};

export const MEDIA_FIELDS = ['name', 'alternativeText', 'caption', 'width', 'height', 'formats', 'hash', 'ext', 'mime', 'size', 'url'];

/** An image as Strapi's REST API shows it, with its formats (thumbnail, small …). */
const MEDIA: RelationSpec = {
  target: { fields: Object.fromEntries(MEDIA_FIELDS.map((f) => [f, { kind: 'string' } as ScalarSpec])), filterable: false },
  multiple: false,
  load: { fields: MEDIA_FIELDS },
  present: (file) => (file ? { id: file.id, documentId: file.documentId, ...pick(file, MEDIA_FIELDS) } : null),
  media: true,
};

/**
 * A featured alumnus by the name they consented to be published under, with their
 * college and graduation year; only those who consented are loaded at all, so a
 * withdrawn consent takes them off every answer at once.
 */
const FEATURED: RelationSpec = {
  target: { fields: { displayName: str, graduationYear: { kind: 'integer' }, college: str }, filterable: false },
  multiple: true,
  load: {
    fields: ['name', 'displayName', 'displayNameEn'],
    filters: { publishConsent: { $eq: true }, alumnusStatus: { $ne: 'deceased' } },
    populate: { cohort: { fields: ['gradYear'], populate: { college: { fields: ['code', 'name', 'nameEn'] } } } },
  },
  present: (alumni, locale) =>
    ((alumni ?? []) as any[]).map((a) => ({
      displayName: publicName(a, locale),
      graduationYear: a.cohort?.gradYear ?? null,
      college: a.cohort?.college ? pick(a.cohort.college, ['documentId', 'code', 'name', 'nameEn']) : null,
    })),
};

/** The name an alumnus who consented to publication is shown by: their display name, in English when asked and given. */
export const publicName = (a: { name?: string; displayName?: string | null; displayNameEn?: string | null }, locale: string) =>
  (locale === 'en' ? a.displayNameEn || a.displayName : a.displayName) || a.name || '';

export const STORY: PublicType = {
  uid: 'plugin::liaison.story',
  fields: {
    ...COMMON_FIELDS,
    title: str,
    slug: str,
    summary: text,
    body: { kind: 'blocks' },
    cohortYears: { kind: 'yearList' },
    tags: { kind: 'tagList' },
  },
  relations: {
    cover: MEDIA,
    colleges: relation(COLLEGE, true),
    chapters: relation(CHAPTER, true),
    industries: relation(INDUSTRY, true),
    featuredAlumni: FEATURED,
  },
  defaultSort: ['publishedAt:desc', 'id:desc'],
};

export const EVENT: PublicType = {
  uid: 'plugin::liaison.event',
  fields: {
    ...COMMON_FIELDS,
    title: str,
    slug: str,
    type: { kind: 'enum', sortable: true },
    startsAt: date,
    endsAt: date,
    venue: str,
    onlineUrl: { kind: 'string' },
    capacity: { kind: 'integer', sortable: true },
    registrationOpensAt: date,
    registrationClosesAt: date,
    description: { kind: 'blocks' },
  },
  relations: {
    cover: MEDIA,
    chapter: relation(CHAPTER, false),
    college: relation(COLLEGE, false),
    industry: relation(INDUSTRY, false),
  },
  defaultSort: ['startsAt:asc', 'id:asc'],
};

export const PUBLIC_TYPES = { stories: STORY, events: EVENT };
