import { ROLE_NAMES } from '../vocabulary';
/** Chinese names used in records' labels (the admin's enum labels say the same; unit tests compare). */
export const ROLE_NAMES_ZH: Record<string, string> = Object.fromEntries(Object.entries(ROLE_NAMES).map(([role, names]) => [role, names['zh-Hans']]));

export const SEPARATOR = ' · ';
