import type { Core } from '@strapi/strapi';
import QRCode from 'qrcode';
import { signedInAlumnus } from '../accounts/current';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { format } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { errors } from '@strapi/utils';
import { ASSETS } from './assets';
import { renderShell } from './page';

const REGISTRATION = 'plugin::liaison.event-registration';

/** The alumni page (public: it holds nothing of anyone's; what it shows it reads with the person's JWT). */
export const alumniAppController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/liaison/app, /app/activate, /app/reset: the page. */
  page(ctx: any) {
    // The assets are named relative to where the page was opened: /app → app/assets/, /app/… → assets/.
    const assets = /\/app$/.test(ctx.path) ? 'app/assets/' : 'assets/';
    ctx.type = 'text/html; charset=utf-8';
    // A mailed link carries its token in the query: not cached, not indexed, not passed on as a Referer.
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = renderShell(assets);
  },

  /** GET /api/liaison/app/assets/:file: the script and the style sheet. */
  asset(ctx: any) {
    // Each file has its own route (index.ts): the last part of the path names it.
    const a = ASSETS[String(ctx.path).split('/').pop() as string];
    const etag = `"${a.hash}"`;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('ETag', etag);
    // Named with its hash by the page (?v=): a year, unchanged; asked for without it, checked each time.
    ctx.set('Cache-Control', ctx.query?.v === a.hash ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.type = a.type;
    if (ctx.get('if-none-match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.body = a.body;
  },

  /** GET /api/liaison/me/registrations/:documentId/qr: the QR code of one of the person's own sign-ups, as SVG. */
  async qr(ctx: any) {
    const me = await signedInAlumnus(strapi, ctx);
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const row: any = await strapi.db.query(REGISTRATION as any).findOne({
      where: { documentId, alumnus: { id: me.id }, registrationStatus: 'registered' },
      select: ['code'],
    });
    if (!row?.code) throw new errors.NotFoundError(format('signUp.noRegistration', {}, requestLanguage()));
    ctx.type = 'image/svg+xml';
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = await QRCode.toString(row.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  },
});
