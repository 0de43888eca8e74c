import { parameterDescriptions, queryParameters, TIMEFRAME } from './query';
import { EVENT, STORY, MEDIA_FIELDS, type PublicType } from './public-types';
import { FILTER_SCHEMAS, filtersSchema } from './filters';
import { schemaOf as valueSchema } from './values';
import { DIRECTORY_PARAMETERS } from './directory';
import { FEED_PARAMETERS } from './ical';
import { ID_OR_SLUG } from './inputs';
import { ROLL_PARAMETERS } from '../honours/inputs';
import type { PublicPaths } from './paths';

/**
 * The OpenAPI 3.1 description of what the website may call, and nothing else (no users,
 * auth or admin routes). Written from the same field lists and parameter specs the server
 * checks queries against (query.ts, filters.ts, values.ts), so the two cannot drift apart;
 * tests/website/fuzz.cases.ts holds them to it.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const json = (schema: Record<string, unknown>, description = 'OK') => ({
  description,
  headers: { ETag: { description: 'Send it back in If-None-Match: an unchanged answer is a 304', schema: { type: 'string' } } },
  content: { 'application/json': { schema } },
});
const COMMON_ERRORS = {
  '304': { description: 'Not modified: the ETag in If-None-Match is still current' },
  '400': errorResponse('A parameter is unknown, malformed or reaches a field the website may not see; error.details.errors[].path names it'),
  '429': {
    description: 'Too many requests from this address; wait the seconds in Retry-After',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/json': { schema: ref('Error') } },
  },
};

const SCALAR_SCHEMA: Record<string, Record<string, unknown>> = {
  id: { type: 'string' },
  string: { type: ['string', 'null'] },
  text: { type: ['string', 'null'] },
  blocks: { type: ['array', 'null'], description: 'Strapi blocks (rich text)', items: { type: 'object' } },
  datetime: { type: ['string', 'null'], format: 'date-time' },
  integer: { type: ['integer', 'null'] },
  enum: { type: 'string' },
  yearList: { type: ['array', 'null'], items: { type: 'integer' } },
  tagList: { type: ['array', 'null'], items: { type: 'string' } },
};

const named = (extra: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(['documentId', 'name', 'nameEn', ...extra].map((f) => [f, { type: ['string', 'null'] }])),
});

const schemaOf = (type: PublicType, enums: Record<string, string[]> = {}) => {
  const properties: Record<string, unknown> = { id: { type: 'integer' } };
  for (const [field, spec] of Object.entries(type.fields)) {
    properties[field] = enums[field] ? { type: 'string', enum: enums[field] } : SCALAR_SCHEMA[spec.kind];
  }
  return properties;
};

const STORY_FILTERS = 'e.g. filters[colleges][code][$eq]=CS, filters[chapters][documentId][$eq]=…, filters[chapters][province][$eq]=广东, filters[industries][code][$eq]=I, filters[cohortYears][$contains]=2006, filters[tags][$contains]=entrepreneurship, filters[slug][$eq]=…';
const EVENT_FILTERS = 'e.g. filters[chapter][documentId][$eq]=…, filters[college][code][$eq]=MED, filters[industry][code][$eq]=I, filters[type][$eq]=reunion, filters[startsAt][$gte]=2027-01-01';

const oneParams = (type: PublicType) => [
  { name: 'idOrSlug', in: 'path', required: true, description: 'the slug in the asked locale, or the documentId', schema: valueSchema(ID_OR_SLUG) },
  ...queryParameters(type, 'one'),
];

const list = (item: string) => ({
  type: 'object',
  required: ['data', 'meta'],
  properties: { data: { type: 'array', items: ref(item) }, meta: { type: 'object', properties: { pagination: ref('Pagination') } } },
});
const one = (item: string) => ({ type: 'object', required: ['data'], properties: { data: ref(item), meta: { type: 'object' } } });

export const openApiDocument = (serverUrl: string, eventTypes: string[], paths: PublicPaths) => ({
  openapi: '3.1.0',
  info: {
    title: 'Liaison public API',
    version: '1.0.0',
    description:
      'What the university website reads: published alumni stories and events (zh-Hans and en), the iCalendar feed of upcoming events, the chapter directory and the honour roll. Read-only, no token. Answers carry an ETag; rate limits answer 429 with Retry-After.',
  },
  servers: [{ url: serverUrl || '/' }],
  paths: {
    [paths.stories]: {
      get: {
        operationId: 'listStories',
        summary: 'Published alumni stories',
        parameters: queryParameters(STORY, 'list', { schema: 'StoryFilters', help: STORY_FILTERS }),
        responses: { '200': json(list('Story')), ...COMMON_ERRORS },
      },
    },
    [`${paths.stories}/{idOrSlug}`]: {
      get: { operationId: 'getStory', summary: 'One published story', parameters: oneParams(STORY), responses: { '200': json(one('Story')), ...COMMON_ERRORS, '404': errorResponse('No published story with this slug or documentId in this locale') } },
    },
    [paths.events]: {
      get: {
        operationId: 'listEvents',
        summary: 'Published alumni events',
        parameters: [...queryParameters(EVENT, 'list', { schema: 'EventFilters', help: EVENT_FILTERS }), ...parameterDescriptions({ timeframe: TIMEFRAME })],
        responses: { '200': json(list('Event')), ...COMMON_ERRORS },
      },
    },
    [`${paths.events}/{idOrSlug}`]: {
      get: { operationId: 'getEvent', summary: 'One published event', parameters: oneParams(EVENT), responses: { '200': json(one('Event')), ...COMMON_ERRORS, '404': errorResponse('No published event with this slug or documentId in this locale') } },
    },
    [paths.feed]: {
      get: {
        operationId: 'eventsCalendar',
        summary: 'Upcoming events as an iCalendar feed (UTC times)',
        parameters: parameterDescriptions(FEED_PARAMETERS),
        responses: {
          '200': { description: 'The feed', content: { 'text/calendar': { schema: { type: 'string' } } } },
          ...COMMON_ERRORS,
          '404': errorResponse('No chapter has this documentId'),
        },
      },
    },
    [paths.chapters]: {
      get: {
        operationId: 'listChapters',
        summary: 'The chapter directory',
        parameters: parameterDescriptions(DIRECTORY_PARAMETERS),
        responses: { '200': json(list('Chapter')), ...COMMON_ERRORS },
      },
    },
    [paths.honours]: {
      get: {
        operationId: 'honourRoll',
        summary: 'The honour roll: awarded honours of alumni who consented to publication',
        parameters: parameterDescriptions(ROLL_PARAMETERS),
        responses: { '200': json(list('Honour')), ...COMMON_ERRORS },
      },
    },
  },
  components: {
    schemas: {
      ...FILTER_SCHEMAS,
      StoryFilters: filtersSchema(STORY, 'StoryFilters'),
      EventFilters: filtersSchema(EVENT, 'EventFilters'),
      Pagination: {
        type: 'object',
        properties: Object.fromEntries(['page', 'pageSize', 'pageCount', 'total', 'start', 'limit'].map((k) => [k, { type: 'integer' }])),
      },
      Error: {
        type: 'object',
        properties: {
          data: { type: 'null' },
          error: {
            type: 'object',
            properties: {
              status: { type: 'integer' },
              name: { type: 'string' },
              message: { type: 'string' },
              details: {
                type: 'object',
                properties: { errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } } } } },
              },
            },
          },
        },
      },
      Media: {
        type: ['object', 'null'],
        properties: { id: { type: 'integer' }, documentId: { type: 'string' }, ...Object.fromEntries(MEDIA_FIELDS.map((f) => [f, f === 'formats' ? { type: ['object', 'null'] } : { type: ['string', 'number', 'null'] }])) },
      },
      College: named(['code']),
      ChapterRef: named(['country', 'province', 'city']),
      Industry: named(['code']),
      FeaturedAlumnus: {
        type: 'object',
        description: 'An alumnus featured in a story, by the name they consented to be published under',
        properties: { displayName: { type: 'string' }, graduationYear: { type: ['integer', 'null'] }, college: { oneOf: [ref('College'), { type: 'null' }] } },
      },
      Story: {
        type: 'object',
        properties: {
          ...schemaOf(STORY),
          cover: ref('Media'),
          colleges: { type: 'array', items: ref('College') },
          chapters: { type: 'array', items: ref('ChapterRef') },
          industries: { type: 'array', items: ref('Industry') },
          featuredAlumni: { type: 'array', items: ref('FeaturedAlumnus') },
        },
      },
      Event: {
        type: 'object',
        properties: {
          ...schemaOf(EVENT, { type: eventTypes }),
          cover: ref('Media'),
          chapter: { oneOf: [ref('ChapterRef'), { type: 'null' }] },
          college: { oneOf: [ref('College'), { type: 'null' }] },
          industry: { oneOf: [ref('Industry'), { type: 'null' }] },
        },
      },
      Chapter: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          name: { type: 'string' },
          country: { type: 'string' },
          province: { type: ['string', 'null'] },
          city: { type: ['string', 'null'] },
          foundedOn: { type: ['string', 'null'], format: 'date' },
          contactEmail: { type: ['string', 'null'], description: "the chapter's public address, never a person's" },
          description: { type: ['string', 'null'] },
          liaisons: {
            type: 'array',
            items: { type: 'object', properties: { displayName: { type: 'string' }, role: { type: 'string' }, roleName: { type: 'string' } } },
          },
          upcomingEvents: { type: 'integer' },
        },
      },
      Honour: {
        type: 'object',
        properties: Object.fromEntries(['name', 'kind', 'title', 'dimension', 'scope'].map((k) => [k, { type: ['string', 'null'] }]).concat([['year', { type: ['integer', 'null'] }]])),
      },
    },
  },
});
