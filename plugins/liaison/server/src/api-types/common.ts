/** What every answer shares: references, pagination, the `{ data }` wrapper. Types only (see ../admin-api-types.ts). */
import type { Dimension } from '../vocabulary';

export type { Dimension };

/** A record named in an answer. */
export interface NamedRef {
  documentId: string;
  name: string;
}

/** Strapi's page meta, as every list of the admin API answers it. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** An answer with one value (`{ data }`). */
export interface DataResponse<T> {
  data: T;
}
