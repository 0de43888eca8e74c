import type { Lang } from '../rules/messages';
import type { PersonalDataExport } from '../admin-api-types';
import { POST_ENUM_NAMES } from '../vocabulary';

/**
 * A person's export as a readable document, in the request's language: a title, then
 * sections that are either a list of fields (label: value) or a table. The HTML page and
 * the PDF are both drawn from this one model, so that they show the same things.
 */
export type Cell = string;
export type Section =
  | { heading: string; kind: 'fields'; rows: [label: string, value: Cell][] }
  | { heading: string; kind: 'table'; columns: string[]; rows: Cell[][]; empty: string };

export interface ReadableDocument {
  title: string;
  intro: string;
  sections: Section[];
}

type Words = Record<string, [en: string, zh: string]>;

const W: Words = {
  title: ['Personal data held about {name}', '{name}的个人数据'],
  intro: [
    'Everything the alumni office holds about you, as of {date}. Names of other people are left out.',
    '截至 {date}，校友办保存的关于您的全部信息。其他人的个人信息不在其中。',
  ],
  none: ['None', '无'],
  withheld: [
    'This copy leaves out how to reach you ({fields}): the alumni office can give you the complete file.',
    '此副本未包含您的联系方式（{fields}）：完整文件请向校友办索取。',
  ],
  yes: ['Yes', '是'],
  no: ['No', '否'],
  record: ['Your record', '基本信息'],
  consents: ['Your consents and their history', '授权及其变更记录'],
  ownChanges: ['Changes you made yourself', '您本人所做的修改'],
  field: ['Field', '字段'],
  oldValue: ['Before', '原值'],
  newValue: ['After', '新值'],
  posts: ['Liaison posts', '担任的联络员岗位'],
  history: ['History of the post', '岗位变更记录'],
  nominations: ['Nominations you made', '您举荐的岗位'],
  contacts: ['Contacts with you', '联络员与您的联络'],
  contactsMade: ['Contacts you made as a liaison', '您作为联络员的联络'],
  feedback: ['Your feedback and its answers', '您的反馈及答复'],
  training: ['Training', '培训记录'],
  conduct: ['Code of conduct', '行为准则确认'],
  honours: ['Honours', '荣誉'],
  appraisals: ['Appraisals', '考核'],
  events: ['Events your posts organised', '您组织的活动'],
  stories: ['Stories featuring you', '介绍您的校友故事'],
  mails: ['E-mails sent to you', '发给您的邮件'],
  surveyAnswers: ['Your survey answers', '您的问卷答复'],
  proposals: ['Changes proposed to your record', '对您记录的修改提议'],
  requests: ['Your data requests', '个人数据请求'],
  // fields
  name: ['Name', '姓名'],
  gender: ['Gender', '性别'],
  studentNo: ['Student number', '学号'],
  college: ['College', '学院'],
  cohort: ['Class', '班级'],
  gradYear: ['Graduation year', '毕业年份'],
  major: ['Major', '专业'],
  degree: ['Degree', '学历'],
  country: ['Country or region', '国家/地区'],
  province: ['Province', '省份'],
  city: ['City', '城市'],
  industry: ['Industry', '行业'],
  employer: ['Employer', '工作单位'],
  jobTitle: ['Job title', '职务'],
  phone: ['Phone', '手机'],
  email: ['E-mail', '电子邮箱'],
  wechat: ['WeChat', '微信'],
  language: ['Language of e-mails', '邮件语言'],
  contactConsent: ['Consent to be contacted', '同意联络'],
  contactConsentAt: ['Contact consent date', '同意联络日期'],
  publishConsent: ['Consent to be published', '同意公开'],
  publishConsentAt: ['Publication consent date', '同意公开日期'],
  displayName: ['Published name', '公开姓名'],
  displayNameEn: ['Published name (English)', '公开英文姓名'],
  alumnusStatus: ['Status', '状态'],
  lastVerifiedAt: ['Last verified', '最近核实日期'],
  chapter: ['Chapter', '地区校友会'],
  createdAt: ['Recorded on', '建档时间'],
  updatedAt: ['Last changed', '最近修改'],
  consent: ['Consent', '授权事项'],
  granted: ['Given', '同意'],
  at: ['When', '时间'],
  source: ['Source', '来源'],
  post: ['Post', '岗位'],
  dimension: ['Dimension', '维度'],
  scope: ['Scope', '范围'],
  role: ['Role', '职务'],
  term: ['Term', '任期'],
  postStatus: ['Status', '状态'],
  reasons: ['Reasons and notes', '理由与说明'],
  action: ['Change', '变更'],
  reason: ['Reason', '理由'],
  channel: ['Channel', '方式'],
  summary: ['Summary', '摘要'],
  needs: ['Needs', '需求'],
  category: ['Category', '类别'],
  content: ['Content', '内容'],
  status: ['Status', '状态'],
  answer: ['Answer', '答复'],
  course: ['Course', '课程'],
  session: ['Session', '场次'],
  attended: ['Attended', '出勤'],
  score: ['Score', '成绩'],
  result: ['Result', '结果'],
  note: ['Note', '备注'],
  version: ['Version', '版本'],
  via: ['How', '方式'],
  kind: ['Kind', '类型'],
  title_: ['Title', '名称'],
  year: ['Year', '年度'],
  amount: ['Amount', '金额'],
  citation: ['Citation', '授予理由'],
  cycle: ['Cycle', '考核周期'],
  figures: ['Figures', '数据'],
  total: ['Total', '总分'],
  grade: ['Grade', '等级'],
  rank: ['Rank', '排名'],
  comments: ['Reviewers’ comments and feedback', '评语与督导反馈'],
  startsAt: ['Starts', '开始时间'],
  locale: ['Language', '语言'],
  published: ['Published', '已发布'],
  slug: ['Address', '网址标识'],
  to: ['To', '收件人'],
  mailsTo: ['the address of the e-mails sent to you', '发给您的邮件的收件地址'],
  subject: ['Subject', '主题'],
  sentAt: ['Sent', '发送时间'],
  text: ['Text', '正文'],
  request: ['Request', '请求'],
  format: ['Format', '格式'],
  survey: ['Survey', '问卷'],
  answers: ['Answers', '答复'],
  changes: ['Changes', '修改内容'],
};

