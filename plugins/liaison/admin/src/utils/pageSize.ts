/** The page sizes our lists offer; 25 (the server's default) among them. */
export const PAGE_SIZES = ['10', '25', '50', '100'];
export const DEFAULT_PAGE_SIZE = 25;

/**
 * The options of Strapi's `Pagination.PageSize` select: ours, plus the size in the URL when it
 * is another (a select whose value is not among its options shows nothing).
 */
export const pageSizeOptions = (current?: string | number | null): string[] => {
  const size = current === undefined || current === null || current === '' ? null : String(current);
  if (!size || PAGE_SIZES.includes(size) || !/^\d+$/.test(size)) return PAGE_SIZES;
  return [...PAGE_SIZES, size].sort((a, b) => Number(a) - Number(b));
};
