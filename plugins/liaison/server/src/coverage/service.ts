import type { Core } from '@strapi/strapi';
import { isoDate } from '../utils/db';
import { fieldError } from '../rules/field-error';
import { fieldLabel, forbiddenError, validationError } from '../utils/errors';
import { DIMENSIONS } from '../rules/liaison-post';
import type { NetworkScope } from '../access/types';
import { addDays, ENDING_WITHIN_DAYS, SUMMARY_TOP, type CoverageFilters, type CoverageQuery } from './rules';
import { sqlContext, type Resolved } from './queries/context';
import { collegeIdOf, industryGroupIdOf } from './queries/filters';
import { dimensionGaps, scopesPage } from './queries/scopes';
import { reach } from './queries/reach';
import { nextChapters } from './queries/next-chapters';
import { filterOptions } from './queries/options';
import type { CoverageResponse, CoverageSummary, FilterOptions } from '../admin-api-types';

export type { Resolved } from './queries/context';
export type { CoverageRow } from './queries/rows';

/** Coverage reports: each answer is one or a few SQL statements from ./queries. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = sqlContext(strapi);

  return {
    /** Filters as ids, the reader's colleges folded in; 400 for unknown records, 403 for another college. */
    async resolve(filters: CoverageFilters, access: NetworkScope, today = isoDate()): Promise<Resolved> {
      const resolved: Resolved = {
        colleges: access.all ? null : access.colleges,
        yearFrom: filters.yearFrom,
        yearTo: filters.yearTo,
        country: filters.country,
        province: filters.province,
        today,
        horizon: addDays(today, ENDING_WITHIN_DAYS),
      };
      if (filters.college !== undefined) {
        const id = await collegeIdOf(sql, filters.college);
        if (id === null) throw validationError([fieldError('college', 'coverage.noCollege')]);
        if (resolved.colleges && !resolved.colleges.includes(id)) {
          throw forbiddenError('college', 'coverage.otherCollege', {}, (message, lang) => `${fieldLabel('college', lang)}${lang === 'zh-Hans' ? '：' : ': '}${message}`);
        }
        resolved.colleges = [id];
      }
      if (filters.sector !== undefined) {
        const id = await industryGroupIdOf(sql, filters.sector);
        if (id === null) throw validationError([fieldError('sector', 'coverage.noSector')]);
        resolved.sector = id;
      }
      return resolved;
    },

    /** One dimension's scopes, a page of them in the order asked, and the totals: one SQL statement. */
    async coverage(query: CoverageQuery, r: Resolved): Promise<CoverageResponse> {
      return scopesPage(sql, query, r);
    },

    /**
     * The network at a glance, in four statements run together: reach with the cohort and
     * college dimensions (they share the per-cohort counts), the region dimension, the
     * industry dimension, and where the next chapter could be founded.
     */
    async summary(r: Resolved): Promise<CoverageSummary> {
      const gaps = (['region', 'industry'] as const).map((d) => dimensionGaps(sql, d, r));
      const [combined, region, industry, places] = await Promise.all([this.reach(r), gaps[0], gaps[1], this.nextChapters(r)]);
      const dimensions = [...combined.dimensions, region, industry];
      const worstGaps = dimensions
        .flatMap((x) => x.gaps)
        .sort((a, b) => b.alumni - a.alumni || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension))
        .slice(0, SUMMARY_TOP);
      return {
        dimensions: dimensions.map((x) => x.dimension),
        reach: combined.reach,
        reachGrid: combined.reachGrid,
        worstGaps,
        ...places,
      };
    },

    /** Reach by dimension, and by college and graduation decade (see queries/reach.ts). */
    async reach(r: Resolved) {
      return reach(sql, r);
    },

    /** Places without a chapter, by the alumni living there (see queries/next-chapters.ts). */
    async nextChapters(r: Resolved) {
      return nextChapters(sql, r);
    },

    /** What the board's filters offer (see queries/options.ts). */
    async filterOptions(): Promise<FilterOptions> {
      return filterOptions(sql);
    },
  };
};
