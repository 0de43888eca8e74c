import { publishedOnlyController } from '../../../utils/published-only';

/** Public reads serve published content only (see utils/published-only). */
export default publishedOnlyController('api::event.event');
