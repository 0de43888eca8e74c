/**
 * A serving liaison's own alumni and contacts: the capability's messages, in the admin's two languages (gathered into the
 * catalogue by rules/messages.ts, which checks them), kept with the capability.
 */
export const LIAISON_WORK_MESSAGES = {
  'liaisonWork.unknownParameter': { en: 'is not a parameter of this request (it takes {list})', 'zh-Hans': '不是此请求的参数（可用参数：{list}）' },
  'liaisonWork.noPost': { en: 'you hold no liaison post in office today', 'zh-Hans': '您今天没有在任的联络员岗位' },
  'liaisonWork.notYourPost': { en: 'none of your posts in office today has this documentId', 'zh-Hans': '您今天在任的岗位中没有此编号' },
  'liaisonWork.outside': { en: 'not among the alumni you look after: {list}', 'zh-Hans': '不在您联络的校友之中：{list}' },
  'liaisonWork.alumni': { en: 'must list 1 to {max} alumni by documentId', 'zh-Hans': '须列出 1 至 {max} 位校友的编号' },
  'liaisonWork.twice': { en: 'names {documentId} more than once', 'zh-Hans': '重复列出了 {documentId}' },
  'liaisonWork.date': { en: 'must be a date (yyyy-MM-dd) or a date and time (ISO 8601)', 'zh-Hans': '须为日期（yyyy-MM-dd）或日期和时间（ISO 8601 格式）' },
  'liaisonWork.future': { en: 'cannot be in the future', 'zh-Hans': '不能晚于当前时间' },
  'liaisonWork.beforeTerm': {
    en: 'is before the term of your post for {name} began ({termStart})',
    'zh-Hans': '早于您负责{name}的岗位任期开始日期（{termStart}）',
  },
} as const;
