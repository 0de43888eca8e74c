/** Mail texts of training, in zh-Hans and en. */
export type Locale = 'zh-Hans' | 'en';

export const deadlineMail = (locale: Locale, r: { name: string; deadline: string; days: number; missing: string[] }) =>
  locale === 'en'
    ? {
        subject: `Your liaison training is due in ${r.days} days`,
        text: [
          `Dear ${r.name},`,
          '',
          `As a newly appointed liaison you are provisional until you complete the required training, by ${r.deadline}.`,
          'Still to complete:',
          ...r.missing.map((m) => `- ${m}`),
          '',
          'The Alumni Office',
        ].join('\n'),
      }
    : {
        subject: `联络员培训将于 ${r.days} 天后截止`,
        text: [
          `${r.name} 校友：您好！`,
          '',
          `您是新任校友联络员，须在 ${r.deadline} 前完成必修培训，完成前为试用期。`,
          '尚未完成的课程：',
          ...r.missing.map((m) => `- ${m}`),
          '',
          '校友会办公室',
        ].join('\n'),
      };
