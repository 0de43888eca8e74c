/** Chinese names used in records' labels (the admin's enum labels say the same; unit tests compare). */
export const ROLE_NAMES_ZH: Record<string, string> = {
  head: '会长',
  deputy: '副会长',
  secretary: '秘书长',
  member: '委员',
  monitor: '班长',
  league_secretary: '团支书',
  staff: '负责老师',
};

export const SEPARATOR = ' · ';