const SOURCES: Words = {
  admin: ['Recorded by the alumni office', '校友办登记'],
  import: ["An import of the registrar's file", '导入名单文件'],
  self: ['By you (the link in an e-mail)', '本人（邮件中的链接）'],
  liaison: ['Passed on by a liaison', '由联络员转达'],
  erasure: ['Erasure of your data', '删除个人数据'],
  system: ['The system', '系统'],
};
const CONSENT_KINDS: Words = { contact: ['To be contacted', '同意联络'], publish: ['To be published', '同意公开'] };

/** The values of enumerations in words (the JSON keeps the codes); the post's come from the plugin's vocabulary. */
const VALUES: Record<string, Words> = {
  ...Object.fromEntries(
    Object.entries(POST_ENUM_NAMES).map(([field, names]) => [field, Object.fromEntries(Object.entries(names).map(([v, n]) => [v, [n.en, n['zh-Hans']]]))])
  ),
  gender: { male: ['Male', '男'], female: ['Female', '女'], undisclosed: ['Not stated', '未说明'] },
  degree: { associate: ['Associate', '专科'], bachelor: ["Bachelor's", '本科'], master: ["Master's", '硕士研究生'], doctor: ['Doctorate', '博士研究生'] },
  alumnusStatus: { active: ['Active', '正常'], unreachable: ['Unreachable', '失联'], deceased: ['Deceased', '已故'] },
  language: { 'zh-Hans': ['Chinese', '中文'], en: ['English', '英文'] },
  channel: { visit: ['Visit', '走访'], call: ['Call', '电话'], message: ['Message', '短信'], gathering: ['Gathering', '聚会'], email: ['E-mail', '邮件'], wechat: ['WeChat', '微信'] },
  category: {
    career_help: ['Career help', '职业发展'],
    cooperation: ['Cooperation', '合作'],
    suggestion: ['Suggestion', '建议'],
    complaint: ['Complaint', '投诉'],
    data_correction: ['Correction of their data', '信息更正'],
    other: ['Other', '其他'],
  },
  feedbackStatus: { open: ['Open', '待处理'], in_progress: ['In progress', '处理中'], answered: ['Answered', '已答复'], closed: ['Closed', '已关闭'] },
  result: { pending: ['Not graded yet', '待评定'], passed: ['Passed', '通过'], failed: ['Failed', '未通过'] },
  via: { link: ['By the link in an e-mail', '通过邮件中的链接'], staff: ['Recorded by staff', '由工作人员登记'] },
  kind: { title: ['Honorary title', '荣誉称号'], scholarship: ['Scholarship', '奖学金'], bonus: ['Bonus', '奖金'], commendation: ['Commendation', '表彰'], invitation: ['Invitation', '特邀'] },
  honourStatus: { nominated: ['Nominated', '已提名'], awarded: ['Awarded', '已授予'], rejected: ['Not approved', '未获批准'] },
  grade: { excellent: ['Excellent', '优秀'], good: ['Good', '良好'], pass: ['Pass', '合格'], fail: ['Fail', '不合格'] },
  deliveryStatus: { pending: ['Waiting', '待发送'], sending: ['Sending', '发送中'], sent: ['Sent', '已发送'], failed: ['Failed', '发送失败'] },
  request: { export: ['Export of your data', '导出个人数据'], erase: ['Erasure of your data', '删除个人数据'] },
  proposalStatus: { pending: ['Waiting for the alumni office', '待校友办审核'], approved: ['Applied', '已采纳'], rejected: ['Not applied', '未采纳'] },
  locale: { 'zh-Hans': ['Chinese', '中文'], en: ['English', '英文'] },
};

