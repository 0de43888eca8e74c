import type { OutgoingMail } from '../outbox/types';

/** The person a mail of the accounts goes to. */
export interface Recipient {
  id: number;
  name: string;
  email: string;
  language?: string | null;
}

export type AccountMail = 'claim' | 'invite' | 'reset' | 'exists';

const TEXTS: Record<AccountMail, { en: (name: string, link: string) => [string, string]; zh: (name: string, link: string) => [string, string] }> = {
  claim: {
    en: (name, link) => [
      'Your alumni account: choose a password',
      `Dear ${name},\n\nSomeone (we hope you) asked for an account of the alumni network with your record.\nChoose your password here within 24 hours; the link works once:\n\n${link}\n\nIf it was not you, ignore this mail: nothing changes.\n\nThe Alumni Office`,
    ],
    zh: (name, link) => [
      '您的校友账号：请设置密码',
      `${name} 校友：您好！\n\n有人（希望是您本人）申请以您的校友信息开通校友网络账号。\n请在 24 小时内通过以下链接设置密码（链接仅可使用一次）：\n\n${link}\n\n如非本人操作，请忽略此邮件，一切不变。\n\n校友会办公室`,
    ],
  },
  invite: {
    en: (name, link) => [
      'You are invited to the alumni network',
      `Dear ${name},\n\nThe alumni office invites you to open your account of the alumni network: your record, your consents, the events of your class and chapter.\nChoose your password here (the link works once):\n\n${link}\n\nThe Alumni Office`,
    ],
    zh: (name, link) => [
      '邀请您开通校友网络账号',
      `${name} 校友：您好！\n\n校友会办公室邀请您开通校友网络账号：查看和更新您的信息与授权，报名班级和分会的活动。\n请通过以下链接设置密码（链接仅可使用一次）：\n\n${link}\n\n校友会办公室`,
    ],
  },
  reset: {
    en: (name, link) => [
      'Choose a new password',
      `Dear ${name},\n\nSomeone (we hope you) asked to reset the password of your alumni account.\nChoose a new one here within an hour; the link works once:\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n\nThe Alumni Office`,
    ],
    zh: (name, link) => [
      '请设置新密码',
      `${name} 校友：您好！\n\n有人（希望是您本人）申请重置您校友账号的密码。\n请在 1 小时内通过以下链接设置新密码（链接仅可使用一次）：\n\n${link}\n\n如非本人操作，请忽略此邮件，密码不变。\n\n校友会办公室`,
    ],
  },
  exists: {
    en: (name, link) => [
      'You have an alumni account already',
      `Dear ${name},\n\nSomeone (we hope you) asked for an account of the alumni network with your record, which has one already.\nSign in with this e-mail address; if you forgot the password, ask for a new one here:\n\n${link}\n\nThe Alumni Office`,
    ],
    zh: (name, link) => [
      '您已开通校友账号',
      `${name} 校友：您好！\n\n有人（希望是您本人）申请以您的校友信息开通账号，而您已开通过账号。\n请用本邮箱登录；如忘记密码，可在此重新设置：\n\n${link}\n\n校友会办公室`,
    ],
  },
};

/** A mail of the accounts, in the person's language, linked to them (an erasure clears it with their other mails). */
export const accountMail = (kind: AccountMail, to: Recipient, link: string): OutgoingMail => {
  const en = to.language === 'en';
  const [subject, text] = (en ? TEXTS[kind].en : TEXTS[kind].zh)(to.name, link);
  return { to: to.email, subject, text, kind: 'account', alumnusId: to.id, locale: en ? 'en' : 'zh-Hans' };
};
