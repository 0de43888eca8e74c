import { factories } from '@strapi/strapi';
import { assertPublishedOnly } from '../../../utils/published-only';

/** Public reads serve published content only (see utils/published-only). */
export default factories.createCoreController('api::event.event', () => ({
  async find(ctx) {
    assertPublishedOnly(ctx);
    return super.find(ctx);
  },
  async findOne(ctx) {
    assertPublishedOnly(ctx);
    return super.findOne(ctx);
  },
}));
