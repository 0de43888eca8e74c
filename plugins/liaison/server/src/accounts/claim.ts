import type { Core } from '@strapi/strapi';
import { matchKey } from '../imports/chinese';
import { accountMail, type AccountMail } from './mails';
import { issueTokens, linkFor, mailsPerHour, sentLately, type TokenPurpose } from './tokens';
import type { ClaimInput } from './inputs';
import type { InvitationResult } from '../admin-api-types';
import { isPostgres } from '../utils/db';

const ALUMNUS = 'plugin::liaison.alumnus';
const ACCOUNT = 'plugin::liaison.alumni-account';
const USER = 'plugin::users-permissions.user';

type Person = { id: number; documentId: string; name: string; email: string | null; language: string | null };
const PERSON = ['id', 'documentId', 'name', 'email', 'language'];

const outbox = (strapi: Core.Strapi) => strapi.plugin('liaison').service('outbox');
const hasAccount = async (strapi: Core.Strapi, alumnusId: number) => !!(await strapi.db.query(ACCOUNT as any).findOne({ where: { alumnus: { id: alumnusId } }, select: ['id'] }));

/**
 * The records a claim names: the same name (simplified characters, case and spaces ignored, as
 * the importer and the duplicate scan compare names) and the same student number (as the
 * importer stores it) or the same e-mail address (any case).
 */
export const matchingAlumni = async (strapi: Core.Strapi, input: ClaimInput): Promise<Person[]> => {
  const or: Record<string, unknown>[] = [];
  if (input.studentNo) or.push({ studentNo: input.studentNo });
  if (input.email) or.push({ email: { $eqi: input.email } });
  if (!or.length) return [];
  const rows: Person[] = await strapi.db.query(ALUMNUS as any).findMany({ where: { $or: or }, select: PERSON, limit: 20 });
  const name = matchKey(input.name);
  return rows.filter((r) => matchKey(r.name) === name);
};

/**
 * One mail with a new link of `purpose` to this person, unless they were sent
 * ACCOUNT_MAILS_PER_HOUR of them in the last hour: the token and its mail in one transaction.
 */
const sendLink = async (strapi: Core.Strapi, person: Person & { email: string }, purpose: TokenPurpose, mail: AccountMail = purpose) => {
  if ((await sentLately(strapi, person.id, purpose)) >= mailsPerHour()) return false;
  await strapi.db.transaction(async () => {
    const [token] = await issueTokens(strapi, purpose, [person.id]);
    await outbox(strapi).enqueue([accountMail(mail, person, linkFor(strapi, purpose, token))]);
  });
  return true;
};

/**
 * What a claim does, after its answer was sent (the answer is the same whatever this finds):
 * a record that matches and has an e-mail address gets an activation link; one that has an
 * account already gets a mail saying so, with a password-reset link.
 */
export const processClaim = async (strapi: Core.Strapi, input: ClaimInput) => {
  for (const person of await matchingAlumni(strapi, input)) {
    if (!person.email) continue;
    const withEmail = { ...person, email: person.email };
    if (await hasAccount(strapi, person.id)) await sendLink(strapi, withEmail, 'reset', 'exists');
    else await sendLink(strapi, withEmail, 'claim');
  }
};

/** What a forgotten password does, after the answer: a reset link to the account with this address, if there is one. */
export const processForgot = async (strapi: Core.Strapi, email: string) => {
  const user: any = await strapi.db.query(USER as any).findOne({ where: { email: email.toLowerCase() }, select: ['id', 'blocked'] });
  if (!user || user.blocked) return;
  const account: any = await strapi.db.query(ACCOUNT as any).findOne({ where: { user: { id: user.id } }, populate: { alumnus: { select: PERSON } } });
  const person: Person | undefined = account?.alumnus;
  if (!person) return;
  await sendLink(strapi, { ...person, email }, 'reset');
};

/** Alumni one invitation is mailed to, in a statement: their documentIds are not needed. */
const INVITE_BATCH = 500;

/**
 * Invites every alumnus of a class or chapter who has an e-mail address and no account yet,
 * once: a person holding an invitation still valid is skipped (counted as such). Tokens and
 * mails are written in batches, all in one transaction.
 */
export const invite = async (strapi: Core.Strapi, group: { cohort?: number; chapter?: number }): Promise<InvitationResult> =>
  // Two invitations of one group take turns (PostgreSQL; SQLite writes one at a time): nobody is mailed twice.
  strapi.db.transaction(async ({ trx }) => {
    if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:invite:${group.cohort ?? ''}:${group.chapter ?? ''}`]);
    return inviteGroup(strapi, group);
  });

const inviteGroup = async (strapi: Core.Strapi, group: { cohort?: number; chapter?: number }): Promise<InvitationResult> => {
  const where = group.cohort ? { cohort: { id: group.cohort } } : { chapter: { id: group.chapter } };
  const members: Person[] = await strapi.db.query(ALUMNUS as any).findMany({ where, select: PERSON, orderBy: { id: 'asc' } });
  const ids = members.map((m) => m.id);
  const taken = new Set<number>();
  for (let i = 0; i < ids.length; i += INVITE_BATCH) {
    const part = ids.slice(i, i + INVITE_BATCH);
    const [accounts, open] = await Promise.all([
      strapi.db.query(ACCOUNT as any).findMany({ where: { alumnus: { id: { $in: part } } }, populate: { alumnus: { select: ['id'] } } }),
      strapi.db.query('plugin::liaison.account-token' as any).findMany({
        where: { alumnus: { id: { $in: part } }, purpose: 'invite', usedAt: null, expiresAt: { $gt: new Date() } },
        populate: { alumnus: { select: ['id'] } },
      }),
    ]);
    for (const row of [...accounts, ...open] as any[]) if (row.alumnus) taken.add(row.alumnus.id);
  }
  const invited = members.filter((m): m is Person & { email: string } => !!m.email && !taken.has(m.id));
  for (let i = 0; i < invited.length; i += INVITE_BATCH) {
    const part = invited.slice(i, i + INVITE_BATCH);
    await strapi.db.transaction(async () => {
      const tokens = await issueTokens(strapi, 'invite', part.map((p) => p.id));
      await outbox(strapi).enqueue(part.map((p, j) => accountMail('invite', p, linkFor(strapi, 'invite', tokens[j]))));
    });
  }
  return { invited: invited.length, skipped: members.length - invited.length };
};
