/**
 * Names the Content Manager shows for our content types, keyed by their displayName.
 * English is the displayName itself; zh-Hans is the office's own vocabulary.
 */
export const contentTypeNames: Record<'en' | 'zh-Hans', Record<string, string>> = {
  en: {},
  'zh-Hans': {
    College: '学院',
    Cohort: '年级（班级）',
    Alumnus: '校友',
    Chapter: '地区校友会',
    'Industry group': '行业校友组织',
    'Liaison post': '联络员岗位',
    'Training course': '培训课程',
    'Training session': '培训场次',
    'Training record': '培训记录',
    'Appraisal cycle': '考核周期',
    Appraisal: '考核',
    Honour: '荣誉',
    'Contact log': '联络记录',
    Feedback: '校友反馈',
    Notification: '邮件通知',
    'Posts per scope': '岗位定额',
    'Post history': '岗位变更记录',
    'Job run': '定时任务记录',
    'Alumni story': '校友故事',
    Event: '校友活动',
  },
};
