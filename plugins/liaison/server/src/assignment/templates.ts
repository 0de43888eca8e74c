import { DIMENSION_NAMES, ROLE_NAMES, nameOf } from '../vocabulary';

/** Mail texts of the assignment capability, in zh-Hans and en. */
export type Locale = 'zh-Hans' | 'en';

/** A role's and a dimension's names in the mail's language (the vocabulary's, as the admin shows them). */
const roleName = (role: string, locale: Locale) => nameOf(ROLE_NAMES, role, locale);
const DIMENSION_IN_TEXT: Record<Locale, Record<string, string>> = {
  'zh-Hans': Object.fromEntries(Object.entries(DIMENSION_NAMES).map(([d, n]) => [d, n['zh-Hans']])),
  // Inside an English sentence: "the class", "the regional chapter".
  en: { ...Object.fromEntries(Object.entries(DIMENSION_NAMES).map(([d, n]) => [d, n.en.toLowerCase()])), cohort: 'class' },
};

export interface LiaisonContact {
  name: string;
  role: string;
  email?: string | null;
  phone?: string | null;
}

const contactLine = (c: LiaisonContact, locale: Locale) => {
  const role = roleName(c.role, locale);
  const ways = [c.email && (locale === 'en' ? `e-mail ${c.email}` : `邮箱 ${c.email}`), c.phone && (locale === 'en' ? `phone ${c.phone}` : `电话 ${c.phone}`)]
    .filter(Boolean)
    .join(locale === 'en' ? ', ' : '，');
  const none = locale === 'en' ? 'contact through the alumni office' : '请通过校友工作办公室联系';
  return locale === 'en' ? `- ${c.name} (${role}): ${ways || none}` : `- ${c.name}（${role}）：${ways || none}`;
};

/** The mail every consenting member of a class gets when its liaisons are appointed. */
export const appointmentMail = (locale: Locale, args: { recipient: string; className: string; liaisons: LiaisonContact[] }) => {
  const lines = args.liaisons.map((c) => contactLine(c, locale)).join('\n');
  if (locale === 'en') {
    return {
      subject: `Your class liaisons: ${args.className}`,
      text: `Dear ${args.recipient},\n\nCongratulations on your graduation. The liaisons of your class ${args.className} are:\n\n${lines}\n\nContact them whenever you need the class or the university; they will keep you in touch with your classmates and your alma mater.\n\nThe Alumni Office`,
    };
  }
  return {
    subject: `您的班级联络员：${args.className}`,
    text: `${args.recipient}校友：\n\n祝贺您毕业！您所在班级 ${args.className} 的校友联络员是：\n\n${lines}\n\n今后有任何与班级或母校有关的事情，都可以联系他们；他们将帮助您与同学和母校保持联系。\n\n校友工作办公室`,
  };
};

/** The reminder of a term ending in `days` days, to the liaison or to the staff responsible. */
export const reminderMail = (
  locale: Locale,
  args: { toLiaison: boolean; recipient: string; holder: string; role: string; dimension: string; scope: string; termEnd: string; days: number }
) => {
  const role = roleName(args.role, locale);
  const dimension = DIMENSION_IN_TEXT[locale][args.dimension] ?? args.dimension;
  if (locale === 'en') {
    return {
      subject: `Liaison term ending in ${args.days} days: ${args.holder}, ${args.scope}`,
      text: args.toLiaison
        ? `Dear ${args.recipient},\n\nYour term as ${role} of the ${dimension} ${args.scope} ends on ${args.termEnd} (in ${args.days} days). Thank you for your service. The alumni office will contact you about a renewal or a handover to your successor.\n\nThe Alumni Office`
        : `Hello ${args.recipient},\n\nThe term of ${args.holder} as ${role} of the ${dimension} ${args.scope} ends on ${args.termEnd} (in ${args.days} days). Please renew the term or find a successor in the Assignment board, so that the post does not fall vacant.\n\nLiaison network`,
    };
  }
  return {
    subject: `联络员任期将在 ${args.days} 天后届满：${args.holder}，${args.scope}`,
    text: args.toLiaison
      ? `${args.recipient}校友：\n\n您担任${dimension}“${args.scope}”${role}的任期将于 ${args.termEnd} 届满（还有 ${args.days} 天）。感谢您的付出！校友工作办公室将与您联系续任或与继任者交接事宜。\n\n校友工作办公室`
      : `${args.recipient}，您好：\n\n${args.holder} 担任${dimension}“${args.scope}”${role}的任期将于 ${args.termEnd} 届满（还有 ${args.days} 天）。请在联络员分配面板中办理续任或物色继任者，以免岗位空缺。\n\n校友联络网络`,
  };
};
