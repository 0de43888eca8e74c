/**
 * The plugin's own admin RBAC actions (plugin::liaison.<uid>). Never rename a uid:
 * Strapi deletes stored permissions of actions that are no longer registered.
 */
const DEFINITIONS = [
  { key: 'readOverview', uid: 'overview.read', displayName: 'Read the network overview', subCategory: 'network' },
  { key: 'readCoverage', uid: 'coverage.read', displayName: 'Read coverage and candidates', subCategory: 'network' },
  { key: 'readPosts', uid: 'posts.read', displayName: 'Read liaison posts and their history', subCategory: 'posts' },
  { key: 'nominate', uid: 'posts.nominate', displayName: 'Nominate liaisons', subCategory: 'posts' },
  { key: 'approve', uid: 'posts.approve', displayName: 'Approve or reject nominations, appoint class liaisons', subCategory: 'posts' },
  { key: 'manage', uid: 'posts.manage', displayName: 'Renew and end terms', subCategory: 'posts' },
  { key: 'configure', uid: 'quotas.configure', displayName: 'Set the number of posts per scope', subCategory: 'posts' },
  { key: 'readOutbox', uid: 'outbox.read', displayName: 'Read the e-mail outbox', subCategory: 'outbox' },
  { key: 'resendOutbox', uid: 'outbox.resend', displayName: 'Resend e-mails', subCategory: 'outbox' },
  { key: 'readTraining', uid: 'training.read', displayName: 'Read training, provisional liaisons and code-of-conduct acknowledgements', subCategory: 'training' },
  { key: 'manageTraining', uid: 'training.manage', displayName: 'Manage courses, sessions, attendance, assessment and the code of conduct', subCategory: 'training' },
  { key: 'readAppraisal', uid: 'appraisal.read', displayName: 'Read appraisal cycles and results', subCategory: 'appraisal' },
  { key: 'manageAppraisal', uid: 'appraisal.manage', displayName: 'Set up, close and export appraisal cycles', subCategory: 'appraisal' },
  { key: 'review', uid: 'appraisal.review', displayName: 'Score liaisons and give them feedback', subCategory: 'appraisal' },
  { key: 'nominateHonour', uid: 'honours.nominate', displayName: 'Nominate liaisons for honours', subCategory: 'honours' },
  { key: 'approveHonour', uid: 'honours.approve', displayName: 'Approve and award honours (committee)', subCategory: 'honours' },
  { key: 'runImports', uid: 'imports.run', displayName: "Import alumni from the registrar's files", subCategory: 'imports' },
  { key: 'exportAlumni', uid: 'alumni.export', displayName: "Export what is held about an alumnus and read their consents' history", subCategory: 'personal data' },
  { key: 'recordConsents', uid: 'alumni.consents', displayName: "Record alumni's consents (given or withdrawn)", subCategory: 'personal data' },
  { key: 'eraseAlumni', uid: 'alumni.erase', displayName: "Erase an alumnus' personal data", subCategory: 'personal data' },
  { key: 'reviewDuplicates', uid: 'duplicates.review', displayName: 'Review probable duplicates: scan, compare, dismiss', subCategory: 'alumni' },
  { key: 'mergeAlumni', uid: 'alumni.merge', displayName: 'Merge two records of one person', subCategory: 'alumni' },
  { key: 'registerForEvents', uid: 'events.registrations', displayName: 'Register alumni for events on their behalf', subCategory: 'events' },
  { key: 'inviteAlumni', uid: 'accounts.invite', displayName: 'Invite a class or a chapter to open their alumni accounts', subCategory: 'alumni' },
  { key: 'readRegistrations', uid: 'events.read-registrations', displayName: "Read and export an event's registrations", subCategory: 'events' },
  { key: 'checkIn', uid: 'events.check-in', displayName: 'Check people in at an event', subCategory: 'events' },
  { key: 'readFeedback', uid: 'feedback.read', displayName: 'Read alumni feedback, its deadlines and time to answer', subCategory: 'feedback' },
  { key: 'manageFeedback', uid: 'feedback.manage', displayName: "Answer the office's feedback, reassign it, set deadlines and holidays", subCategory: 'feedback' },
  // Chinese names beside the English ones (Strapi's roles page shows displayName only).
  { key: 'reviewProposals', uid: 'proposals.review', displayName: 'Review proposed changes of alumni records: approve or reject', displayNameZh: '审核校友信息变更提议（批准或驳回）', subCategory: 'alumni' },
  { key: 'configureProposals', uid: 'proposals.configure', displayName: "Choose the alumni fields whose owners' changes need review", displayNameZh: '设定校友本人修改时须经审核的字段', subCategory: 'alumni' },
  { key: 'readSurveys', uid: 'surveys.read', displayName: 'Read surveys and their results', zh: '查看问卷及其结果', subCategory: 'surveys' },
  { key: 'manageSurveys', uid: 'surveys.manage', displayName: 'Write and send surveys', zh: '编写和发送问卷', subCategory: 'surveys' },
] as const;

type ActionKey = (typeof DEFINITIONS)[number]['key'];

export const ACTIONS = Object.fromEntries(DEFINITIONS.map((d) => [d.key, `plugin::liaison.${d.uid}`])) as Record<
  ActionKey,
  string
>;

export const ALL_ACTIONS = Object.values(ACTIONS);

/** The policies of an admin route that needs these actions. */
export const requires = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

/** A route builder for one controller: route('GET', '/path', 'handler', ACTIONS.x). */
export const routesOf = (controller: string) => (method: string, path: string, handler: string, action: string) => ({
  method,
  path,
  handler: `${controller}.${handler}`,
  config: { policies: requires(action) },
});

export const registerActions = async (strapi: any) => {
  await strapi.service('admin::permission').actionProvider.registerMany(
    DEFINITIONS.map((d) => ({
      section: 'plugins',
      displayName: d.displayName,
      uid: d.uid,
      pluginName: 'liaison',
      subCategory: d.subCategory,
    }))
  );
};
