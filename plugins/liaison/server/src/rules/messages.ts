/**
 * The rules' messages in the admin's two languages. Rules say their errors in English
 * (`fieldError(path, 'must be after termStart')`); the English text is matched against
 * these templates, so each error gets a message id, its values, and a Chinese version.
 * Capabilities add their messages here (prefixed by the capability, at the end).
 */
export type Lang = 'en' | 'zh-Hans';

export const MESSAGES: Record<string, { en: string; 'zh-Hans': string }> = {
  required: { en: 'is required', 'zh-Hans': '为必填项' },
  'unique.taken': { en: 'is already taken by another record', 'zh-Hans': '已被其他记录使用' },
  'unique.together': { en: 'already has a record for this {field}', 'zh-Hans': '在此{field}下已有记录' },
  'date.after': { en: 'must be after {field}', 'zh-Hans': '须晚于{field}' },
  'date.onOrAfter': { en: 'must be on or after {field}', 'zh-Hans': '不得早于{field}' },
  'date.format': { en: 'must be a date written yyyy-MM-dd', 'zh-Hans': '须为日期，格式为 yyyy-MM-dd' },
  'datetime.format': { en: 'must be a date and time (ISO 8601)', 'zh-Hans': '须为日期和时间（ISO 8601 格式）' },
  'post.holder': { en: 'a post must be held by an alumnus', 'zh-Hans': '岗位须由一位校友担任' },
  'post.dimension': { en: 'must be one of {list}', 'zh-Hans': '须为以下之一：{list}' },
  'post.scopeMissing': { en: 'a {dimension} post needs its {field}', 'zh-Hans': '{dimension}维度的岗位须指定{field}' },
  'post.scopeExtra': { en: 'a {dimension} post cannot have a {field}', 'zh-Hans': '{dimension}维度的岗位不能指定{field}' },
  'post.industryReason': {
    en: 'industry liaisons enter by nomination with a stated reason',
    'zh-Hans': '行业联络员须经举荐产生，并写明举荐理由',
  },
  'post.endedTermEnd': { en: 'an ended post needs the date its term ended', 'zh-Hans': '已卸任的岗位须填写任期结束日期' },
  'post.endedReason': { en: 'an ended post needs the reason it ended', 'zh-Hans': '已卸任的岗位须填写卸任原因' },
  'event.registrationAfterEnd': {
    en: 'registration cannot close after the event is over',
    'zh-Hans': '报名截止时间不能晚于活动结束',
  },
  'event.url': { en: 'must be an http(s) address', 'zh-Hans': '须为 http(s) 网址' },
  'event.organisers': {
    en: 'an event has one organiser: {fields} are both set',
    'zh-Hans': '一个活动只有一个主办方：不能同时填写{fields}',
  },
  'event.venue': {
    en: 'a published event needs a venue or an online link',
    'zh-Hans': '发布的活动须有举办地点或线上链接',
  },
  'story.cohortYears': {
    en: 'must be a list of graduation years between 1900 and 2100',
    'zh-Hans': '须为 1900 至 2100 年之间的毕业年份列表',
  },
};

/** Field names and values that messages quote, as staff call them in Chinese. */
export const TERMS_ZH: Record<string, string> = {
  startsAt: '开始时间',
  endsAt: '结束时间',
  registrationOpensAt: '报名开始时间',
  registrationClosesAt: '报名截止时间',
  termStart: '任期开始',
  termEnd: '任期结束',
  periodStart: '考核期开始',
  periodEnd: '考核期结束',
  alumnus: '校友',
  cohort: '年级（班级）',
  college: '学院',
  chapter: '地区校友会',
  industry: '行业校友组织',
  region: '地区',
  session: '培训场次',
  cycle: '考核周期',
  liaison: '联络员岗位',
  course: '培训课程',
  dimension: '维度',
  nominationReason: '举荐理由',
  endReason: '卸任原因',
  onlineUrl: '线上链接',
  venue: '举办地点',
  cohortYears: '届别',
  studentNo: '学号',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TEMPLATES = Object.entries(MESSAGES).map(([id, m]) => {
  const names: string[] = [];
  const pattern = escape(m.en).replace(/\\\{(\w+)\\\}/g, (_, name: string) => {
    names.push(name);
    return '(.+?)';
  });
  return { id, names, regex: new RegExp(`^${pattern}$`) };
});

/** The id and values of an English rule message, or null when it is not in the catalogue. */
export const parseMessage = (message: string): { id: string; values: Record<string, string> } | null => {
  for (const t of TEMPLATES) {
    const match = t.regex.exec(message);
    if (match) return { id: t.id, values: Object.fromEntries(t.names.map((n, i) => [n, match[i + 1]])) };
  }
  return null;
};

/** A quoted term (or a list of them: "a, b" / "a and b") in Chinese. */
export const termZh = (value: string) =>
  value
    .split(/, | and /)
    .map((part) => TERMS_ZH[part] ?? part)
    .join('、');

export const format = (id: string, values: Record<string, string>, lang: Lang) => {
  const template = MESSAGES[id]?.[lang] ?? MESSAGES[id]?.en ?? id;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    lang === 'zh-Hans' ? termZh(values[name] ?? '') : values[name] ?? ''
  );
};

/** An English rule message in the given language (unknown messages stay as they are). */
export const localise = (message: string, lang: Lang) => {
  const parsed = parseMessage(message);
  if (!parsed) return { message, id: null, values: {} as Record<string, string> };
  return { message: format(parsed.id, parsed.values, lang), ...parsed };
};

/** The language of the request: Accept-Language (the admin sends its own), else the admin user's preference. */
export const languageOf = (acceptLanguage: string | undefined | null, preferred?: string | null): Lang => {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase();
  if (first) return first.startsWith('zh') ? 'zh-Hans' : 'en';
  return (preferred ?? '').toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en';
};
