import type { DocumentMiddleware } from '../writes/types';
import { searchKeyOf } from '../rules';

/** The pinyin search key of an alumnus follows the name on every write path. */
export const alumnusSearchKey = (): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid === 'plugin::liaison.alumnus' && (ctx.action === 'create' || ctx.action === 'update')) {
    const data = (ctx.params as { data?: Record<string, unknown> })?.data;
    if (data && typeof data.name === 'string') data.searchKey = searchKeyOf(data.name);
  }
  return next();
};
