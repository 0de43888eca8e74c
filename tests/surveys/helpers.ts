import { adminToken, http, strapiApp, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege } from '../helpers/fixtures';

export const SURVEY = 'plugin::liaison.survey';
export const INVITATION = 'plugin::liaison.survey-invitation';
export const ANSWER = 'plugin::liaison.survey-answer';

const DAY = 86_400_000;
export const fromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const QUESTIONS = [
  {
    key: 'work',
    kind: 'single',
    label: { en: 'Where do you work?', 'zh-Hans': '您在哪里工作？' },
    options: [
      { key: 'city', label: { en: 'In the city', 'zh-Hans': '本市' } },
      { key: 'abroad', label: { en: 'Abroad', 'zh-Hans': '海外' } },
    ],
    required: true,
  },
  {
    key: 'help',
    kind: 'multiple',
    label: { en: 'What help would you like?', 'zh-Hans': '您需要哪些帮助？' },
    options: [
      { key: 'jobs', label: { en: 'Jobs', 'zh-Hans': '就业' } },
      { key: 'events', label: { en: 'Events', 'zh-Hans': '活动' } },
      { key: 'mentors', label: { en: 'Mentors', 'zh-Hans': '导师' } },
    ],
  },
  { key: 'years', kind: 'number', label: { en: 'Years since graduation', 'zh-Hans': '毕业年数' }, min: 0, max: 80 },
  { key: 'note', kind: 'text', label: { en: 'Anything else?', 'zh-Hans': '其他意见' } },
];

/** The error's fields, as Strapi's error body names them. */
export const fieldsOf = (res: any): string[] => (res.body.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

export const staffApi = async () => withToken(await adminToken());

/**
 * A college with two classes: in each, alumni who consent to contact with an address,
 * one who does not consent, one without an address; a chapter with a member of class A.
 */
export async function network() {
  const college = await makeCollege();
  const classA = await makeCohort({ college: college.documentId });
  const classB = await makeCohort({ college: college.documentId });
  const chapter = await makeChapter();
  const person = (cohort: string, data: Record<string, unknown> = {}) =>
    makeAlumnus({ name: unique('校友').slice(0, 20), cohort, email: `${unique('s').toLowerCase()}@example.edu.cn`, contactConsent: true, ...data });
  const a1 = await person(classA.documentId, { language: 'en', chapter: chapter.documentId });
  const a2 = await person(classA.documentId);
  const aNo = await person(classA.documentId, { contactConsent: false });
  const aNoMail = await person(classA.documentId, { email: null });
  const b1 = await person(classB.documentId);
  const b2 = await person(classB.documentId, { language: 'en' });
  return { college, classA, classB, chapter, a1, a2, aNo, aNoMail, b1, b2 };
}

export const draftBody = (scopes: { kind: string; documentId: string }[], extra: Record<string, unknown> = {}) => ({
  title: unique('校友调查'),
  titleEn: unique('Alumni survey'),
  intro: '请花两分钟填写。',
  introEn: 'Two minutes of your time.',
  questions: QUESTIONS,
  scopes,
  closesAt: fromNow(14),
  ...extra,
});

/** Waits for a survey's send job to finish (polling the admin API, as the page does). */
export async function sent(api: ReturnType<typeof withToken>, documentId: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api.get(`/liaison/surveys/${documentId}`);
    if (res.body.data?.sending?.status && res.body.data.sending.status !== 'running') return res.body.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the send did not finish');
}

/** Creates and sends a survey, waiting for the job: the survey as the API shows it after. */
export async function sendSurvey(api: ReturnType<typeof withToken>, scopes: { kind: string; documentId: string }[], extra: Record<string, unknown> = {}) {
  const created = await api.post('/liaison/surveys').send(draftBody(scopes, extra));
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const res = await api.post(`/liaison/surveys/${created.body.data.documentId}/send`);
  if (res.status !== 202) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
  return sent(api, created.body.data.documentId);
}

/** The invitations of a survey: whom, when. */
export const invitationsOf = async (surveyDocumentId: string) =>
  (await strapiApp().db.query(INVITATION as any).findMany({
    where: { survey: { documentId: surveyDocumentId } },
    populate: { alumnus: { select: ['documentId', 'email'] } },
  })) as any[];

/** The survey mails queued to an address. */
export const mailsTo = (to: string, kinds = ['survey', 'survey-reminder']) =>
  strapiApp().db.query('plugin::liaison.notification').findMany({ where: { to, kind: { $in: kinds } }, orderBy: { id: 'asc' } }) as Promise<any[]>;

/** The personal link's token in a mail's text. */
export const tokenIn = (text: string) => {
  const match = /\/liaison\/app\/survey\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error(`no survey link in: ${text}`);
  return decodeURIComponent(match[1]);
};

export const answerLink = (token: string) => `/api/liaison/surveys/answer/${encodeURIComponent(token)}`;
export const readAnswer = (token: string, lang?: string) => http().get(`${answerLink(token)}${lang ? `?lang=${lang}` : ''}`);
export const writeAnswer = (token: string, answers: unknown) => http().put(answerLink(token)).set('Accept-Language', 'en').send({ answers });
