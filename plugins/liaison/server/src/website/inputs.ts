import { z } from '@strapi/utils';
import type { Lang } from '../rules/messages';
import { parseInput } from '../utils/input';
import { EVENT, STORY } from './public-types';
import { given, parametersInput, PUBLIC_PATHS, publicQuery, TIMEFRAME } from './query';
import { zodOf, type ValueSpec } from './values';
import { DIRECTORY_PARAMETERS } from './directory';
import { FEED_PARAMETERS } from './ical';

/**
 * What the website's endpoints take, as zod schemas (built in ./query from the same specs
 * the OpenAPI document describes): the controllers parse with them, the reads get the
 * query in the Document Service's words. The public API answers in English.
 */

/** GET /api/stories */
export const storiesQuery = publicQuery(STORY, 'list');
/** GET /api/stories/:idOrSlug */
export const storyQuery = publicQuery(STORY, 'one');
/** GET /api/events: also `timeframe` (upcoming or past). */
export const eventsQuery = publicQuery(EVENT, 'list', {
  timeframe: given(TIMEFRAME.value) as z.ZodType<'upcoming' | 'past' | undefined>,
});
/** GET /api/events/:idOrSlug */
export const eventQuery = publicQuery(EVENT, 'one');

/** The path parameter of one record: its slug or documentId. */
export const ID_OR_SLUG: ValueSpec = { type: 'string' };
export const recordParams = z.object({ idOrSlug: zodOf(ID_OR_SLUG) as z.ZodType<string> });

/** GET /api/liaison/chapters */
export const directoryQuery = parametersInput(DIRECTORY_PARAMETERS, 'the chapter directory');
export type DirectoryQuery = z.output<typeof directoryQuery>;
/** GET /api/events.ics */
export const feedQuery = parametersInput(FEED_PARAMETERS, 'the events feed');
export type FeedQuery = z.output<typeof feedQuery>;

/** Parses a public request's part: 400 naming the parameter as the query string writes it (`pagination[page]`), in English. */
export const parsePublic = <S extends z.ZodType>(schema: S, data: unknown, lang: Lang = PUBLIC_PATHS.lang): z.output<S> =>
  parseInput(schema, data ?? {}, { ...PUBLIC_PATHS, lang });
