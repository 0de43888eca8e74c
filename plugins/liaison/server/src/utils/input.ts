import type { z } from '@strapi/utils';
import { parseWith, type PathStyle } from '../rules/inputs';
import type { Lang } from '../rules/messages';
import { validationError } from './errors';

/**
 * The controllers' one way in: parses a request's params, query or body with its schema
 * and hands back the typed value, or throws our 400 naming each wrong field by its path
 * (`termStart`, `appointments[0].alumnus`) with the message id, in the request's language.
 */
export const parseInput = <S extends z.ZodType>(
  schema: S,
  data: unknown,
  options: { root?: string; style?: PathStyle; lang?: Lang } = {},
): z.output<S> => {
  const parsed = parseWith(schema, data, options);
  if (parsed.problems.length) throw validationError(parsed.problems, options.lang);
  return parsed.value as z.output<S>;
};

/** A controller's parsers of its request: each part (a missing part is empty) by its schema. */
export const inputOf = (ctx: any) => ({
  params: <S extends z.ZodType>(schema: S) => parseInput(schema, ctx.params ?? {}),
  query: <S extends z.ZodType>(schema: S) => parseInput(schema, ctx.query ?? {}),
  /** `root`: how a problem with the whole body is named (`body`). */
  body: <S extends z.ZodType>(schema: S, root = 'body') => parseInput(schema, ctx.request?.body ?? {}, { root }),
});
