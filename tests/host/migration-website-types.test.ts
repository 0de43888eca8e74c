import { setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const migration = require('../../database/migrations/2026.12.03T00.00.00.website-types-into-the-plugin.js');

/**
 * A database from before stories and events moved into the plugin names them api::story.story
 * and api::event.event: the migration renames them wherever they are named, so that covers
 * stay linked and granted permissions stay granted.
 */
beforeAll(setupStrapi);
afterAll(teardownStrapi);

it('renames the old uids in media links, permissions and the Content Manager settings', async () => {
  const knex = strapiApp().db.connection;
  const file = await strapiApp().db.query('plugin::upload.file').create({
    data: { name: 'cover.png', hash: `h${Date.now()}`, ext: '.png', mime: 'image/png', size: 1, url: '/uploads/cover.png', provider: 'local' },
  });
  const story = await strapiApp().db.query('plugin::liaison.story').create({ data: { title: 'Old', slug: `old-${Date.now()}`, locale: 'zh-Hans' } });
  await knex('files_related_mph').insert({ file_id: file.id, related_id: story.id, related_type: 'api::story.story', field: 'cover', order: 1 });
  await knex('up_permissions').insert({ action: 'api::event.event.find', document_id: `doc${Date.now()}` });
  await knex('strapi_core_store_settings').insert({ key: 'plugin_content_manager_configuration_content_types::api::story.story', value: '{}', type: 'object' });

  await knex.transaction((trx) => migration.up(trx));

  const link = await knex('files_related_mph').where({ file_id: file.id }).first();
  expect(link.related_type).toBe('plugin::liaison.story');
  expect(await knex('up_permissions').where({ action: 'api::event.event.find' })).toEqual([]);
  expect((await knex('up_permissions').where({ action: 'plugin::liaison.event.find' })).length).toBeGreaterThan(0);
  expect(await knex('strapi_core_store_settings').where('key', 'like', '%api::story.story')).toEqual([]);
  // The cover is the story's again.
  const read = await strapiApp().db.query('plugin::liaison.story').findOne({ where: { id: story.id }, populate: ['cover'] });
  expect(read.cover?.id).toBe(file.id);
});
