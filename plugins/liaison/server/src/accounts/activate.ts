import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules/field-error';
import { conflictError, validationError } from '../utils/errors';
import { spendTokens, takeToken } from './tokens';
import type { TokenInput } from './inputs';

const ACCOUNT = 'plugin::liaison.alumni-account';
const USER = 'plugin::users-permissions.user';

export interface SignedIn {
  jwt: string;
  user: { id: number; username: string; email: string };
  alumnus: { documentId: string; name: string };
}

const signedIn = (strapi: Core.Strapi, user: any, alumnus: { documentId: string; name: string }): SignedIn => ({
  jwt: strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }),
  user: { id: user.id, username: user.username, email: user.email },
  alumnus: { documentId: alumnus.documentId, name: alumnus.name },
});

/**
 * Activates a claim or an invitation: the token taken for good, a users-permissions user made
 * (local, confirmed, of the Authenticated role; its e-mail address the alumnus', its username
 * the record's), linked to the alumnus by an account; signed in. One transaction: two requests
 * with one token, or with two tokens of one person, make one account (409 for the other).
 */
export const activate = async (strapi: Core.Strapi, input: TokenInput): Promise<SignedIn> => {
  const { user, alumnus } = await strapi.db.transaction(async ({ trx }) => {
    const { alumnus } = await takeToken(strapi, trx, input.token, ['claim', 'invite']);
    if (await strapi.db.query(ACCOUNT as any).findOne({ where: { alumnus: { id: alumnus.id } }, select: ['id'] })) {
      throw conflictError([fieldError('alumnus', 'accounts.exists')]);
    }
    if (!alumnus.email) throw validationError([fieldError('token', 'accounts.noEmail')]);
    const email = alumnus.email.toLowerCase();
    if (await strapi.db.query(USER as any).findOne({ where: { email }, select: ['id'] })) throw conflictError([fieldError('email', 'accounts.emailTaken')]);
    const role: any = await strapi.db.query('plugin::users-permissions.role' as any).findOne({ where: { type: 'authenticated' }, select: ['id'] });
    const user = await strapi.plugin('users-permissions').service('user').add({
      username: `alumnus-${alumnus.documentId}`.toLowerCase(),
      email,
      password: input.password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
    await strapi.db.query(ACCOUNT as any).create({ data: { alumnus: alumnus.id, user: user.id, activatedAt: new Date() } });
    // Other links to open an account are of no use any more.
    await spendTokens(strapi, alumnus.id, ['claim', 'invite']);
    return { user, alumnus };
  });
  return signedIn(strapi, user, alumnus);
};

/** A new password from a reset link: the link taken for good, the others of the person spent; signed in. */
export const resetPassword = async (strapi: Core.Strapi, input: TokenInput): Promise<SignedIn> => {
  const { user, alumnus } = await strapi.db.transaction(async ({ trx }) => {
    const { alumnus } = await takeToken(strapi, trx, input.token, ['reset']);
    const account: any = await strapi.db.query(ACCOUNT as any).findOne({ where: { alumnus: { id: alumnus.id } }, populate: { user: { select: ['id'] } } });
    // The account was deleted since the link was sent: the link is of no use.
    if (!account?.user) throw validationError([fieldError('token', 'accounts.tokenUnknown')]);
    const user = await strapi.plugin('users-permissions').service('user').edit(account.user.id, { password: input.password });
    await spendTokens(strapi, alumnus.id, ['reset']);
    return { user, alumnus };
  });
  return signedIn(strapi, user, alumnus);
};
