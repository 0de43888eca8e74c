/**
 * Feedback with deadlines: the capability's messages, in the admin's two languages (gathered into the
 * catalogue by rules/messages.ts, which checks them), kept with the capability.
 */
export const FEEDBACK_MESSAGES = {
  'feedback.noAlumnus': { en: 'no alumnus of your scopes has this documentId', 'zh-Hans': '您负责的范围内没有此编号的校友' },
  'feedback.notFound': { en: 'no feedback you may answer has this documentId', 'zh-Hans': '没有此编号且由您答复的反馈' },
  'feedback.noItem': { en: 'no feedback has this documentId', 'zh-Hans': '没有此编号的反馈' },
  'feedback.answered': { en: 'this feedback was already answered on {at}', 'zh-Hans': '此反馈已于 {at} 答复' },
  'feedback.notLiaison': { en: 'only a serving liaison can send the office a question or suggestion', 'zh-Hans': '只有在任联络员可以向校友办提出问题或建议' },
  'feedback.oneTarget': { en: 'give either post or office: true', 'zh-Hans': '请填写 post 或 office: true 其中之一' },
  'feedback.noPost': { en: 'no active liaison post has this documentId', 'zh-Hans': '没有此编号的在任联络员岗位' },
  'feedback.days': { en: 'must be a list of days written yyyy-MM-dd', 'zh-Hans': '须为日期列表，格式为 yyyy-MM-dd' },
  'feedback.officeOnly': { en: 'only the alumni office sets the deadlines and the calendar', 'zh-Hans': '答复期限与工作日历仅由校友办设置' },
  'feedback.notOfficeItem': { en: 'this feedback is routed to a liaison, who answers it (reassign it to the office first)', 'zh-Hans': '此反馈由联络员负责答复（如需校友办答复，请先转办给校友办）' },
} as const;
