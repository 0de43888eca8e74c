import type { Core } from '@strapi/strapi';
import { syncContentApiPermissions } from './bootstrap/public-permissions';
import { developmentAdminInUse, ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureContentLocales } from './bootstrap/locales';
import { seedDemoIfWanted } from './bootstrap/demo';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // First: a production start refused for want of a safe admin stops before anything is seeded.
    const admin = (await ensureFirstAdmin(strapi)) ?? (await developmentAdminInUse(strapi));
    await ensureContentLocales(strapi);
    await syncContentApiPermissions(strapi);
    const demo = await seedDemoIfWanted(strapi);

    const url = `${strapi.config.get('server.absoluteUrl', 'http://localhost:1337')}/admin`;
    const announce = () => {
      if (admin) {
        const password = admin.isDevelopmentDefault ? admin.password : '(the ADMIN_PASSWORD you set)';
        strapi.log.info(
          admin.created
            ? `First admin created: ${admin.email} / ${password}`
            : `Development admin: ${admin.email} / ${password} (unless you changed it)`
        );
      }
      strapi.log.info(`Admin panel: ${url}`);
      if (demo?.alumnus) {
        const base = strapi.config.get('server.absoluteUrl', 'http://localhost:1337');
        strapi.log.info(`Alumni page: ${base}/api/liaison/app (the demo's ${demo.alumnus.name}: ${demo.alumnus.email} / ${demo.alumnus.password})`);
      }
    };
    // Said once the server listens, so it is the last thing on the console, after Strapi's banner.
    strapi.server.httpServer.once('listening', () => setImmediate(announce));
  },
};
