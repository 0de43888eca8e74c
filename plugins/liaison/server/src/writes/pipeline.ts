import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from './types';
import { queryGuard } from '../access/query-guard';
import { alumniSearch } from '../board/cm-search';
import { memberContacts } from '../access/members';
import { postAccess } from '../access/guard';
import { websiteAccess } from '../access/website-guard';
import { attendanceRecord } from '../access/attendance';
import { alumnusSearchKey } from '../board/search-key';
import { consentHistory } from '../personal-data/consents';
import { integrityGuard } from './integrity-guard';
import { appraisalGuard } from '../appraisal/guard';
import { trainingWrites } from '../training/writes';
import { postHistory } from '../assignment/history';
import { recordLabels } from '../services/record-labels';
import { cacheInvalidation } from '../website/invalidation';
import { waitingListFollowsCapacity } from '../registrations/capacity';

/**
 * Every read and write of a document, through REST, the Content Manager, jobs or the
 * plugin's own services, passes these steps in this order: Strapi runs the first one
 * outermost, so each step sees the work of the ones above it and wraps the ones below.
 * This is the only place the plugin calls `strapi.documents.use`.
 *
 * Who may read what (reads only)
 *   alumni search    a search of alumni (`_q`) looks in the fields that find a person, those
 *                    the user may read, through the search indexes on PostgreSQL
 *   query guard      a scoped user's filters, sort, populate and search name only fields
 *                    they may read (400): filtering on a field reads it
 *   member contacts  a scoped user reads a member's phone, e-mail and WeChat only with consent
 * Who may write what: refused with 403 before anything else runs, so a refusal never
 *   depends on whether the data would also be valid, and the write is rolled back when
 *   what it stored falls outside the user's scope
 *   post access      College Staff and Chapter Editors write their own scopes' posts, linking
 *                    only records they could pick
 *   website access   Chapter Editors write their own chapters' events and stories
 *   attendance       who recorded an event's attendance (server-set); scoped users within capacity
 * What the writer does not type: derived before the rules see the data
 *   search key       an alumnus' pinyin search key follows the name
 *   consents         a consent that changes gets its date, and a consent-change row (value, date,
 *                    source, who) in the write's transaction, whatever the path
 * The rules, in one transaction from here in: a write that breaks one leaves nothing behind
 *   integrity        field rules, required relations, unique pairs; database errors as 400/409
 *   appraisal        computed fields are the server's; a closed cycle is frozen; criteria,
 *                    thresholds and scores are valid
 *   training         a record's result is computed and its session has room; a post that
 *                    starts serving is provisional until trained
 *   post history     term invariants (order, no overlap, room in the scope), then a
 *                    post-event for every change, named by the lifecycle action that made it
 * After the write, inside its transaction
 *   record labels    labels of the record and of the records that name it
 *   waiting list     an event published with seats free moves its waiting list up (mailed)
 *   cache            the website's cache is cleared on every instance once the write commits
 */
export const writePipeline = (strapi: Core.Strapi): [name: string, step: DocumentMiddleware][] => [
  ['alumni search', alumniSearch(strapi)],
  ['query guard', queryGuard(strapi)],
  ['member contacts', memberContacts(strapi)],
  ['post access', postAccess(strapi)],
  ['website access', websiteAccess(strapi)],
  ['attendance', attendanceRecord(strapi)],
  ['search key', alumnusSearchKey()],
  ['consents', consentHistory(strapi)],
  ['integrity', integrityGuard(strapi)],
  ['appraisal', appraisalGuard(strapi)],
  ['training', trainingWrites(strapi)],
  ['post history', postHistory(strapi)],
  ['record labels', recordLabels(strapi)],
  ['waiting list', waitingListFollowsCapacity(strapi)],
  ['cache', cacheInvalidation(strapi, () => strapi.plugin('liaison').service('website').invalidated())],
];

export const registerWritePipeline = (strapi: Core.Strapi) => {
  for (const [, step] of writePipeline(strapi)) strapi.documents.use(step);
};
