import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { refreshAllRecordLabels } from './record-labels';

/** `strapi.plugin('liaison').service('record-labels')`: recompute the labels of appraisals, training, contact logs, feedback. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  refreshAll: (trx?: Knex) => refreshAllRecordLabels(strapi, trx),
});
