import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** Where the demo's images live: shipped with the source, not compiled. */
export const demoImagesDir = (strapi: Core.Strapi) => path.join(strapi.dirs.app.root, 'src', 'demo', 'images');

const WEBSITE_TYPES = ['plugin::liaison.story', 'plugin::liaison.event'] as const;

/**
 * Gives the demo's stories (and the homecoming event) their cover images: each image of
 * src/demo/images is uploaded through Strapi's upload service, which stores it and makes
 * its formats (thumbnail, small, medium), and becomes the cover of the documents whose
 * slug is its name, in every locale, draft and published. Returns how many were attached.
 */
export async function attachDemoCovers(strapi: Core.Strapi): Promise<number> {
  const dir = demoImagesDir(strapi);
  if (!fs.existsSync(dir)) return 0;
  let attached = 0;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort()) {
    const slug = name.replace(/\.jpg$/, '');
    const rows = (
      await Promise.all(
        WEBSITE_TYPES.map(async (uid) =>
          ((await strapi.db.query(uid).findMany({ where: { slug }, select: ['id', 'title', 'locale', 'updatedAt'] })) as any[]).map((row) => ({ uid, ...row }))
        )
      )
    ).flat();
    if (!rows.length) continue;
    const filepath = path.join(dir, name);
    const title = rows.find((r) => r.locale === 'en')?.title ?? rows[0].title;
    const [file] = await strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name, alternativeText: title, caption: title } },
      files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
    });
    for (const row of rows) {
      await strapi.db.query(row.uid).update({ where: { id: row.id }, data: { cover: file.id } });
      // Attaching the demo's cover is not an edit: the draft must not read as modified since publication.
      const { tableName } = strapi.db.metadata.get(row.uid);
      await strapi.db.connection(tableName).where({ id: row.id }).update({ updated_at: new Date(row.updatedAt) });
    }
    attached += 1;
  }
  return attached;
}
