import { strapiApp, unique } from './strapi';

let codes = 0;
/** An industry code fits in 8 characters: unique within the run. */
const shortCode = () => `T${(Date.now() % 46656).toString(36)}${(++codes).toString(36)}`.slice(0, 8);

/** Records built through the Document Service, each with unique values so tests never collide. */
const docs = (uid: string) => strapiApp().documents(uid as any);

export const makeCollege = (data: Record<string, unknown> = {}) =>
  docs('plugin::liaison.college').create({ data: { code: unique('C'), name: unique('学院'), ...data } });

export const makeCohort = async (data: Record<string, unknown> = {}) => {
  const college = data.college ?? (await makeCollege()).documentId;
  return docs('plugin::liaison.cohort').create({
    data: { code: unique('K'), gradYear: 2015, className: unique('班'), degreeLevel: 'bachelor', college, ...data },
  });
};

export const makeChapter = (data: Record<string, unknown> = {}) =>
  docs('plugin::liaison.chapter').create({ data: { name: unique('校友会'), country: 'CN', city: '深圳', ...data } });

export const makeIndustry = (data: Record<string, unknown> = {}) =>
  docs('plugin::liaison.industry-group').create({ data: { code: shortCode(), name: unique('行业'), ...data } });

export const makeAlumnus = (data: Record<string, unknown> = {}) =>
  docs('plugin::liaison.alumnus').create({
    data: { name: '张伟', studentNo: unique('S'), alumnusStatus: 'active', ...data },
  });

export const makePost = async (data: Record<string, unknown> = {}) => {
  const alumnus = data.alumnus ?? (await makeAlumnus()).documentId;
  const cohort = data.dimension && data.dimension !== 'cohort' ? undefined : data.cohort ?? (await makeCohort()).documentId;
  return docs('plugin::liaison.liaison').create({
    data: { dimension: 'cohort', role: 'monitor', termStart: '2024-01-01', postStatus: 'active', alumnus, cohort, ...data },
  });
};

/** A full-access API token for the content API (website writes are not public). */
export const fullAccessToken = async () => {
  const token = await strapiApp()
    .service('admin::api-token')
    .create({ name: unique('token'), type: 'full-access', lifespan: null, description: 'tests' });
  return token.accessKey as string;
};
