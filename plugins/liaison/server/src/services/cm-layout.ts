import type { Core } from '@strapi/strapi';

/**
 * How the Content Manager names our records and which columns its lists show, set at
 * bootstrap through its configuration service. A setting is written only while it is still
 * Strapi's default (or what this code wrote last time), so staff's own changes stay.
 */
const P = (name: string) => `plugin::liaison.${name}`;

/** The attribute a record is named by (title of its edit view, relation pickers). */
export const MAIN_FIELDS: Record<string, string> = {
  [P('liaison')]: 'label',
  [P('alumnus')]: 'name',
  [P('cohort')]: 'className',
  [P('college')]: 'name',
  [P('chapter')]: 'name',
  [P('industry-group')]: 'name',
  [P('training-course')]: 'title',
  [P('appraisal-cycle')]: 'name',
  [P('appraisal')]: 'label',
  [P('appraisal-score')]: 'label',
  [P('training-record')]: 'label',
  [P('training-session')]: 'label',
  [P('contact-log')]: 'label',
  [P('feedback')]: 'label',
  [P('honour')]: 'title',
  [P('notification')]: 'subject',
};

/** List-view columns. */
export const LIST_COLUMNS: Record<string, string[]> = {
  [P('liaison')]: ['label', 'alumnus', 'dimension', 'role', 'postStatus', 'termEnd'],
  [P('alumnus')]: ['name', 'studentNo', 'cohort', 'city', 'alumnusStatus'],
  [P('cohort')]: ['className', 'gradYear', 'college', 'degreeLevel'],
  [P('college')]: ['name', 'code', 'foundedYear'],
  [P('chapter')]: ['name', 'country', 'province', 'city', 'chapterStatus'],
  [P('industry-group')]: ['name', 'code', 'nameEn'],
  [P('training-course')]: ['title', 'area', 'hours', 'mandatory'],
  [P('appraisal-cycle')]: ['name', 'periodStart', 'periodEnd', 'cycleStatus'],
  [P('appraisal')]: ['label', 'dimension', 'total', 'grade', 'rank'],
  [P('appraisal-score')]: ['label', 'criterion', 'score', 'reviewer'],
  [P('appraisal-note')]: ['appraisal', 'reviewer', 'text'],
  [P('training-session')]: ['label', 'location', 'trainer', 'capacity'],
  [P('training-record')]: ['label', 'attended', 'result', 'score'],
  [P('contact-log')]: ['label', 'channel', 'contactedAt'],
  [P('feedback')]: ['label', 'feedbackStatus', 'dueAt', 'answeredAt'],
  [P('honour')]: ['title', 'alumnus', 'kind', 'awardedOn'],
  [P('notification')]: ['subject', 'to', 'deliveryStatus', 'sentAt'],
};

/** Fields the server computes: shown, not editable. */
const READ_ONLY: Record<string, string[]> = Object.fromEntries(
  ['liaison', 'appraisal', 'training-record', 'training-session', 'contact-log', 'feedback'].map((name) => [P(name), ['label']])
);

const STORE_KEY = 'cm-layout';

type Configuration = {
  settings: Record<string, any>;
  metadatas: Record<string, { edit: Record<string, any>; list: Record<string, any> }>;
  layouts: { list: string[]; edit: any; [k: string]: any };
  [k: string]: any;
};

const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const NON_LISTABLES = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];

/** Strapi's own choices (content-manager/server/src/services/utils/configuration). */
export const strapiDefaultMainField = (attributes: Record<string, { type?: string }>) =>
  Object.keys(attributes).find((key) => attributes[key].type === 'string' && key !== 'id');

const isDefaultMainField = (value: unknown, attributes: Record<string, { type?: string }>) =>
  value === (strapiDefaultMainField(attributes) ?? 'documentId') || value === 'id' || value === 'documentId';

export const strapiDefaultList = (attributes: Record<string, { type?: string; relation?: string; visible?: boolean }>) =>
  [
    'id',
    ...Object.keys(attributes).filter(
      (name) =>
        name !== 'id' &&
        name !== 'documentId' &&
        attributes[name].visible !== false &&
        !NON_LISTABLES.includes(attributes[name].type as string)
    ),
  ].slice(0, 4);

export const configureContentManager = async (strapi: Core.Strapi) => {
  const cm = strapi.plugin('content-manager')?.service('content-types') as any;
  if (!cm?.findConfiguration) return;
  await cm.syncConfigurations?.();
  const store = strapi.store({ type: 'plugin', name: 'liaison', key: STORE_KEY });
  const applied = ((await store.get({})) as Record<string, any>) ?? {};
  const nextApplied: Record<string, any> = { ...applied };

  const uids = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('plugin::liaison.'));
  for (const uid of uids) {
    const contentType = strapi.contentType(uid as any) as any;
    const config = (await cm.findConfiguration(contentType)) as Configuration;
    if (!config?.settings || !config.layouts || !config.metadatas) continue;
    const last = applied[uid] ?? {};
    const mine: Record<string, any> = {};
    let changed = false;

    const mainField = MAIN_FIELDS[uid];
    if (mainField && config.settings.mainField !== mainField) {
      if (isDefaultMainField(config.settings.mainField, contentType.attributes) || config.settings.mainField === last.mainField) {
        config.settings.mainField = mainField;
        config.settings.defaultSortBy = config.settings.defaultSortBy === last.mainField || isDefaultMainField(config.settings.defaultSortBy, contentType.attributes) ? mainField : config.settings.defaultSortBy;
        changed = true;
      }
    }
    if (mainField) mine.mainField = mainField;

    const columns = LIST_COLUMNS[uid];
    if (columns && !isEqual(config.layouts.list, columns)) {
      if (isEqual(config.layouts.list, strapiDefaultList(contentType.attributes)) || isEqual(config.layouts.list, last.list)) {
        config.layouts.list = columns;
        changed = true;
      }
    }
    if (columns) mine.list = columns;

    // Relations are shown by their target's name, in pickers (edit) and list cells (list).
    mine.relations = {};
    for (const [field, attribute] of Object.entries<any>(contentType.attributes)) {
      if (attribute.type !== 'relation' || !attribute.target) continue;
      const targetMain = MAIN_FIELDS[attribute.target];
      const meta = config.metadatas[field];
      if (!targetMain || !meta) continue;
      mine.relations[field] = targetMain;
      const target = strapi.contentType(attribute.target) as any;
      for (const view of ['edit', 'list'] as const) {
        const current = meta[view]?.mainField;
        if (current === undefined || current === targetMain) continue;
        if (isDefaultMainField(current, target.attributes) || current === last.relations?.[field]) {
          meta[view].mainField = targetMain;
          changed = true;
        }
      }
    }

    for (const field of READ_ONLY[uid] ?? []) {
      const edit = config.metadatas[field]?.edit;
      if (edit && edit.editable !== false && !last.readOnly?.includes(field)) {
        edit.editable = false;
        changed = true;
      }
    }
    mine.readOnly = READ_ONLY[uid] ?? [];

    nextApplied[uid] = mine;
    if (changed) {
      await cm.updateConfiguration(contentType, {
        settings: config.settings,
        metadatas: config.metadatas,
        layouts: config.layouts,
        ...(config.options ? { options: config.options } : {}),
      });
    }
  }
  await store.set({ value: nextApplied });
};
