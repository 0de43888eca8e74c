import { UID, type Sql } from './context';
import type { FilterOptions } from '../../admin-api-types';

/**
 * What the board's filters offer: the countries and provinces alumni live in (as stored:
 * ISO country codes, the admin names them) and the industry groups (the sector filter
 * takes a group's code). Two small statements over indexed columns.
 */
export const filterOptions = async ({ strapi, t, c, docId }: Sql): Promise<FilterOptions> => {
  const db = strapi.db.connection;
  const [country, province] = ['country', 'province'].map((f) => c(UID.alumnus, f));
  const [places, groups] = await Promise.all([
    db(t(UID.alumnus))
      .distinct({ country, province })
      .whereNotNull(country)
      .andWhere(country, '<>', '')
      .orderBy([country, province]),
    db(t(UID.industry))
      .select({
        documentId: docId(UID.industry),
        code: c(UID.industry, 'code'),
        name: c(UID.industry, 'name'),
        nameEn: c(UID.industry, 'nameEn'),
      })
      .orderBy(c(UID.industry, 'code')),
  ]);
  const countries = [...new Set(places.map((p: any) => String(p.country)))];
  return {
    countries,
    provinces: places
      .filter((p: any) => p.province !== null && p.province !== '')
      .map((p: any) => ({ country: String(p.country), province: String(p.province) })),
    sectors: groups.map((g: any) => ({ documentId: g.documentId, code: g.code, name: g.name, nameEn: g.nameEn ?? null })),
  };
};
