/**
 * Proposed changes of alumni records: the capability's messages, in the admin's two languages (gathered into the
 * catalogue by rules/messages.ts, which checks them), kept with the capability.
 */
export const PROPOSAL_MESSAGES = {
  'proposals.notFound': {
    en: 'no proposal, or no alumnus looked after by one of your live posts, has this documentId',
    'zh-Hans': '没有此编号的变更提议，或您在任的岗位不负责此编号的校友',
  },
  'proposals.noAlumnus': { en: 'must be the documentId of an alumnus', 'zh-Hans': '须为校友的编号' },
  'proposals.unknownField': { en: 'is not a field a proposal may change (one of {list})', 'zh-Hans': '不是可提议修改的字段（可修改：{list}）' },
  'proposals.nothing': { en: 'give at least one field to change', 'zh-Hans': '请至少填写一个要修改的字段' },
  'proposals.reason': { en: 'give the reason for rejecting the proposal', 'zh-Hans': '请填写驳回理由' },
  'proposals.decided': { en: 'this proposal was already decided: it is {status}', 'zh-Hans': '此提议已处理，当前状态为{status}' },
  'proposals.stale': {
    en: 'was changed by someone else since this proposal was made: look at the record again',
    'zh-Hans': '提议提交后已被他人修改：请重新核对该校友的记录',
  },
  'proposals.contactOfficeOnly': {
    en: 'is a contact detail, which only the alumni office reads: the office decides this proposal',
    'zh-Hans': '属于联系方式，仅校友办可查看：此提议由校友办处理',
  },
  'proposals.endedDeceased': { en: 'Reported deceased (proposal {proposal}). {note}', 'zh-Hans': '经报告已去世（变更提议 {proposal}）。{note}' },
  'proposals.endedUnreachable': { en: 'Reported unreachable (proposal {proposal}). {note}', 'zh-Hans': '经报告已失联（变更提议 {proposal}）。{note}' },
} as const;
