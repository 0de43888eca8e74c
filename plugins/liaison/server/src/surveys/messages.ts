/**
 * The surveys' messages, in the admin's two languages (gathered into the catalogue by
 * rules/messages.ts). Kept here so that the capability's words live with it.
 */
export const SURVEY_MESSAGES = {
  'surveys.noSurvey': { en: 'no survey has this documentId', 'zh-Hans': '没有此编号的问卷' },
  'surveys.questionKey': {
    en: 'must be a key of 1 to 40 letters, digits, - or _',
    'zh-Hans': '须为 1 至 40 个字母、数字、- 或 _ 组成的标识',
  },
  'surveys.keyTwice': { en: 'the key {key} is used by another question', 'zh-Hans': '标识 {key} 已被另一道题使用' },
  'surveys.optionTwice': { en: 'the option key {key} is used twice in this question', 'zh-Hans': '选项标识 {key} 在本题中重复' },
  'surveys.options': { en: 'a {kind} choice question needs at least two options', 'zh-Hans': '选择题（{kind}）至少需要两个选项' },
  'surveys.noOptions': { en: 'a {kind} question has no options', 'zh-Hans': '{kind}题不能有选项' },
  'surveys.range': { en: 'must not be greater than max ({max})', 'zh-Hans': '不得大于最大值（{max}）' },
  'surveys.rangeKind': { en: 'only a number question has min and max', 'zh-Hans': '只有数字题可以设置最小值和最大值' },
  'surveys.noQuestions': { en: 'a survey needs at least one question before it is sent', 'zh-Hans': '问卷发送前至少需要一道题' },
  'surveys.noScopes': { en: 'a survey needs at least one class, college, chapter or industry group before it is sent', 'zh-Hans': '问卷发送前至少需要选择一个班级、学院、地区校友会或行业校友组织' },
  'surveys.noClose': { en: 'a survey needs its close date before it is sent', 'zh-Hans': '问卷发送前须设置截止时间' },
  'surveys.closePast': { en: 'must be in the future (it is {closesAt})', 'zh-Hans': '须晚于当前时间（现为 {closesAt}）' },
  'surveys.noEnglish': { en: 'a survey needs its English title before it is sent', 'zh-Hans': '问卷发送前须填写英文标题' },
  'surveys.sentLocked': {
    en: 'cannot be changed once the survey is sent (only the close date can)',
    'zh-Hans': '问卷发出后不能修改（只能修改截止时间）',
  },
  'surveys.sending': { en: 'the survey is being sent: wait for it to finish', 'zh-Hans': '问卷正在发送，请等待完成' },
  'surveys.scopeUnknown': { en: 'no {kind} has this documentId', 'zh-Hans': '没有此编号的{kind}' },
  'surveys.scopeTwice': { en: 'is named twice', 'zh-Hans': '重复选择' },
  'surveys.outsideColleges': {
    en: "you may only send surveys to your own colleges and their classes",
    'zh-Hans': '您只能向本人负责的学院及其班级发送问卷',
  },
  'surveys.closed': { en: 'the survey closed at {closesAt}: answers can no longer be changed', 'zh-Hans': '问卷已于 {closesAt} 截止，不能再提交或修改答案' },
  'surveys.notOpen': { en: 'the survey opens at {opensAt}', 'zh-Hans': '问卷将于 {opensAt} 开始' },
  'surveys.notSent': { en: 'the survey has not been sent yet', 'zh-Hans': '问卷尚未发出' },
  'surveys.unknownLink': { en: 'this survey link is not valid', 'zh-Hans': '此问卷链接无效' },
  'surveys.unknownQuestion': { en: 'the survey has no question with this key', 'zh-Hans': '问卷中没有此标识的题目' },
  'surveys.answerOption': { en: 'must be one of {list}', 'zh-Hans': '须为以下之一：{list}' },
  'surveys.answerOptions': { en: 'must be a list of options among {list}, each once', 'zh-Hans': '须为以下选项组成的列表，每项最多一次：{list}' },
  'surveys.answerNumber': { en: 'must be a number from {min} to {max}', 'zh-Hans': '须为 {min} 至 {max} 之间的数字' },
  'surveys.answerText': { en: 'must be a text of at most {max} characters', 'zh-Hans': '须为不超过 {max} 个字符的文字' },
  'surveys.noScopeOfYours': { en: 'no survey with this documentId reaches the alumni of your posts', 'zh-Hans': '没有发给您所负责校友的此编号问卷' },
} as const;

/** Terms the surveys' messages quote, as staff call them in Chinese. */
export const SURVEY_TERMS_ZH: Record<string, string> = {
  single: '单选',
  multiple: '多选',
  number: '数字',
  opensAt: '开始时间',
  closesAt: '截止时间',
  questions: '题目',
  answers: '答案',
  title: '标题',
  titleEn: '英文标题',
  scopes: '发送范围',
};
