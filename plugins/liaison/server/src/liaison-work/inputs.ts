import { z } from '@strapi/utils';
import contactLog from '../content-types/contact-log/schema.json';
import { dayOf } from '../assignment/rules/lifecycle';
import { addProblem, documentId, filledText, isDay, oneOf, optional, paging, says, text } from '../rules/inputs';

/** The most alumni one contact log names (a gathering of a class). */
export const MAX_ALUMNI = 50;
export const MAX_SUMMARY = 2000;
/** The longest search term: a name with its pinyin is far shorter. */
const MAX_QUERY = 100;

export const CHANNELS = contactLog.attributes.channel.enum as readonly string[];

/**
 * A query that takes exactly these parameters: any other (`filters`, `sort`, `fields`,
 * `populate` …) is a 400 naming it, so that nobody filters or sorts on a field they may not
 * read, and a misspelt parameter is not silently ignored.
 */
const onlyThese = <S extends z.ZodRawShape>(shape: S) => {
  const list = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? says('liaisonWork.unknownParameter', { list }) : undefined),
  });
};

/** GET /api/liaison/my/posts: no parameters. */
export const postsQuery = onlyThese({});

/** GET /api/liaison/my/alumni?post=&q=&page=&pageSize= */
export const alumniQuery = onlyThese({
  post: optional(documentId('liaisonWork.notYourPost')),
  q: optional(text(MAX_QUERY)),
  ...paging(100_000, 100),
});

/** GET /api/liaison/contacts?page=&pageSize= */
export const contactsQuery = onlyThese(paging(100_000, 100));

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** When the contact happened: a day, or an instant with its offset (its day is the network's, Asia/Shanghai). */
export type ContactDate = { day: string; at: Date; dayOnly: boolean };

const contactDate = z.string(says('liaisonWork.date')).transform((value, ctx): ContactDate => {
  const written = value.slice(0, 10);
  if (isDay(value)) return { day: value, at: new Date(`${value}T00:00:00.000Z`), dayOnly: true };
  const at = DATE_TIME.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()) || !isDay(written)) {
    addProblem(ctx, [], 'liaisonWork.date');
    return z.NEVER;
  }
  return { day: dayOf(at), at, dayOnly: false };
});

/** POST /api/liaison/contacts */
export const contactInput = z
  .object({
    alumni: z
      .array(documentId(), says('liaisonWork.alumni', { max: MAX_ALUMNI }))
      .min(1, says('liaisonWork.alumni', { max: MAX_ALUMNI }))
      .max(MAX_ALUMNI, says('liaisonWork.alumni', { max: MAX_ALUMNI }))
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        for (const [i, id] of list.entries()) {
          if (seen.has(id)) addProblem(ctx, [i], 'liaisonWork.twice', { documentId: id });
          seen.add(id);
        }
      }),
    channel: oneOf(CHANNELS),
    date: contactDate,
    summary: filledText(MAX_SUMMARY),
    needs: optional(text(MAX_SUMMARY)),
  })
  .strict();

export type ContactInput = z.output<typeof contactInput>;
