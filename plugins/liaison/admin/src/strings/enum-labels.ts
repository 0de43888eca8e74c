import { POST_ENUM_NAMES } from '../../../server/src/vocabulary';

/**
 * What staff read for the values of enumerations, in English and Chinese, by field name.
 * The admin looks them up as `liaison.enum.<field>.<value>` (list cells, edit-view
 * selects and filters; see app.tsx); a unit test checks every value of every schema.
 */
type Label = [en: string, zh: string];

/** The post's enumerations come from the plugin's vocabulary, as the server names them. */
const fromVocabulary = Object.fromEntries(
  Object.entries(POST_ENUM_NAMES).map(([field, values]) => [
    field,
    Object.fromEntries(Object.entries(values).map(([value, names]) => [value, [names.en, names['zh-Hans']] as Label])),
  ])
);

export const ENUM_LABELS: Record<string, Record<string, Label>> = {
  ...fromVocabulary,
  gender: {
    male: ['Male', '男'],
    female: ['Female', '女'],
    undisclosed: ['Not stated', '未说明'],
  },
  degree: {
    associate: ['Associate (junior college)', '专科'],
    bachelor: ["Bachelor's", '本科'],
    master: ["Master's", '硕士研究生'],
    doctor: ['Doctorate', '博士研究生'],
  },
  alumnusStatus: {
    active: ['Active', '正常'],
    unreachable: ['Unreachable', '失联'],
    deceased: ['Deceased', '已故'],
  },
  grade: {
    excellent: ['Excellent', '优秀'],
    good: ['Good', '良好'],
    pass: ['Pass', '合格'],
    fail: ['Fail', '不合格'],
  },
  cycleStatus: {
    planned: ['Planned', '未开始'],
    open: ['Open', '进行中'],
    closed: ['Closed', '已结束'],
  },
  chapterStatus: {
    active: ['Active', '活跃'],
    dormant: ['Dormant', '休眠'],
    dissolved: ['Dissolved', '已撤销'],
  },
  channel: {
    visit: ['Visit', '走访'],
    call: ['Phone call', '电话'],
    message: ['Text message', '短信'],
    gathering: ['Gathering', '聚会'],
    email: ['E-mail', '电子邮件'],
    wechat: ['WeChat', '微信'],
  },
  category: {
    career_help: ['Career help', '职业发展'],
    cooperation: ['Cooperation', '合作'],
    suggestion: ['Suggestion', '建议'],
    complaint: ['Complaint', '投诉'],
    data_correction: ['Correction of their data', '信息更正'],
    other: ['Other', '其他'],
  },
  origin: {
    alumnus: ['Sent by the alumnus', '校友提交'],
    anonymous: ['Anonymous, from the alumni page', '匿名提交'],
    liaison: ['Recorded by a liaison', '联络员代为登记'],
    to_office: ["A liaison's question to the office", '联络员向校友办提出'],
  },
  feedbackStatus: {
    open: ['Open', '待处理'],
    in_progress: ['In progress', '处理中'],
    answered: ['Answered', '已答复'],
    closed: ['Closed', '已关闭'],
  },
  via: {
    link: ['By the link in the e-mail', '通过邮件中的链接'],
    staff: ['Recorded by staff', '由工作人员登记'],
  },
  honourStatus: {
    nominated: ['Nominated', '已提名'],
    awarded: ['Awarded', '已授予'],
    rejected: ['Not approved', '未获批准'],
  },
  kind: {
    title: ['Honorary title', '荣誉称号'],
    scholarship: ['Scholarship', '奖学金'],
    bonus: ['Bonus', '奖金'],
    commendation: ['Commendation', '表彰'],
    invitation: ['Invitation', '特邀'],
  },
  deliveryStatus: {
    pending: ['Waiting', '待发送'],
    sending: ['Sending', '发送中'],
    sent: ['Sent', '已发送'],
    failed: ['Failed', '发送失败'],
  },
  surveyStatus: {
    draft: ['Draft', '草稿'],
    sent: ['Sent', '已发出'],
    closed: ['Closed', '已截止'],
  },
  registrationStatus: {
    registered: ['Registered', '已报名'],
    waiting: ['On the waiting list', '候补'],
    cancelled: ['Cancelled', '已取消'],
  },
  pairStatus: {
    open: ['To review', '待处理'],
    dismissed: ['Two people', '不是同一人'],
    merged: ['Merged', '已合并'],
  },
  importStatus: {
    queued: ['Queued', '排队中'],
    running: ['Running', '进行中'],
    done: ['Done', '已完成'],
    failed: ['Failed', '失败'],
  },
  format: {
    csv: ['CSV', 'CSV 文件'],
    xlsx: ['Excel workbook (XLSX)', 'Excel 工作簿（XLSX）'],
    json: ['JSON', 'JSON 文件'],
    html: ['Web page (HTML)', '网页（HTML）'],
    pdf: ['PDF', 'PDF 文件'],
  },
  source: {
    admin: ['Admin panel', '管理后台'],
    cli: ['Command line', '命令行'],
    import: ["An import of the registrar's file", '导入名单文件'],
    self: ['The alumnus themself (the link in an e-mail)', '校友本人（邮件中的链接）'],
    liaison: ['Recorded for a liaison', '由联络员转达'],
    erasure: ['Erasure of their data', '删除个人数据'],
    system: ['The system (a script or job)', '系统（脚本或定时任务）'],
    proposal: ['An approved proposal', '经批准的变更提议'],
  },
  infoSource: {
    call: ['A phone call', '电话'],
    meeting: ['A meeting', '见面'],
    message: ['A message', '消息'],
    said_so: ['The person said so', '本人告知'],
    public_record: ['A public record', '公开信息'],
    other: ['Other', '其他'],
    self: ['The person themself (their own account)', '校友本人（本人账号）'],
  },
  proposalStatus: {
    pending: ['Waiting for review', '待审核'],
    approved: ['Approved', '已批准'],
    rejected: ['Rejected', '已驳回'],
  },
  purpose: {
    claim: ['Claim of a record by the person', '本人认领'],
    invite: ['Invitation by the office', '校友会邀请'],
    reset: ['Password reset', '重置密码'],
  },
  consent: {
    contact: ['To be contacted', '同意联络'],
    publish: ['To be published', '同意公开'],
  },
  request: {
    export: ['Export of their data', '导出个人数据'],
    erase: ['Erasure of their data', '删除个人数据'],
  },
  recipientLocale: {
    'zh-Hans': ['Chinese', '中文'],
    en: ['English', '英文'],
  },
  area: {
    alumni_work: ['Alumni work', '校友工作'],
    social_skills: ['Social skills', '社交礼仪'],
    data_management: ['Data management', '数据管理'],
    professional: ['Professional skills', '专业技能'],
  },
  result: {
    pending: ['Not graded yet', '待评定'],
    passed: ['Passed', '通过'],
    failed: ['Failed', '未通过'],
  },
  type: {
    reunion: ['Reunion', '返校聚会'],
    symposium: ['Symposium', '学术研讨会'],
    campus_visit: ['Campus visit', '回访母校'],
    recruiting: ['Recruiting', '招聘'],
    lecture: ['Lecture', '讲座'],
    startup_salon: ['Start-up salon', '创业沙龙'],
    forum: ['Forum', '论坛'],
    culture: ['Culture and sport', '文体活动'],
    other: ['Other', '其他'],
  },
};

/** Fields that hold the same kind of value under another name. */
const SAME_AS: Record<string, string> = { degreeLevel: 'degree', language: 'recipientLocale' };

export const enumLabel = (field: string, value: string): Label | undefined =>
  ENUM_LABELS[SAME_AS[field] ?? field]?.[value] ?? ENUM_LABELS[field]?.[value];

export const enumMessageId = (field: string, value: string) => `liaison.enum.${SAME_AS[field] ?? field}.${value}`;

/** The react-intl messages of one language (0: English, 1: Chinese). */
export const enumLabelMessages = (lang: 0 | 1): Record<string, string> =>
  Object.fromEntries(
    Object.entries(ENUM_LABELS).flatMap(([field, values]) =>
      Object.entries(values).map(([value, label]) => [enumMessageId(field, value), label[lang]])
    )
  );
