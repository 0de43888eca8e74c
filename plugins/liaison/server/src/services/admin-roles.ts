import type { Core } from '@strapi/strapi';
import { ACTIONS, ALL_ACTIONS } from '../permissions';
import contentTypes from '../content-types';
import { CONDITIONS } from '../access/conditions';
import { CONTACT_FIELDS } from '../access/members';

/** Every content type of the plugin that staff edit: a new one is covered without touching this list. */
const LIAISON_TYPES = Object.entries(contentTypes)
  .filter(([, type]) => (type.schema.pluginOptions as any)?.['content-manager']?.visible !== false)
  .map(([name]) => `plugin::liaison.${name}`);
const WEBSITE_TYPES = ['plugin::liaison.story', 'plugin::liaison.event'];
/**
 * The fields of the website types, named in their permissions: the admin panel shows a
 * field only when the permission lists it (tests/access/roles.cases.ts checks these
 * lists against the schemas).
 */
export const WEBSITE_FIELDS: Record<string, string[]> = {
  'plugin::liaison.story': ['title', 'slug', 'summary', 'body', 'cover', 'colleges', 'chapters', 'industries', 'cohortYears', 'tags', 'featuredAlumni'],
  'plugin::liaison.event': [
    'title', 'slug', 'type', 'chapter', 'college', 'industry', 'startsAt', 'endsAt', 'venue', 'onlineUrl', 'capacity',
    'registrationOpensAt', 'registrationClosesAt', 'description', 'cover', 'organisers', 'attendance',
  ],
};
const FIELD_ACTIONS = ['create', 'read', 'update'].map((a) => `plugin::content-manager.explorer.${a}`);
const CRUD = ['create', 'read', 'update', 'delete'].map((a) => `plugin::content-manager.explorer.${a}`);

const pluginPermissions = (actions: string[]) =>
  actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] as string[] }));

const contentPermissions = (subjects: string[], actions: string[], properties: Record<string, unknown> = {}) =>
  subjects.flatMap((subject) => actions.map((action) => ({ action, subject, properties, conditions: [] })));

const explorer = (action: string) => `plugin::content-manager.explorer.${action}`;
const scoped = (subject: string, actions: string[], condition: string, fields?: string[], properties: Record<string, unknown> = {}) =>
  actions.map((action) => ({
    action: explorer(action),
    subject,
    properties: { ...properties, ...(fields ? { fields } : {}) },
    conditions: [condition],
  }));

/** Alumni seen by scoped staff: everything but how to reach them (phone, e-mail, WeChat). */
const ALUMNUS_FIELDS_WITHOUT_CONTACT = Object.entries(contentTypes.alumnus.schema.attributes)
  .filter(([f, a]) => !(CONTACT_FIELDS as readonly string[]).includes(f) && (a as { visible?: boolean }).visible !== false)
  .map(([f]) => f);

/** Localised types need the locales in the permission, or Strapi's permission clean-up drops it. */
const CONTENT_LOCALES = ['zh-Hans', 'en'];

/**
 * What a chapter editor reads of their members: who they are and where, and how to reach
 * them, which the access capability (access/members.ts) removes again for every member
 * who has not consented to be contacted. Never the student number, employer or job title.
 */
const CHAPTER_MEMBER_FIELDS = [
  'name', 'gender', 'cohort', 'major', 'degree', 'country', 'province', 'city', 'industry', 'language', 'phone', 'email', 'wechat',
  'contactConsent', 'publishConsent', 'displayName', 'displayNameEn', 'alumnusStatus', 'chapter',
];

/** The media library, for event covers: see and add files; change only their own. */
const MEDIA_LIBRARY = [
  ...['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'].map((action) => ({
    action,
    subject: null,
    properties: {},
    conditions: [] as string[],
  })),
  { action: 'plugin::upload.assets.update', subject: null, properties: {}, conditions: ['admin::is-creator'] },
];

/**
 * The staff roles of the alumni office. Created once; what an administrator later
 * changes in a role's permissions is left alone on the next start.
 */
