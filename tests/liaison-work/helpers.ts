import { http, strapiApp } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';

/** The network's day (Asia/Shanghai), as the posts' terms count it, plus n days. */
export const dayFromToday = (n: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export const get = (url: string, auth: Record<string, string>) => http().get(url).set(auth);
export const post = (url: string, auth: Record<string, string>, body: unknown) => http().post(url).set(auth).send(body as object);

/** The paths a 4xx answer names. */
export const pathsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => (e.path ?? []).join('.'));

export const contactCount = () => strapiApp().db.query('plugin::liaison.contact-log').count({});

/**
 * A small network: a college with two classes, a class of another college, a chapter and an
 * industry group; alumni in each (one with consent to be contacted, one without); a serving
 * liaison for each dimension, and liaisons whose posts do not count today.
 */
export const network = async () => {
  const college = await makeCollege();
  const otherCollege = await makeCollege();
  const k1 = await makeCohort({ college: college.documentId, gradYear: 2015 });
  const k2 = await makeCohort({ college: college.documentId, gradYear: 2016 });
  const k3 = await makeCohort({ college: otherCollege.documentId, gradYear: 2017 });
  const chapter = await makeChapter();
  const industry = await makeIndustry();
  const li = await makeAlumnus({
    name: '李振东', cohort: k1.documentId, contactConsent: true, phone: '13912345678', email: 'lzd@example.com', wechat: 'lzd_wx',
    employer: '华为技术有限公司', jobTitle: '工程师', city: '深圳',
  });
  const wang = await makeAlumnus({
    name: '王芳', cohort: k1.documentId, contactConsent: false, phone: '13987654321', email: 'wf@example.com', wechat: 'wf_wx',
    employer: '保密科技有限公司', jobTitle: '总监', city: '北京',
  });
  const shan = await makeAlumnus({ name: '单雄', cohort: k1.documentId, city: '上海' });
  const chen = await makeAlumnus({ name: '陈静', cohort: k2.documentId, chapter: chapter.documentId });
  const zhao = await makeAlumnus({ name: '赵敏', cohort: k3.documentId, industry: industry.documentId });
  const sun = await makeAlumnus({ name: '孙丽', cohort: k3.documentId });

  const start = dayFromToday(-30);
  const liaison = async (name: string, cohort: string, posts: Record<string, unknown>[]) => {
    const person = await signedInAlumnus({ name, cohort });
    const made = [];
    for (const p of posts) made.push(await makePost({ alumnus: person.alumnus.documentId, termStart: start, ...p }));
    return { ...person, posts: made };
  };
  const classL = await liaison('周班长', k1.documentId, [{ dimension: 'cohort', cohort: k1.documentId, role: 'monitor' }]);
  const collegeL = await liaison('吴委员', k2.documentId, [{ dimension: 'college', cohort: undefined, college: college.documentId, role: 'member' }]);
  const regionL = await liaison('郑会长', k3.documentId, [
    { dimension: 'region', cohort: undefined, chapter: chapter.documentId, role: 'head' },
    { dimension: 'industry', cohort: undefined, industry: industry.documentId, role: 'member', nominationReason: '行业影响力' },
  ]);
  const endedL = await liaison('冯前任', k1.documentId, [
    { dimension: 'cohort', cohort: k1.documentId, role: 'league_secretary', termStart: dayFromToday(-400), termEnd: dayFromToday(-1) },
  ]);
  const futureL = await liaison('何新任', k2.documentId, [{ dimension: 'cohort', cohort: k2.documentId, role: 'monitor', termStart: dayFromToday(1) }]);
  const approvedL = await liaison('许待任', k2.documentId, [{ dimension: 'cohort', cohort: k2.documentId, role: 'league_secretary', postStatus: 'approved' }]);
  const nobody = await signedInAlumnus({ name: '韩校友', cohort: k1.documentId });
  return { college, otherCollege, k1, k2, k3, chapter, industry, li, wang, shan, chen, zhao, sun, classL, collegeL, regionL, endedL, futureL, approvedL, nobody, start };
};
