'use strict';

/**
 * Feedback kinds follow issue 17 (career help, cooperation, suggestion, complaint, data
 * correction, other) instead of the first five categories. Strapi keeps enumerations as text,
 * so the rows are rewritten before the schema sync; a database without the table has none.
 * A general "need" or "opinion" says nothing more precise about itself: it becomes "other".
 */
const RENAMED = { need: 'other', opinion: 'other', data_update: 'data_correction' };

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('liaison_feedback')) || !(await knex.schema.hasColumn('liaison_feedback', 'category'))) return;
    for (const [from, to] of Object.entries(RENAMED)) {
      await knex('liaison_feedback').where('category', from).update({ category: to });
    }
  },
};
