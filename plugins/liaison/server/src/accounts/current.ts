import { forbiddenError } from '../utils/errors';

const ACCOUNT = 'plugin::liaison.alumni-account';

export interface SignedInAlumnus {
  /** The users-permissions user (ctx.state.user). */
  userId: number;
  /** The alumnus the account belongs to. */
  id: number;
  documentId: string;
  name: string;
  email: string | null;
  language: string | null;
}

/**
 * The alumnus behind a request of a signed-in alumnus. Routes of alumni (`alumniRoutes` of a
 * capability) are content-API routes authenticated by users-permissions' JWT strategy, which
 * sets ctx.state.user; the account links that user to exactly one alumnus. A user that is no
 * alumnus's (an account made by hand in the admin) is refused with 403.
 */
export const signedInAlumnus = async (strapi: any, ctx: any): Promise<SignedInAlumnus> => {
  const user = ctx.state?.user;
  const account = user?.id
    ? await strapi.db.query(ACCOUNT).findOne({
        where: { user: { id: user.id } },
        populate: { alumnus: { select: ['id', 'documentId', 'name', 'email', 'language'] } },
      })
    : null;
  const alumnus = account?.alumnus;
  if (!alumnus) throw forbiddenError('user', 'accounts.noAlumnus');
  return { userId: user.id, id: alumnus.id, documentId: alumnus.documentId, name: alumnus.name, email: alumnus.email ?? null, language: alumnus.language ?? null };
};
