'use strict';

/**
 * Stories and events moved from the app (api::story.story, api::event.event) into the
 * liaison plugin (plugin::liaison.story, plugin::liaison.event). Their tables keep their
 * names; what names the types elsewhere is renamed here, before Strapi syncs the schema
 * (which would otherwise drop the covers' links as belonging to an unknown type):
 * media links, admin permissions, users-permissions actions, the Content Manager's settings.
 */
const RENAMED = [
  ['api::story.story', 'plugin::liaison.story'],
  ['api::event.event', 'plugin::liaison.event'],
];

const renameValues = async (knex, table, column) => {
  if (!(await knex.schema.hasTable(table)) || !(await knex.schema.hasColumn(table, column))) return;
  for (const [from, to] of RENAMED) {
    await knex(table).where(column, from).update({ [column]: to });
    // Actions are the type's uid followed by the action: api::story.story.find.
    const rows = await knex(table).select('id', column).where(column, 'like', `${from}.%`);
    for (const row of rows) await knex(table).where('id', row.id).update({ [column]: `${to}${row[column].slice(from.length)}` });
  }
};

module.exports = {
  async up(knex) {
    await renameValues(knex, 'files_related_mph', 'related_type');
    await renameValues(knex, 'admin_permissions', 'subject');
    await renameValues(knex, 'up_permissions', 'action');
    await renameValues(knex, 'strapi_history_versions', 'content_type');
    // The Content Manager's layouts are rebuilt for the new uids; the old ones would linger.
    if (await knex.schema.hasTable('strapi_core_store_settings')) {
      for (const [from] of RENAMED) {
        await knex('strapi_core_store_settings').where('key', `plugin_content_manager_configuration_content_types::${from}`).del();
      }
    }
  },
};
