import { UIDS } from './rules';

const READ = 'plugin::content-manager.explorer.read';

/**
 * Fields whose value a scoped user may read on some records and not on others: a member's
 * phone, e-mail and WeChat show only when the member consented to be contacted
 * (access/members.ts). A filter, sort or search on them would tell the others' values
 * apart, so for a scoped user they count as unreadable everywhere.
 */
const PER_RECORD: Record<string, string[]> = { [UIDS.alumnus]: ['phone', 'email', 'wechat'] };
/** Fields that only restate another: an alumnus's search key is their name, lower-cased and in pinyin. */
const DERIVED: Record<string, Record<string, string>> = { [UIDS.alumnus]: { searchKey: 'name' } };
/** What identifies a record and when it was written: never a secret. */
const ALWAYS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];
/** Who wrote a record, as far as the Content Manager shows an admin user. */
const CREATORS = ['createdBy', 'updatedBy'];
const ADMIN_USER_FIELDS = ['id', 'documentId', 'firstname', 'lastname', 'username'];

interface Ability {
  can: (action: string, subject: string, field?: string) => boolean;
}

/**
 * Whether a scoped admin user may read a field of a type, as their role's Content Manager
 * read permission says (its fields, whatever its conditions), less the per-record fields
 * above. On a type they may not read at all, only what identifies a record.
 */
export const fieldReader = (ability: Ability) => (uid: string, field: string): boolean => {
  if (ALWAYS.includes(field)) return true;
  if (uid === 'admin::user') return ADMIN_USER_FIELDS.includes(field);
  if (PER_RECORD[uid]?.includes(field)) return false;
  if (CREATORS.includes(field)) return ability.can(READ, uid);
  return ability.can(READ, uid, DERIVED[uid]?.[field] ?? field);
};

export type FieldReader = ReturnType<typeof fieldReader>;