export const STAFF_ROLES = [
  {
    name: 'Alumni Office Staff',
    description: 'Runs the whole liaison network: builds it, appoints liaisons, trains, appraises and honours them.',
    permissions: [
      ...pluginPermissions(ALL_ACTIONS),
      ...contentPermissions(LIAISON_TYPES, CRUD),
      ...WEBSITE_TYPES.flatMap((subject) =>
        [...CRUD, 'plugin::content-manager.explorer.publish'].map((action) => ({
          action,
          subject,
          properties: { locales: CONTENT_LOCALES, ...(FIELD_ACTIONS.includes(action) ? { fields: WEBSITE_FIELDS[subject] } : {}) },
          conditions: [] as string[],
        }))
      ),
    ],
  },
  {
    name: 'College Staff',
    description: 'Runs the liaison network of their own colleges: coverage, candidates, nominations.',
    permissions: [
      ...pluginPermissions([
        ACTIONS.readOverview,
        ACTIONS.readCoverage,
        ACTIONS.readPosts,
        ACTIONS.nominate,
        // Within their own colleges' liaisons: the training, appraisal and honours routes check the scope.
        ACTIONS.readTraining,
        ACTIONS.readAppraisal,
        ACTIONS.review,
        ACTIONS.nominateHonour,
        // Their own colleges' alumni only: rows of another college are rejected.
        ACTIONS.runImports,
        // A person's request for their data, for their own colleges' alumni (another college's: 404).
        // Recording consents and erasing stay with the alumni office.
        ACTIONS.exportAlumni,
        // Feedback about their own colleges' alumni (feedback/service.ts checks the scope).
        ACTIONS.readFeedback,
        ACTIONS.manageFeedback,
        // Proposed changes of their own colleges' alumni (another college's: 404). Which fields need review is the office's.
        ACTIONS.reviewProposals,
        // Surveys to their own colleges and classes, and those surveys' results for them (surveys/store.ts).
        ACTIONS.readSurveys,
        ACTIONS.manageSurveys,
      ]),
      // Content Manager, within their own colleges (access/conditions.ts; writes also go
      // through the access guard). No delete: a post ends or is rejected, and keeps its history.
      ...scoped('plugin::liaison.liaison', ['read', 'create', 'update'], CONDITIONS.ownColleges),
      ...scoped('plugin::liaison.college', ['read'], CONDITIONS.ownColleges),
      ...scoped('plugin::liaison.cohort', ['read'], CONDITIONS.ownColleges),
      ...scoped('plugin::liaison.alumnus', ['read'], CONDITIONS.ownColleges, ALUMNUS_FIELDS_WITHOUT_CONTACT),
    ],
  },
  {
    name: 'Chapter Editor',
    description: "Publishes their chapters' events and drafts their stories for the office to review; reads their members; sees nothing of other chapters.",
    permissions: [
      // Registrations and check-in of their own chapters' events only (check-in/scope.ts).
      ...pluginPermissions([ACTIONS.readOverview, ACTIONS.registerForEvents, ACTIONS.readRegistrations, ACTIONS.checkIn]),
      // Their chapters' events, the whole way to publication; stories as drafts, which the office reviews and publishes.
      // Conditions do the reads; access/website-guard.ts does creates, what a write stores, publish and delete.
      ...scoped('plugin::liaison.event', ['read', 'create', 'update'], CONDITIONS.ownChapters, WEBSITE_FIELDS['plugin::liaison.event'], { locales: CONTENT_LOCALES }),
      ...scoped('plugin::liaison.event', ['delete', 'publish'], CONDITIONS.ownChapters, undefined, { locales: CONTENT_LOCALES }),
      ...scoped('plugin::liaison.story', ['read', 'create', 'update'], CONDITIONS.ownChapters, WEBSITE_FIELDS['plugin::liaison.story'], { locales: CONTENT_LOCALES }),
      // Reads the liaison posts, the chapter and the members of their own chapters.
      ...scoped('plugin::liaison.liaison', ['read'], CONDITIONS.ownChapters),
      ...scoped('plugin::liaison.chapter', ['read'], CONDITIONS.ownChapters),
      ...scoped('plugin::liaison.alumnus', ['read'], CONDITIONS.ownChapters, CHAPTER_MEMBER_FIELDS),
      ...MEDIA_LIBRARY,
    ],
  },
];

/** Plugin actions each role has been given so far, so that a later release grants only what it adds. */
const GRANTED_KEY = 'granted-plugin-actions';
/** Likewise for content permissions (`action|subject`), conditions and fields as listed above. */
const GRANTED_CONTENT_KEY = 'granted-content-permissions';
const contentKey = (p: { action: string; subject: string | null }) => `${p.action}|${p.subject}`;

export const ensureStaffRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  const store = strapi.store({ type: 'plugin', name: 'liaison' });
  const granted = ((await store.get({ key: GRANTED_KEY })) ?? {}) as Record<string, string[]>;
  const grantedContent = ((await store.get({ key: GRANTED_CONTENT_KEY })) ?? {}) as Record<string, string[]>;
  // Plugins may bootstrap before the admin does: Strapi only creates its own default
  // roles (Super Admin first) while no role exists, so they must come before ours.
  await roleService.createRolesIfNoneExist();
  for (const role of STAFF_ROLES) {
    const pluginActions = role.permissions.filter((p) => p.subject === null).map((p) => p.action);
    const content = role.permissions.filter((p) => p.subject !== null);
    const existing = await roleService.findOne({ name: role.name });
    if (!existing) {
      const created = await roleService.create({ name: role.name, description: role.description });
      await roleService.assignPermissions(created.id, role.permissions);
    } else {
      // A plugin action new in this release is granted once; one an administrator took away stays away.
      const known = new Set(granted[role.name] ?? [ACTIONS.readOverview]);
      const added = pluginActions.filter((a) => !known.has(a));
      if (added.length) {
        await strapi.service('admin::permission').createMany(
          role.permissions.filter((p) => p.subject === null && added.includes(p.action)).map((p) => ({ ...p, role: existing.id }))
        );
      }
      // A content permission new in this release (the scoped ones of College Staff and
      // Chapter Editors, a new content type for the office) is granted once, with its
      // conditions and fields. Before this was tracked, what the role held counted as given.
      const held = (await strapi.db.query('admin::permission').findMany({ where: { role: { id: existing.id } } })) as {
        action: string;
        subject: string | null;
      }[];
      const heldKeys = new Set(held.map(contentKey));
      const knownContent = new Set(grantedContent[role.name] ?? heldKeys);
      const addedContent = content.filter((p) => !knownContent.has(contentKey(p)) && !heldKeys.has(contentKey(p)));
      if (addedContent.length) await roleService.addPermissions(existing.id, addedContent);
    }
    granted[role.name] = pluginActions;
    grantedContent[role.name] = content.map(contentKey);
  }
  await store.set({ key: GRANTED_KEY, value: granted });
  await store.set({ key: GRANTED_CONTENT_KEY, value: grantedContent });
};
