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
  'story.tags': {
    en: 'must be a list of tags: lower-case letters, digits and hyphens, at most 40 characters each',
    'zh-Hans': '须为标签列表：小写字母、数字和连字符，每个不超过 40 个字符',
  },
  'story.consent': { en: '{name} has not consented to publication', 'zh-Hans': '{name}未同意公开发布' },
  // assignment: the post lifecycle, quotas, appointment
  'assignment.scopeFull': { en: 'the scope is full: {occupied} of its {posts} posts are taken', 'zh-Hans': '该范围岗位已满：{posts} 个岗位中已有 {occupied} 个被占用' },
  'assignment.overlap': {
    en: 'already holds or is nominated for a post in this scope ({post}, {from} – {to}) whose term overlaps',
    'zh-Hans': '已在此范围担任或被提名一个任期重叠的岗位（{post}，{from} – {to}）',
  },
  'assignment.approveStatus': { en: 'only a nominated post can be approved (this one is {status})', 'zh-Hans': '只有已提名的岗位可以批准（此岗位为{status}）' },
  'assignment.rejectStatus': { en: 'only a nominated post can be rejected (this one is {status})', 'zh-Hans': '只有已提名的岗位可以不批准（此岗位为{status}）' },
  'assignment.renewStatus': { en: 'only an active or approved post can be renewed (this one is {status})', 'zh-Hans': '只有在任或已批准的岗位可以续任（此岗位为{status}）' },
  'assignment.endStatus': { en: 'only an active or approved post can be ended (this one is {status})', 'zh-Hans': '只有在任或已批准的岗位可以结束任期（此岗位为{status}）' },
  'assignment.termOver': {
    en: 'the term of this nomination ended on {date}: correct it before approving',
    'zh-Hans': '此提名的任期已于 {date} 结束：请先更正再批准',
  },
  'assignment.renewLater': { en: 'must be later than the current term end ({date})', 'zh-Hans': '须晚于当前任期结束日期（{date}）' },
  'assignment.rejectReason': { en: 'a rejection needs its reason', 'zh-Hans': '不批准须写明理由' },
  'assignment.nominator': { en: 'industry liaisons enter by nomination: name the nominator', 'zh-Hans': '行业联络员须经举荐产生：请填写举荐人' },
  'assignment.quotaBelow': {
    en: '{occupied} posts of this scope are taken: end terms before lowering the number below that',
    'zh-Hans': '此范围已有 {occupied} 个岗位被占用：请先结束任期，再把岗位数降到这个数以下',
  },
  'assignment.defaultBelow': {
    en: 'a scope without its own number has {worst} posts taken: end terms or set its own number first',
    'zh-Hans': '有一个未单独设定岗位数的范围已占用 {worst} 个岗位：请先结束任期或为它单独设定岗位数',
  },
  'assignment.deceasedNamed': { en: '{name} is recorded as deceased', 'zh-Hans': '{name}已登记为去世' },
  'assignment.notMember': { en: '{name} is not a member of this class', 'zh-Hans': '{name}不是本班成员' },
  'assignment.namedTwice': { en: '{name} is named twice', 'zh-Hans': '{name}被重复填写' },
  'assignment.deceased': { en: 'is recorded as deceased', 'zh-Hans': '已登记为去世' },
  'assignment.noAlumnus': { en: 'no alumnus has this documentId', 'zh-Hans': '没有此编号的校友' },
  'assignment.noAlumnusFound': { en: 'no alumnus found', 'zh-Hans': '未找到该校友' },
  'assignment.noScope': { en: 'no {dimension} scope has this documentId', 'zh-Hans': '没有此编号的{dimension}' },
  'assignment.appointee': { en: 'name the appointee by alumnus (documentId) or studentNo', 'zh-Hans': '请用校友编号或学号指明被任命人' },
  'assignment.appointees': { en: 'name at least one appointee', 'zh-Hans': '请至少填写一位被任命人' },
  'assignment.successorScope': { en: 'must be another post of the same scope', 'zh-Hans': '须为同一范围内的另一个岗位' },
  'assignment.noScopeOnPost': { en: 'this post has no scope', 'zh-Hans': '此岗位没有指定范围' },
  'assignment.requiredScope': {
    en: 'is required (the documentId of the cohort, college, chapter or industry group)',
    'zh-Hans': '为必填项（年级、学院、地区校友会或行业校友组织的编号）',
  },
  'assignment.requiredAlumnus': { en: 'is required (the documentId of an alumnus)', 'zh-Hans': '为必填项（校友编号）' },
  'assignment.requiredDocumentId': { en: 'is required (a documentId)', 'zh-Hans': '为必填项（编号）' },
  'assignment.requiredDate': { en: 'is required, written yyyy-MM-dd', 'zh-Hans': '为必填项，格式为 yyyy-MM-dd' },
  'assignment.requiredWithScope': { en: 'is required with a scope', 'zh-Hans': '指定范围时为必填项' },
  'assignment.alumnusId': { en: 'must be the documentId of an alumnus', 'zh-Hans': '须为校友编号' },
  'assignment.postId': { en: 'must be the documentId of another post', 'zh-Hans': '须为另一个岗位的编号' },
  'common.documentId': { en: 'must be a documentId', 'zh-Hans': '须为编号' },
  'common.text': { en: 'must be text', 'zh-Hans': '须为文字' },
  'common.maxLength': { en: 'must be at most {max} characters', 'zh-Hans': '最多 {max} 个字' },
  'common.wholeNumber': { en: 'must be a whole number from {min} to {max}', 'zh-Hans': '须为 {min} 至 {max} 之间的整数' },
  // access: scoped staff
  'access.scope': { en: 'this scope is outside the colleges you work for', 'zh-Hans': '此范围不在您负责的学院之内' },
  'access.outside': { en: 'outside your colleges and chapters', 'zh-Hans': '不在您负责的学院和校友会范围内' },
  'access.otherChapter': { en: 'belongs to a chapter that is not yours', 'zh-Hans': '属于不由您编辑的校友会' },
  'access.noChapter': { en: 'must belong to one of your chapters', 'zh-Hans': '须属于您编辑的校友会之一' },
  'access.holder': {
    en: 'not an alumnus of your colleges nor a member of your chapters',
    'zh-Hans': '不是您负责的学院的校友，也不是您负责的校友会的会员',
  },
  'access.unreadableQuery': {
    en: 'cannot use {field}: you may not read it on every record',
    'zh-Hans': '不能使用{field}：您无权查看每条记录的此字段',
  },
  'event.attendanceNoCapacity': { en: "needs the event's capacity to be set first", 'zh-Hans': '须先填写活动容量' },
  'event.attendanceOverCapacity': { en: 'cannot be more than the capacity ({capacity})', 'zh-Hans': '不能超过活动容量（{capacity}）' },
  // appraisal
  'appraisal.closed': { en: 'the appraisal cycle is closed: its results are frozen', 'zh-Hans': '考核周期已结束：结果已冻结，不能再修改' },
  'appraisal.criteriaList': { en: 'must be a list of at least one criterion', 'zh-Hans': '须为至少包含一项指标的列表' },
  'appraisal.criterionObject': { en: 'criterion {n} must be an object', 'zh-Hans': '第 {n} 项指标格式不正确' },
  'appraisal.criterionKey': { en: 'criterion {n} needs a key of lower-case letters, digits and _', 'zh-Hans': '第 {n} 项指标须有由小写字母、数字和下划线组成的代码' },
  'appraisal.keyTwice': { en: 'the key {key} is used twice', 'zh-Hans': '指标代码 {key} 重复' },
  'appraisal.criterionKind': { en: 'criterion {n} must be of kind measured or scored', 'zh-Hans': '第 {n} 项指标的类型须为“数据计算”或“评审打分”' },
  'appraisal.unknownMeasure': { en: 'criterion {n} names an unknown measure ({measure})', 'zh-Hans': '第 {n} 项指标引用了不存在的数据指标（{measure}）' },
  'appraisal.scoredMeasure': { en: 'criterion {n} is scored by reviewers and cannot name a measure', 'zh-Hans': '第 {n} 项指标由评审打分，不能引用数据指标' },
  'appraisal.weight': { en: 'criterion {n} needs a weight from 1 to 100', 'zh-Hans': '第 {n} 项指标的权重须在 1 至 100 之间' },
  'appraisal.weightsSum': { en: 'the weights must sum to 100 (they sum to {sum})', 'zh-Hans': '各项权重之和须为 100（现为 {sum}）' },
  'appraisal.thresholds': { en: 'must give excellent, good and pass as numbers from 0 to 100', 'zh-Hans': '须给出优秀、良好、合格三档分数线（0 至 100）' },
  'appraisal.thresholdOrder': { en: 'must be ordered: excellent above good above pass', 'zh-Hans': '须满足：优秀线高于良好线，良好线高于合格线' },
  'appraisal.scoredCriterion': { en: 'must be a scored criterion of the cycle: {list}', 'zh-Hans': '须为本周期由评审打分的指标：{list}' },
  'appraisal.needsDimension': { en: 'needs a dimension', 'zh-Hans': '须同时指定维度' },
  'appraisal.closeAction': { en: 'a cycle is closed by its close action, which mails the results', 'zh-Hans': '考核周期须通过“结束考核”操作结束（该操作会发送考核结果邮件）' },
  // honours
  'honours.notAppraised': { en: 'was not appraised in this cycle', 'zh-Hans': '未参加本周期考核' },
  'honours.grade': {
    en: '{kind} needs at least the grade {grade} in the cycle (the grade was {actual})',
    'zh-Hans': '“{kind}”须在本周期考核中至少达到“{grade}”（实际为“{actual}”）',
  },
  'honours.rulesObject': { en: 'must give a minimum grade for each honour kind', 'zh-Hans': '须为每种荣誉给出最低考核等级' },
  'honours.notKind': { en: '{kind} is not an honour kind', 'zh-Hans': '{kind}不是荣誉类型' },
  'honours.ruleGrade': { en: 'the grade for {kind} must be one of {list}', 'zh-Hans': '“{kind}”的等级须为以下之一：{list}' },
  'honours.amountNeeded': { en: '{kind} needs a positive amount', 'zh-Hans': '“{kind}”须填写大于零的金额' },
  'honours.noAmount': { en: '{kind} has no amount', 'zh-Hans': '“{kind}”不填写金额' },
  'honours.cycle': { en: 'must be the documentId of an appraisal cycle', 'zh-Hans': '须为考核周期编号' },
  'honours.namedTwice': { en: 'is named twice', 'zh-Hans': '被重复填写' },
  'honours.alumni': { en: 'name at least one alumnus', 'zh-Hans': '请至少选择一位校友' },
  'honours.open': { en: 'honours rest on final results: close the appraisal cycle first', 'zh-Hans': '荣誉须依据最终考核结果：请先结束考核周期' },
  'honours.taken': { en: 'already has this {kind} for this cycle (nominated or awarded)', 'zh-Hans': '本周期已被提名或授予该“{kind}”' },
  'honours.approveStatus': { en: 'only a nominated honour can be approved (this one is {status})', 'zh-Hans': '只有已提名的荣誉可以批准（此荣誉为{status}）' },
  'honours.rejectStatus': { en: 'only a nominated honour can be rejected (this one is {status})', 'zh-Hans': '只有已提名的荣誉可以不批准（此荣誉为{status}）' },
  'honours.rollParameter': { en: 'is not a parameter of the honour roll (it takes {list})', 'zh-Hans': '不是荣誉榜的查询参数（可用参数：{list}）' },
  // training
  'training.noConduct': { en: 'there is no code of conduct yet', 'zh-Hans': '尚未发布行为准则' },
  'training.enrolled': { en: 'is already enrolled in this session', 'zh-Hans': '已报名本场培训' },
  'training.full': { en: 'the session is full: {taken} of its {capacity} places are taken', 'zh-Hans': '本场培训名额已满：{capacity} 个名额中已有 {taken} 个被占用' },
  'training.boolean': { en: 'must be true or false', 'zh-Hans': '须为“是”或“否”' },
  // website: the public API's parameters
  'website.nul': { en: 'must not contain a NUL character', 'zh-Hans': '不能包含 NUL 字符' },
  'website.singleValue': { en: 'must be a single value', 'zh-Hans': '须为单个值' },
  'website.datetime': { en: 'must be a date (yyyy-MM-dd) or a date and time (ISO 8601)', 'zh-Hans': '须为日期（yyyy-MM-dd）或日期和时间（ISO 8601 格式）' },
  'website.year': { en: 'must be a four-digit year', 'zh-Hans': '须为四位数年份' },
  'website.atLeast': { en: 'must be a whole number of at least {min}', 'zh-Hans': '须为不小于 {min} 的整数' },
  'website.list': { en: 'must be a list of values', 'zh-Hans': '须为值的列表' },
  'website.listOfTwo': { en: 'must be a list of two values', 'zh-Hans': '须为两个值的列表' },
  'website.listSize': { en: 'must be a list of 1 to {max} values', 'zh-Hans': '须为 1 至 {max} 个值的列表' },
  'website.operatorFor': { en: 'is not an operator for {field}', 'zh-Hans': '不是可用于{field}的筛选运算符' },
  // outbox
  'outbox.sending': { en: 'the mail is being sent right now: try again in a minute', 'zh-Hans': '这封邮件正在发送中：请稍后再试' },
  // uploads: the media library's allowlist
  'uploads.kind': {
    en: '{name} is not a kind of file the media library takes: upload images (JPEG, PNG, GIF, WebP, AVIF), PDF, office documents, text or CSV',
    'zh-Hans': '{name} 不是媒体库接受的文件类型：请上传图片（JPEG、PNG、GIF、WebP、AVIF）、PDF、办公文档、文本或 CSV 文件',
  },
  'uploads.declared': { en: '{name} was sent as {type}, which is not what its extension says', 'zh-Hans': '{name} 以 {type} 类型发送，与其扩展名不符' },
  'uploads.content': { en: '{name} does not hold what its extension says', 'zh-Hans': '{name} 的内容与其扩展名不符' },
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
  tags: '标签',
  featuredAlumni: '故事主人公',
  studentNo: '学号',
  nominator: '举荐人',
  successor: '继任者',
  posts: '岗位数',
  scope: '范围',
  role: '职务',
  reason: '理由',
  appointments: '任命名单',
  postStatus: '岗位状态',
  nominated: '已提名',
  approved: '已批准',
  active: '在任',
  ended: '已卸任',
  rejected: '未获批准',
  open: '未定',
  criteria: '考核指标',
  thresholds: '等级分数线',
  criterion: '指标',
  score: '分数',
  comment: '评语',
  text: '内容',
  grade: '等级',
  sort: '排序',
  page: '页码',
  pageSize: '每页条数',
  format: '格式',
  cycleStatus: '周期状态',
  name: '名称',
  appraisal: '考核记录',
  attended: '出勤',
  textZh: '中文正文',
  textEn: '英文正文',
  version: '版本',
  months: '月数',
  'honorary title': '荣誉称号',
  bonus: '奖金',
  scholarship: '奖学金',
  commendation: '表彰',
  invitation: '特邀',
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
  amount: '金额',
  honour: '荣誉',
  honourStatus: '荣誉状态',
  awarded: '已授予',
  alumni: '校友名单',
  rules: '评选规则',
  citation: '授予理由',
  locale: '语言',
  year: '年度',
  attendance: '参加人数',
  capacity: '容量',
  organisers: '组织者',
  phone: '电话',
  email: '电子邮箱',
  wechat: '微信',
  employer: '工作单位',
  jobTitle: '职位',
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