export const wordsIn = (lang: Lang) => {
  const i = lang === 'en' ? 0 : 1;
  const w = (key: string, values: Record<string, string> = {}) =>
    (W[key]?.[i] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  return { w, i };
};

/** The readable document of an export. Every value is plain text here: the renderers escape it. */
export const readableDocument = (d: PersonalDataExport, lang: Lang): ReadableDocument => {
  const { w, i } = wordsIn(lang);
  const text = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? w('yes') : w('no');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  const word = (field: string, v: string | null | undefined) => (v ? (VALUES[field]?.[v]?.[i] ?? v) : null);
  const when = (v: string | null | undefined) => (v ? v.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—');
  const table = (heading: string, columns: string[], rows: unknown[][]): Section => ({
    heading: w(heading),
    kind: 'table',
    columns: columns.map((c) => w(c)),
    rows: rows.map((r) => r.map(text)),
    empty: w('none'),
  });
  const a = d.alumnus;
  const record: Section = {
    heading: w('record'),
    kind: 'fields',
    rows: [
      ['name', a.name],
      ['gender', word('gender', a.gender)],
      ['studentNo', a.studentNo],
      ['college', a.college],
      ['cohort', a.cohort ? [a.cohort.className, a.cohort.code].filter(Boolean).join(' · ') : null],
      ['gradYear', a.cohort?.gradYear],
      ['major', a.major],
      ['degree', word('degree', a.degree)],
      ['country', a.country],
      ['province', a.province],
      ['city', a.city],
      ['industry', a.industry],
      ['employer', a.employer],
      ['jobTitle', a.jobTitle],
      ['phone', a.phone],
      ['email', a.email],
      ['wechat', a.wechat],
      ['language', word('language', a.language)],
      ['contactConsent', a.contactConsent],
      ['contactConsentAt', when(a.contactConsentAt)],
      ['publishConsent', a.publishConsent],
      ['publishConsentAt', when(a.publishConsentAt)],
      ['displayName', a.displayName],
      ['displayNameEn', a.displayNameEn],
      ['alumnusStatus', word('alumnusStatus', a.alumnusStatus)],
      ['lastVerifiedAt', a.lastVerifiedAt],
      ['chapter', a.chapter],
      ['createdAt', when(a.createdAt)],
      ['updatedAt', when(a.updatedAt)],
    ].map(([k, v]) => [w(k as string), text(v)] as [string, string]),
  };
  const sections: Section[] = [
    record,
    table(
      'consents',
      ['consent', 'granted', 'at', 'source'],
      d.consents.map((c) => [CONSENT_KINDS[c.consent]?.[i] ?? c.consent, c.granted, when(c.at), SOURCES[c.source]?.[i] ?? c.source])
    ),
    table(
      'ownChanges',
      ['field', 'oldValue', 'newValue', 'at'],
      (d.ownChanges ?? []).map((c) => [w(c.field), c.oldValue, c.newValue, when(c.at)])
    ),
    table(
      'posts',
      ['post', 'role', 'term', 'postStatus', 'reasons'],
      d.posts.map((p) => [
        p.label ?? `${word('dimension', p.dimension)} · ${p.scope ?? ''}`,
        word('role', p.role),
        `${p.termStart ?? '…'} – ${p.termEnd ?? '…'}`,
        word('postStatus', p.postStatus),
        [p.nominationReason, p.rejectionReason, word('endReason', p.endReason), p.endNote].filter(Boolean).join(' / ') || null,
      ])
    ),
    table(
      'history',
      ['post', 'action', 'at', 'reason'],
      d.posts.flatMap((p) => p.history.map((h) => [p.label ?? p.documentId, h.action, when(h.at), h.reason]))
    ),
    table('nominations', ['dimension', 'role', 'postStatus', 'term'], d.nominations.map((n) => [word('dimension', n.dimension), word('role', n.role), word('postStatus', n.postStatus), n.termStart])),
    table('contacts', ['at', 'channel', 'summary', 'needs'], d.contacts.map((c) => [when(c.contactedAt), word('channel', c.channel), c.summary, c.needs])),
    table('contactsMade', ['at', 'channel'], d.contactsMade.map((c) => [when(c.contactedAt), word('channel', c.channel)])),
    table(
      'feedback',
      ['at', 'category', 'content', 'status', 'answer'],
      d.feedback.map((f) => [when(f.receivedAt), word('category', f.category), f.content, word('feedbackStatus', f.feedbackStatus), f.answer])
    ),
    table('training', ['course', 'session', 'attended', 'score', 'result', 'note'], d.training.map((t) => [t.course, when(t.session), t.attended, t.score, word('result', t.result), t.note])),
    table('conduct', ['version', 'at', 'via'], d.conduct.map((c) => [c.version, when(c.acknowledgedAt), word('via', c.via)])),
    table(
      'honours',
      ['kind', 'title_', 'year', 'status', 'amount', 'citation'],
      d.honours.map((h) => [word('kind', h.kind), h.title, h.year, word('honourStatus', h.honourStatus), h.amount, h.citation])
    ),
    table(
      'appraisals',
      ['cycle', 'post', 'figures', 'total', 'grade', 'rank', 'comments'],
      d.appraisals.map((x) => [
        x.cycle,
        x.post,
        Object.entries({ ...x.measures, ...x.scores })
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || null,
        x.total,
        word('grade', x.grade),
        x.rank,
        [...x.reviews.map((r) => r.comment), ...x.feedback.map((f) => f.text)].filter(Boolean).join(' / ') || null,
      ])
    ),
    table('events', ['title_', 'startsAt', 'locale'], d.events.map((e) => [e.title, when(e.startsAt), word('locale', e.locale)])),
    table('stories', ['title_', 'slug', 'locale', 'published'], d.stories.map((s) => [s.title, s.slug, word('locale', s.locale), s.published])),
    table('mails', ['at', 'to', 'subject', 'status', 'sentAt'], d.mails.map((m) => [when(m.createdAt), m.to, m.subject, word('deliveryStatus', m.deliveryStatus), when(m.sentAt)])),
    table(
      'surveyAnswers',
      ['survey', 'at', 'answers'],
      (d.surveyAnswers ?? []).map((a) => [a.survey, when(a.answeredAt), Object.entries(a.answers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ') || null])
    ),
    table(
      'proposals',
      ['at', 'changes', 'status'],
      (d.proposals ?? []).map((p) => [when(p.createdAt), Object.entries(p.changes).map(([f, v]) => `${w(f)}: ${(f === 'alumnusStatus' ? word(f, v as string) : (v as string | null)) ?? '—'}`).join('; ') || null, word('proposalStatus', p.status)])
    ),
    table('requests', ['request', 'format', 'at'], d.requests.map((r) => [word('request', r.request), r.format, when(r.at)])),
  ];
  const intro = w('intro', { date: when(d.exportedAt) }) + (d.withheld.length ? ` ${w('withheld', { fields: d.withheld.map((f) => w(f === 'mails.to' ? 'mailsTo' : f)).join(lang === 'en' ? ', ' : '、') })}` : '');
  return { title: w('title', { name: a.name }), intro, sections };
};
