import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { refreshPostLabels } from './post-labels';

/** `strapi.plugin('liaison').service('post-labels')`: recompute posts' labels in one statement. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  refreshAll: (trx?: Knex) => refreshPostLabels(strapi, { all: true }, trx),
  refreshPosts: (ids: number[], trx?: Knex) => refreshPostLabels(strapi, { posts: ids }, trx),
});
