import type { Core } from '@strapi/strapi';
import { syncContentApiPermissions } from './bootstrap/public-permissions';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureContentLocales } from './bootstrap/locales';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureContentLocales(strapi);
    await syncContentApiPermissions(strapi);
    const admin = await ensureFirstAdmin(strapi);

    const url = `${strapi.config.get('server.absoluteUrl', 'http://localhost:1337')}/admin`;
    if (admin) {
      strapi.log.info(
        `First admin created: ${admin.email} / ${admin.isDevelopmentDefault ? admin.password : '(ADMIN_PASSWORD)'}`
      );
    }
    strapi.log.info(`Admin panel: ${url}`);
  },
};
