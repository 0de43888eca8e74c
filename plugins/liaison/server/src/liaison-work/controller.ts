import type { Core } from '@strapi/strapi';
import { inputOf } from '../utils/input';
import { alumniOfPosts, scopeSizes } from './alumni';
import { contactsOf, logContacts, notFound } from './contacts';
import { alumniQuery, contactInput, contactsQuery, postsQuery } from './inputs';
import { signedInLiaison } from './posts';

/**
 * A serving liaison's own work: the posts they act for today, their scopes' alumni, their
 * contact logs. Rights are read from the posts on every request (a post that ended yesterday
 * gives none today); outside their scopes is a 404 and nothing changes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/liaison/my/posts */
  async posts(ctx: any) {
    inputOf(ctx).query(postsQuery);
    const { posts } = await signedInLiaison(strapi, ctx);
    const sizes = await scopeSizes(strapi, posts);
    ctx.body = {
      data: posts.map((p, i) => ({
        documentId: p.documentId,
        dimension: p.dimension,
        role: p.role,
        termStart: p.termStart,
        termEnd: p.termEnd,
        scope: { kind: p.scope.kind, documentId: p.scope.documentId, name: p.scope.name },
        alumni: sizes[i],
      })),
    };
  },

  /** GET /api/liaison/my/alumni?post=&q=&page=&pageSize= */
  async alumni(ctx: any) {
    const query = inputOf(ctx).query(alumniQuery);
    const { posts } = await signedInLiaison(strapi, ctx);
    if (!posts.length) throw notFound('post', 'liaisonWork.noPost');
    const chosen = query.post ? posts.filter((p) => p.documentId === query.post) : posts;
    if (!chosen.length) throw notFound('post', 'liaisonWork.notYourPost');
    ctx.body = await alumniOfPosts(strapi, chosen, query);
  },

  /** POST /api/liaison/contacts { alumni, channel, date, summary, needs? } */
  async logContacts(ctx: any) {
    const input = inputOf(ctx).body(contactInput);
    const { posts } = await signedInLiaison(strapi, ctx);
    const data = await logContacts(strapi, posts, input);
    ctx.status = 201;
    ctx.body = { data };
  },

  /** GET /api/liaison/contacts?page=&pageSize= */
  async contacts(ctx: any) {
    const { page, pageSize } = inputOf(ctx).query(contactsQuery);
    const { me } = await signedInLiaison(strapi, ctx);
    ctx.body = await contactsOf(strapi, me.id, page, pageSize);
  },
});
