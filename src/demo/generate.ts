/**
 * Deterministic demo data for the liaison network: pure functions, no Strapi.
 *
 * Records carry the attribute names of the content types. A relation holds the index
 * of the related record in its own list (or a list of indexes), so the loader can turn
 * indexes into row ids without looking anything up. Dates are 'YYYY-MM-DD', datetimes
 * ISO 8601 strings in UTC. Same options ⇒ identical output.
 */
import { searchKeyOf } from '../../plugins/liaison/server/src/rules/search-key';
import { Random, weightedPicker } from './random';
import { DAY_MS, dateOf, datetimeOf, dayOf, officeMinutes, yearOf } from './dates';
export { dateOf, dayOf };
import {
  DEMO_CRITERIA,
  DEMO_THRESHOLDS,
  appraisalYears,
  buildActivityEvents,
  buildAppraisals,
  buildContactLogs,
  buildCycles,
  buildDiligence,
  buildFeedback,
  buildHonours,
  markVerifiers,
  measureCycle,
  type AppraisalOutcome,
} from './activity';
import { COLLEGES, COLLEGE_INDUSTRIES, offers, type CollegeData } from './data/colleges';
import { EMPLOYERS, INDUSTRY_SECTIONS, JOB_TITLES } from './data/industries';
import { ABROAD, ABROAD_SHARE, CHAPTERS, PROVINCES, type ChapterData } from './data/places';
import { GIVEN_FEMALE, GIVEN_MALE, MAIL_DOMAINS, SURNAMES, type Syllable } from './data/names';
import {
  COURSES,
  END_NOTES,
  EVENT_TEMPLATES,
  NOMINATION_REASONS,
  STORY_TEMPLATES,
  TRAINERS,
  TRAINING_VENUES,
  p,
  type Block,
  type EventType,
  type TrainingArea,
} from './data/content';

export const DEFAULT_SEED = 1952;
/** Contact logs a year that a liaison of average diligence records. */
export const DEFAULT_CONTACTS_PER_POST = 12;
export { DEMO_CRITERIA, DEMO_THRESHOLDS, appraisalYears };
/** The "today" of generated data when none is given: fixed, so that output never depends on the clock. */
export const DEMO_TODAY = '2025-12-31';
export const FIRST_GRAD_YEAR = 1980;
export const LAST_GRAD_YEAR = 2025;
export const LOCALES = ['zh-Hans', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface GenerateOptions {
  alumni: number;
  seed?: number;
  /** 'YYYY-MM-DD': what the data treats as today (terms, events, feedback ages). */
  today?: string;
  /** Contact logs a year per serving post of average diligence (default 12; the appraisal benchmark asks for ~120). */
  contactsPerPost?: number;
}

// ---------------------------------------------------------------- record types

export type Degree = 'associate' | 'bachelor' | 'master' | 'doctor';
export type Dimension = 'cohort' | 'college' | 'region' | 'industry';
export type PostStatus = 'nominated' | 'approved' | 'active' | 'ended' | 'rejected';
export type EndReason = 'term_over' | 'resigned' | 'removed' | 'deceased' | 'replaced';
export type Role = 'head' | 'deputy' | 'secretary' | 'member' | 'monitor' | 'league_secretary' | 'staff';
export type NominationSource = 'staff' | 'college' | 'chapter' | 'alumnus' | 'self';

export interface CollegeRecord {
  code: string;
  name: string;
  nameEn: string;
  foundedYear: number;
}

export interface CohortRecord {
  code: string;
  college: number;
  gradYear: number;
  className: string;
  degreeLevel: Degree;
}

export interface ChapterRecord {
  name: string;
  nameEn: string;
  country: string;
  province: string | null;
  city: string | null;
  foundedOn: string;
  /** The chapter's own public address (a shared mailbox, never a person's). */
  contactEmail: string | null;
  chapterStatus: 'active' | 'dormant' | 'dissolved';
  description: string;
}

export interface IndustryRecord {
  code: string;
  name: string;
  nameEn: string;
  description: string;
}

export interface AlumnusRecord {
  name: string;
  searchKey: string;
  gender: 'male' | 'female' | 'undisclosed';
  studentNo: string;
  cohort: number;
  major: string;
  degree: Degree;
  country: string;
  province: string | null;
  city: string;
  industry: number | null;
  employer: string | null;
  jobTitle: string | null;
  phone: string | null;
  email: string;
  wechat: string | null;
  contactConsent: boolean;
  contactConsentAt: string | null;
  publishConsent: boolean;
  publishConsentAt: string | null;
  /** The names they agreed to be published under (set with the publication consent). */
  displayName: string | null;
  displayNameEn: string | null;
  alumnusStatus: 'active' | 'unreachable' | 'deceased';
  lastVerifiedAt: string | null;
  /** The post whose liaison last verified the record. */
  verifiedBy: number | null;
  chapter: number | null;
}

export interface PostRecord {
  alumnus: number;
  dimension: Dimension;
  cohort: number | null;
  college: number | null;
  chapter: number | null;
  industry: number | null;
  role: Role;
  termStart: string;
  termEnd: string | null;
  postStatus: PostStatus;
  nominationSource: NominationSource;
  nominator: number | null;
  nominationReason: string | null;
  endReason: EndReason | null;
  endNote: string | null;
  successor: number | null;
  /** Newly approved and not yet through the required training (the server keeps these after loading). */
  provisional?: boolean;
  trainingDeadline?: string | null;
}

export interface CourseRecord {
  title: string;
  titleEn: string;
  area: TrainingArea;
  description: string;
  hours: number;
  mandatory: boolean;
  passMark?: number;
}

export interface SessionRecord {
  course: number;
  startsAt: string;
  endsAt: string;
  location: string;
  online: boolean;
  trainer: string;
  capacity: number;
}

export interface TrainingRecordRecord {
  session: number;
  alumnus: number;
  attended: boolean;
  score: number | null;
  result: 'pending' | 'passed' | 'failed';
  note: string | null;
}

export interface CycleRecord {
  name: string;
  periodStart: string;
  periodEnd: string;
  cycleStatus: 'planned' | 'open' | 'closed';
  /** When the cycle was closed (its results mailed). */
  closedAt: string | null;
  criteria: { key: string; kind: 'measured' | 'scored'; measure?: string; weight: number }[];
  thresholds: { excellent: number; good: number; pass: number };
}

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

/** An appraisal row: the server computes its figures, total, grade and rank after loading. */
export interface AppraisalRecord {
  cycle: number;
  liaison: number;
}

/** A reviewer's score, entered from the paper forms of the demo (no reviewer account). */
export interface AppraisalScoreRecord {
  appraisal: number;
  criterion: string;
  score: number;
  comment: string | null;
}

export interface HonourRecord {
  alumnus: number;
  kind: 'title' | 'scholarship' | 'bonus' | 'commendation' | 'invitation';
  title: string;
  awardedOn: string | null;
  amount: number | null;
  appraisal: number | null;
  citation: string;
  showPublicly: boolean;
  cycle: number | null;
  honourStatus: 'nominated' | 'awarded' | 'rejected';
  year: number;
}

export interface ConductVersionRecord {
  version: number;
  title: string;
  textZh: string;
  textEn: string;
  effectiveFrom: string;
}

export interface ConductAcknowledgementRecord {
  alumnus: number;
  conductVersion: number;
  acknowledgedAt: string;
  via: 'link' | 'staff';
}

export interface ContactLogRecord {
  liaison: number;
  alumnus: number | null;
  channel: 'visit' | 'call' | 'message' | 'gathering' | 'email' | 'wechat';
  contactedAt: string;
  summary: string;
}

export interface FeedbackRecord {
  alumnus: number;
  liaison: number | null;
  category: 'career_help' | 'cooperation' | 'suggestion' | 'complaint' | 'data_correction' | 'other';
  content: string;
  feedbackStatus: 'open' | 'in_progress' | 'answered' | 'closed';
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
  answer: string | null;
}

/** A document of a localised type: fields shared by its locales, and each locale's own. */
export interface LocalizedDocument<Shared, Own> {
  shared: Shared;
  locales: Record<Locale, Own>;
}

export interface StoryShared {
  cohortYears: number[];
  tags: string[];
  colleges: number[];
  chapters: number[];
  industries: number[];
  featuredAlumni: number[];
}
export interface StoryOwn {
  title: string;
  slug: string;
  summary: string;
  body: Block[];
}
export type StoryRecord = LocalizedDocument<StoryShared, StoryOwn>;

export interface EventShared {
  type: EventType;
  chapter: number | null;
  college: number | null;
  industry: number | null;
  startsAt: string;
  endsAt: string;
  onlineUrl: string | null;
  capacity: number | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  /** The liaison posts that organised it, and how many came (past events). */
  organisers: number[];
  attendance: number | null;
  /** When the attendance was recorded (the day after the event; by the office, not an admin user). */
  attendanceRecordedAt: string | null;
}
export interface EventOwn {
  title: string;
  slug: string;
  venue: string | null;
  description: Block[];
}
export type EventRecord = LocalizedDocument<EventShared, EventOwn>;

export interface DemoData {
  options: Required<GenerateOptions>;
  colleges: CollegeRecord[];
  cohorts: CohortRecord[];
  chapters: ChapterRecord[];
  industries: IndustryRecord[];
  alumni: AlumnusRecord[];
  posts: PostRecord[];
  courses: CourseRecord[];
  sessions: SessionRecord[];
  trainingRecords: TrainingRecordRecord[];
  cycles: CycleRecord[];
  appraisals: AppraisalRecord[];
  appraisalScores: AppraisalScoreRecord[];
  /** What the server computes for each appraisal after loading (not loaded: the server writes it). */
  appraisalOutcomes: AppraisalOutcome[];
  honours: HonourRecord[];
  conductVersions: ConductVersionRecord[];
  conductAcknowledgements: ConductAcknowledgementRecord[];
  contactLogs: ContactLogRecord[];
  feedback: FeedbackRecord[];
  stories: StoryRecord[];
  events: EventRecord[];
}

// ---------------------------------------------------------------- scale

/** 300,000 alumni make about 8,000 graduating classes: ~37.5 graduates a class. */
export const ALUMNI_PER_COHORT = 37.5;
/** Two classes a year at least, so that even a tiny demo spans 1980–2025. */
export const MIN_COHORTS = 2 * (LAST_GRAD_YEAR - FIRST_GRAD_YEAR + 1);

export interface DemoScale {
  cohorts: number;
  /** Alumni per liaison seat, for the dimensions whose seats grow with membership. */
  alumniPerSeat: { college: number; region: number; industry: number };
  minSeats: { college: number; region: number; industry: number };
  maxSeats: number;
  feedback: number;
}

export const demoScale = (alumni: number): DemoScale => ({
  cohorts: Math.max(MIN_COHORTS, Math.round(alumni / ALUMNI_PER_COHORT)),
  alumniPerSeat: { college: 1400, region: 560, industry: 2800 },
  minSeats: { college: 3, region: 2, industry: 2 },
  maxSeats: 60,
  feedback: Math.max(30, Math.round(alumni / 100)),
});

// ---------------------------------------------------------------- dates


/** When the office started keeping liaison records in this system's predecessor. */
const NETWORK_START = dayOf('2016-09-01');

const DEGREE_YEARS: Record<Degree, number> = { associate: 3, bachelor: 4, master: 3, doctor: 4 };
const DEGREE_DIGIT: Record<Degree, string> = { associate: '0', bachelor: '1', master: '2', doctor: '3' };
const DEGREE_LETTER: Record<Degree, string> = { associate: 'A', bachelor: 'B', master: 'M', doctor: 'D' };
const CLASS_SIZE: Record<Degree, number> = { associate: 0.8, bachelor: 1, master: 0.6, doctor: 0.25 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------- generation

export function generateDemo(options: GenerateOptions): DemoData {
  const alumniCount = Math.floor(options.alumni);
  if (!Number.isFinite(alumniCount) || alumniCount < 1) throw new Error('generateDemo: alumni must be a positive number');
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const todayText = options.today ?? DEMO_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(todayText) || Number.isNaN(dayOf(todayText))) {
    throw new Error(`generateDemo: today must be YYYY-MM-DD, got ${todayText}`);
  }
  const today = dayOf(todayText);
  const scale = demoScale(alumniCount);
  const stream = (label: string) => Random.stream(seed, label);

  const colleges = buildColleges();
  const industries = buildIndustries();
  const chapters = buildChapters();
  const { cohorts, majors } = buildCohorts(stream('cohorts'), scale.cohorts, today);
  const people = buildAlumni(stream('alumni'), alumniCount, cohorts, majors, today);
  const posts = buildPosts(stream('posts'), { cohorts, people, scale, today });
  markPublicLiaisons(stream('public-liaisons'), { posts, people, today });
  const training = buildTraining(stream('training'), { posts, people, today });
  markProvisional({ posts, training, today });
  const conduct = buildConduct(stream('conduct'), { posts, today });

  // The liaisons' work over the two appraisal years, driven by each one's diligence.
  const diligence = buildDiligence(stream('diligence'), people.records.length);
  const activity = { posts, people, cohorts, today, diligence };
  const contactLogs = buildContactLogs(stream('contacts'), activity, options.contactsPerPost ?? DEFAULT_CONTACTS_PER_POST);
  markVerifiers(stream('verifiers'), activity);
  const feedback = buildFeedback(stream('feedback'), activity, scale.feedback);
  const events = [
    ...buildEvents(stream('events'), { colleges, chapters, industries, today, posts }),
    ...buildActivityEvents(stream('activity-events'), activity, { colleges, chapters, industries }),
  ];
  const appraisal = buildAppraisals(stream('appraisals'), {
    posts,
    diligence,
    today,
    cycles: buildCycles(today),
    measure: (cycle) => measureCycle(cycle, { contactLogs, events, feedback, alumni: people.records }),
  });
  const honours = buildHonours(stream('honours'), { posts, people, appraisal, today });
  const stories = buildStories(stream('stories'), { people, cohorts, colleges, chapters, industries, today });

  return {
    options: { alumni: alumniCount, seed, today: todayText, contactsPerPost: options.contactsPerPost ?? DEFAULT_CONTACTS_PER_POST },
    colleges,
    cohorts,
    chapters,
    industries,
    alumni: people.records,
    posts,
    courses: training.courses,
    sessions: training.sessions,
    trainingRecords: training.records,
    cycles: appraisal.cycles,
    appraisals: appraisal.appraisals,
    appraisalScores: appraisal.scores,
    appraisalOutcomes: appraisal.outcomes,
    honours,
    conductVersions: conduct.versions,
    conductAcknowledgements: conduct.acknowledgements,
    contactLogs,
    feedback,
    stories,
    events,
  };
}

/** How many records of each kind a data set holds (localised documents count once). */
export const countRecords = (data: DemoData): Record<string, number> => ({
  colleges: data.colleges.length,
  cohorts: data.cohorts.length,
  chapters: data.chapters.length,
  industries: data.industries.length,
  alumni: data.alumni.length,
  posts: data.posts.length,
  courses: data.courses.length,
  sessions: data.sessions.length,
  trainingRecords: data.trainingRecords.length,
  cycles: data.cycles.length,
  appraisals: data.appraisals.length,
  appraisalScores: data.appraisalScores.length,
  honours: data.honours.length,
  conductVersions: data.conductVersions.length,
  conductAcknowledgements: data.conductAcknowledgements.length,
  contactLogs: data.contactLogs.length,
  feedback: data.feedback.length,
  stories: data.stories.length,
  events: data.events.length,
});

// ---------------------------------------------------------------- reference records

const buildColleges = (): CollegeRecord[] =>
  COLLEGES.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, foundedYear: c.foundedYear }));

const buildIndustries = (): IndustryRecord[] =>
  INDUSTRY_SECTIONS.map((s) => ({
    code: s.code,
    name: s.name,
    nameEn: s.nameEn,
    description: `按《国民经济行业分类》（GB/T 4754-2017）门类 ${s.code}“${s.name}”组织的行业校友组织。`,
  }));

/** "Shenzhen Chapter, Guangdong" → "shenzhen-chapter-guangdong". */
const chapterMailbox = (nameEn: string) =>
  nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

const buildChapters = (): ChapterRecord[] =>
  CHAPTERS.map((c) => ({
    name: c.name,
    nameEn: c.nameEn,
    country: c.country,
    province: c.province,
    city: c.city,
    foundedOn: c.foundedOn,
    contactEmail: c.status === 'dissolved' ? null : `${chapterMailbox(c.nameEn)}@alumni.example.edu`,
    chapterStatus: c.status,
    description:
      c.status === 'active'
        ? `${c.name}成立于${c.foundedOn.slice(0, 4)}年，联系${c.city ?? c.country}及周边地区的校友。`
        : c.status === 'dormant'
          ? `${c.name}目前暂停活动，等待换届。`
          : `${c.name}已于近年撤销，会员并入相邻校友会。`,
  }));

// ---------------------------------------------------------------- cohorts

interface CohortDraft {
  college: number;
  gradYear: number;
  degree: Degree;
  major: string;
}

const pickDegree = (random: Random, year: number): Degree => {
  const roll = random.next();
  const associate = year < 2005 ? 0.1 : 0;
  const doctor = year < 1990 ? 0.02 : 0.06;
  const master = year < 1990 ? 0.08 : year < 2005 ? 0.15 : 0.22;
  if (roll < associate) return 'associate';
  if (roll < associate + doctor) return 'doctor';
  if (roll < associate + doctor + master) return 'master';
  return 'bachelor';
};

/** The programmes of a college that admitted students for `degree` in the year a class graduating in `year` enrolled. */
const programmesOf = (college: CollegeData, year: number, degree: Degree) =>
  college.foundedYear + DEGREE_YEARS[degree] <= year ? college.programmes.filter((p) => offers(p, degree, year - DEGREE_YEARS[degree])) : [];

const eligibleColleges = (year: number, degree: Degree) =>
  COLLEGES.map((c, i) => ({ c, i })).filter(({ c }) => programmesOf(c, year, degree).length > 0);

function buildCohorts(random: Random, count: number, today: number) {
  // Classes graduate on 30 June: the last year is one whose graduation is not in the future.
  const lastYear = Math.min(LAST_GRAD_YEAR, dayOf(`${yearOf(today)}-06-30`) <= today ? yearOf(today) : yearOf(today) - 1);
  const years: number[] = [];
  for (let y = FIRST_GRAD_YEAR; y <= lastYear; y += 1) years.push(y);
  // Enrolment grew after 1999.
  const pickYear = weightedPicker(years, (y) => (y < 1999 ? 1 : 1 + (y - 1999) * 0.12));

  const drafts: CohortDraft[] = [];
  const add = (year: number, collegeIndex?: number) => {
    let degree = pickDegree(random, year);
    let pool = eligibleColleges(year, degree);
    if (pool.length === 0 || (collegeIndex !== undefined && !pool.some(({ i }) => i === collegeIndex))) {
      degree = 'bachelor';
      pool = eligibleColleges(year, degree);
    }
    const college =
      collegeIndex !== undefined && pool.some(({ i }) => i === collegeIndex) ? collegeIndex : random.weighted(pool, ({ c }) => c.weight).i;
    // Only a programme that admitted this degree in the class's year of enrolment.
    const programme = random.pick(programmesOf(COLLEGES[college], year, degree));
    drafts.push({ college, gradYear: year, degree, major: programme.name });
  };
  // Every year has a class, and every college has one.
  for (const year of years) if (drafts.length < count) add(year);
  COLLEGES.forEach((college, i) => {
    if (drafts.length >= count || drafts.some((d) => d.college === i)) return;
    add(Math.max(college.foundedYear + 4, lastYear - random.int(0, 10)), i);
  });
  while (drafts.length < count) add(pickYear(random));

  drafts.sort(
    (a, b) =>
      a.gradYear - b.gradYear ||
      a.college - b.college ||
      a.degree.localeCompare(b.degree) ||
      a.major.localeCompare(b.major)
  );

  const classNo = new Map<string, number>();
  const codeNo = new Map<string, number>();
  const cohorts: CohortRecord[] = drafts.map((d) => {
    const college = COLLEGES[d.college];
    const enrol = d.gradYear - DEGREE_YEARS[d.degree];
    const classKey = `${d.college}|${d.gradYear}|${d.degree}|${d.major}`;
    const n = (classNo.get(classKey) ?? 0) + 1;
    classNo.set(classKey, n);
    const codeKey = `${college.code}${d.gradYear}${DEGREE_LETTER[d.degree]}`;
    const seq = (codeNo.get(codeKey) ?? 0) + 1;
    codeNo.set(codeKey, seq);
    const kind = { associate: '专科', bachelor: '', master: '硕士', doctor: '博士' }[d.degree];
    return {
      code: `${codeKey}${pad(seq, 2)}`,
      college: d.college,
      gradYear: d.gradYear,
      className: `${d.major}${enrol}级${kind}${n}班`,
      degreeLevel: d.degree,
    };
  });
  return { cohorts, majors: drafts.map((d) => d.major) };
}

// ---------------------------------------------------------------- alumni

export interface People {
  records: AlumnusRecord[];
  /** "Zhang Wei": names in pinyin, for English texts. */
  namesEn: string[];
  /** First and one-past-last alumnus of each cohort (alumni are generated cohort by cohort). */
  cohortStart: number[];
  cohortEnd: number[];
  byChapter: number[][];
  /** Living alumni in each chapter's area, members or not (whom its liaisons reach out to). */
  byChapterArea: number[][];
  byIndustry: number[][];
  cohortsByCollege: number[][];
}

const FEMALE_SHARE: Record<string, number> = {
  CS: 0.25, EE: 0.25, ME: 0.15, CIVIL: 0.25, PHYS: 0.3, FL: 0.75, CHN: 0.7, JC: 0.65, MED: 0.55, MGMT: 0.55,
};

/** Splits `total` into integers proportional to `weights` (largest remainder). */
const apportion = (total: number, weights: number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) counts[order[k].i] += 1;
  return counts;
};

const chapterFinder = () => {
  const byCity = new Map<string, number>();
  const byProvince = new Map<string, number>();
  const byCountry = new Map<string, number>();
  CHAPTERS.forEach((c: ChapterData, i) => {
    for (const city of c.match.cities ?? []) byCity.set(`${c.country}|${city}`, i);
    if (c.match.province) byProvince.set(c.match.province, i);
    if (c.match.country) byCountry.set(c.match.country, i);
  });
  return (country: string, province: string | null, city: string): number | null =>
    byCity.get(`${country}|${city}`) ??
    (country === 'CN' && province ? byProvince.get(province) : byCountry.get(country)) ??
    null;
};

const CALLING_CODES: Record<string, string> = { DE: '49', FR: '33', JP: '81', SG: '65', KR: '82' };

const phoneFor = (random: Random, country: string): string => {
  const digits = (n: number) => random.chars('0123456789', n);
  switch (country) {
    case 'CN':
      return `1${random.pick(['3', '5', '7', '8', '9'])}${digits(9)}`;
    case 'US':
    case 'CA':
      // 555-0100 to 555-0199 are reserved for fiction.
      return `+1 ${random.pick(['408', '415', '650', '212', '617', '206', '416', '604'])} 555 01${digits(2)}`;
    case 'GB':
      // Ofcom's drama range.
      return `+44 20 7946 0${digits(3)}`;
    case 'AU':
      return `+61 2 5550 ${digits(4)}`;
    default:
      return `+${CALLING_CODES[country] ?? '00'} ${digits(3)} ${digits(4)}`;
  }
};

function buildAlumni(random: Random, count: number, cohorts: CohortRecord[], majors: string[], today: number): People {
  const sizes = apportion(
    count,
    cohorts.map((c) => CLASS_SIZE[c.degreeLevel] * (0.7 + random.next() * 0.6))
  );
  const pickSurname = weightedPicker(SURNAMES, (s) => s[2]);
  const pickProvince = weightedPicker(PROVINCES, (p) => p.weight);
  const cityPickers = PROVINCES.map((p) => weightedPicker(p.cities, (c) => c[1]));
  const pickAbroad = weightedPicker(ABROAD, (a) => a.weight);
  const abroadPickers = ABROAD.map((a) => weightedPicker(a.places, (pl) => pl[2]));
  const pickDomain = weightedPicker(MAIL_DOMAINS, (d) => d[1]);
  const industryIndex = new Map(INDUSTRY_SECTIONS.map((s, i) => [s.code, i]));
  const industryPickers = COLLEGES.map((c) => {
    const entries = Object.entries(COLLEGE_INDUSTRIES[c.code] ?? { P: 1 });
    return weightedPicker(entries, (e) => e[1]);
  });
  const findChapter = chapterFinder();
  const seq = new Map<string, number>();

  const records: AlumnusRecord[] = new Array(count);
  const namesEn: string[] = new Array(count);
  const cohortStart: number[] = [];
  const cohortEnd: number[] = [];
  const byChapter: number[][] = CHAPTERS.map(() => []);
  const byChapterArea: number[][] = CHAPTERS.map(() => []);
  const byIndustry: number[][] = INDUSTRY_SECTIONS.map(() => []);
  const cohortsByCollege: number[][] = COLLEGES.map(() => []);

  let index = 0;
  cohorts.forEach((cohort, c) => {
    cohortsByCollege[cohort.college].push(c);
    cohortStart.push(index);
    const college: CollegeData = COLLEGES[cohort.college];
    const enrol = cohort.gradYear - DEGREE_YEARS[cohort.degreeLevel];
    const gradDay = dayOf(`${cohort.gradYear}-06-30`);
    const age = yearOf(today) - cohort.gradYear;
    const noKey = `${enrol}${pad(cohort.college + 1, 2)}${DEGREE_DIGIT[cohort.degreeLevel]}`;
    for (let k = 0; k < sizes[c]; k += 1, index += 1) {
      // name
      const genderRoll = random.next();
      const female = FEMALE_SHARE[college.code] ?? 0.45;
      const gender = genderRoll < 0.02 ? 'undisclosed' : genderRoll < 0.02 + female * 0.98 ? 'female' : 'male';
      const surname = pickSurname(random);
      const pool: readonly Syllable[] = gender === 'female' ? GIVEN_FEMALE : gender === 'male' ? GIVEN_MALE : random.chance(0.5) ? GIVEN_FEMALE : GIVEN_MALE;
      const given: Syllable[] = random.chance(age > 35 ? 0.35 : 0.2) ? [random.pick(pool)] : [random.pick(pool), random.pick(pool)];
      const name = surname[0] + given.map((g) => g[0]).join('');
      const givenPinyin = given.map((g) => g[1]).join('');
      namesEn[index] = `${capitalise(surname[1])} ${capitalise(givenPinyin)}`;

      // student number: enrolment year, college, degree, running number
      const n = (seq.get(noKey) ?? 0) + 1;
      seq.set(noKey, n);
      const studentNo = `${noKey}${pad(n, 4)}`;

      // status
      const statusRoll = random.next();
      const deceasedShare = cohort.gradYear < 1990 ? 0.06 : cohort.gradYear < 2000 ? 0.02 : 0.003;
      const status = statusRoll < deceasedShare ? 'deceased' : statusRoll < deceasedShare + 0.06 ? 'unreachable' : 'active';

      // where
      let country = 'CN';
      let province: string | null;
      let city: string;
      if (random.chance(cohort.degreeLevel === 'doctor' || cohort.degreeLevel === 'master' ? ABROAD_SHARE * 1.6 : ABROAD_SHARE)) {
        const a = pickAbroad(random);
        const place = abroadPickers[ABROAD.indexOf(a)](random);
        country = a.country;
        province = place[0];
        city = place[1];
      } else {
        const prov = pickProvince(random);
        province = prov.province;
        city = cityPickers[PROVINCES.indexOf(prov)](random)[0];
      }
      const abroad = country !== 'CN' || province === '香港特别行政区';

      // work
      const retired = age > 38 && random.chance((age - 38) / 12);
      let industry: number | null = null;
      let employer: string | null = null;
      let jobTitle: string | null = null;
      if (!retired && random.chance(0.93)) {
        const code = industryPickers[cohort.college](random)[0];
        industry = industryIndex.get(code) ?? null;
        const employers = EMPLOYERS[code];
        const titles = JOB_TITLES[code];
        employer = abroad ? random.pick(employers.intl) : random.pick(employers.cn);
        jobTitle = abroad ? random.pick(titles.intl) : random.pick(titles.cn);
      }

      // contact
      const handle = random.chance(0.5)
        ? `${surname[1]}${givenPinyin}${random.chance(0.6) ? String(cohort.gradYear).slice(2) : random.int(1, 999)}`
        : `${givenPinyin}.${surname[1]}${random.chance(0.5) ? random.int(1, 99) : ''}`;
      const email = `${handle}@${pickDomain(random)[0]}`;
      const wechat = random.chance(age > 30 ? 0.45 : 0.8)
        ? random.chance(0.5)
          ? `wxid_${random.chars('abcdefghijklmnopqrstuvwxyz0123456789', 12)}`
          : `${surname[1]}${givenPinyin}_${random.int(100, 9999)}`
        : null;

      // consents: recorded since the system started, never before graduation
      const consentFrom = Math.max(gradDay, NETWORK_START);
      const contactConsent = status !== 'deceased' && random.chance(0.72);
      const contactConsentAt = contactConsent ? datetimeOf(random.int(consentFrom, today), officeMinutes(random)) : null;
      const publishConsent = contactConsent ? random.chance(0.35) : status === 'active' && random.chance(0.05);
      const publishConsentAt = publishConsent ? datetimeOf(random.int(consentFrom, today), officeMinutes(random)) : null;
      const lastVerifiedAt =
        status === 'active' && random.chance(0.8)
          ? dateOf(random.int(Math.max(gradDay, today - 4 * 365), today))
          : status === 'unreachable' && random.chance(0.5)
            ? dateOf(random.int(Math.max(gradDay, today - 12 * 365), today - 3 * 365))
            : null;

      // chapter membership
      let chapter: number | null = null;
      const found = status === 'deceased' ? null : findChapter(country, province, city);
      if (found !== null) {
        byChapterArea[found].push(index);
        const share = { active: 0.35, dormant: 0.12, dissolved: 0 }[CHAPTERS[found].status];
        if (random.chance(share)) chapter = found;
      }
      if (chapter !== null) byChapter[chapter].push(index);
      if (industry !== null) byIndustry[industry].push(index);

      records[index] = {
        name,
        searchKey: searchKeyOf(name),
        gender,
        studentNo,
        cohort: c,
        major: majors[c],
        degree: cohort.degreeLevel,
        country,
        province,
        city,
        industry,
        employer,
        jobTitle,
        phone: phoneFor(random, country),
        email,
        wechat,
        contactConsent,
        contactConsentAt,
        publishConsent,
        publishConsentAt,
        displayName: publishConsent ? name : null,
        displayNameEn: publishConsent ? namesEn[index] : null,
        alumnusStatus: status,
        lastVerifiedAt,
        verifiedBy: null,
        chapter,
      };
    }
    cohortEnd.push(index);
  });

  distinctContacts(records);
  return { records, namesEn, cohortStart, cohortEnd, byChapter, byChapterArea, byIndustry, cohortsByCollege };
}

/**
 * One person, one phone and one address, as in life (the duplicate scan would take two
 * people sharing one for one person). Without drawing again, so the rest of the demo stays
 * as it was: a taken address gets the next free number before its @; a taken phone the
 * next free last digits, or none on file when its range (the fiction ranges abroad) is full.
 */
const distinctContacts = (records: { phone: string | null; email: string }[]) => {
  const phones = new Set<string>();
  const mails = new Set<string>();
  for (const r of records) {
    if (r.phone !== null) {
      let phone: string | null = r.phone;
      for (let step = 1; phone !== null && phones.has(phone); step += 1) {
        const [, head, last] = /^(.*?)(\d)$/.exec(r.phone) ?? [];
        phone = step <= 9 && head !== undefined ? `${head}${(Number(last) + step) % 10}` : null;
      }
      r.phone = phone;
      if (phone !== null) phones.add(phone);
    }
    const at = r.email.indexOf('@');
    let email = r.email;
    for (let n = 2; mails.has(email); n += 1) email = `${r.email.slice(0, at)}${n}${r.email.slice(at)}`;
    r.email = email;
    mails.add(email);
  }
};

// ---------------------------------------------------------------- liaison posts

type ScopeField = 'cohort' | 'college' | 'chapter' | 'industry';
const SCOPE_OF: Record<Dimension, ScopeField> = { cohort: 'cohort', college: 'college', region: 'chapter', industry: 'industry' };

/** How a seat's history goes. */
type SeatPlan =
  | 'normal' // appointed, renewed or handed over, held today
  | 'vacant' // held once, then left empty
  | 'pending' // only a nomination waiting for approval
  | 'rejected' // only a nomination that was turned down
  | 'lapsed'; // held, then ended with no successor (dormant chapters)

interface SeatSpec {
  dimension: Dimension;
  scope: number;
  role: Role;
  firstStart: number;
  termYears: number | null;
  plan: SeatPlan;
  pool: () => number;
  source: () => NominationSource;
  /** Industry posts always carry a reason; others sometimes. */
  reasonShare: number;
  /** Chance that a term is renewed when it runs out, and that a holder leaves early. */
  renewal: number;
  earlyEnd: number;
}

interface PostContext {
  cohorts: CohortRecord[];
  people: People;
  scale: DemoScale;
  today: number;
}

const LIVE_STATUSES: readonly string[] = ['nominated', 'approved', 'active'];

function buildPosts(random: Random, { cohorts, people, scale, today }: PostContext): PostRecord[] {
  const posts: PostRecord[] = [];
  const alumni = people.records;
  const anyone = () => random.int(0, alumni.length - 1);

  /** Someone from a pool who can serve (not deceased), or anyone when the pool is empty. */
  const fromPool = (pool: () => number | null) => () => {
    let candidate = -1;
    for (let tries = 0; tries < 6; tries += 1) {
      const c = pool();
      if (c === null) break;
      candidate = c;
      if (alumni[c].alumnusStatus !== 'deceased') return c;
    }
    if (candidate >= 0 && alumni[candidate].alumnusStatus !== 'deceased') return candidate;
    for (let tries = 0; tries < 20; tries += 1) {
      const c = anyone();
      if (alumni[c].alumnusStatus !== 'deceased') return c;
    }
    return anyone();
  };
  const inCohort = (c: number) => () =>
    people.cohortEnd[c] > people.cohortStart[c] ? random.int(people.cohortStart[c], people.cohortEnd[c] - 1) : null;
  const inCollege = (college: number) => () => {
    const list = people.cohortsByCollege[college];
    return list.length ? inCohort(random.pick(list))() : null;
  };
  const inList = (list: number[]) => () => (list.length ? random.pick(list) : null);

  const reasonFor = (dimension: Dimension) => random.pick(NOMINATION_REASONS[dimension]);

  /** Live posts by scope: one person never holds two overlapping live terms in one scope (the network's rule). */
  const liveByScope = new Map<string, { alumnus: number; start: string; end: string | null }[]>();
  const overlapsLive = (scopeKey: string, alumnus: number, start: string, end: string | null) =>
    (liveByScope.get(scopeKey) ?? []).some(
      (p) => p.alumnus === alumnus && (p.end === null || start <= p.end) && (end === null || p.start <= end)
    );

  const emit = (spec: SeatSpec, post: Omit<PostRecord, 'dimension' | 'cohort' | 'college' | 'chapter' | 'industry' | 'role' | 'nominationSource' | 'nominator' | 'nominationReason' | 'successor'>) => {
    const scopeKey = `${spec.dimension}:${spec.scope}`;
    if (LIVE_STATUSES.includes(post.postStatus)) {
      for (let tries = 0; tries < 10 && overlapsLive(scopeKey, post.alumnus, post.termStart, post.termEnd); tries += 1) {
        post = { ...post, alumnus: spec.pool() };
      }
      // A scope too small to find another person: the seat stays empty rather than double-booked.
      if (overlapsLive(scopeKey, post.alumnus, post.termStart, post.termEnd)) return null;
      liveByScope.set(scopeKey, [...(liveByScope.get(scopeKey) ?? []), { alumnus: post.alumnus, start: post.termStart, end: post.termEnd }]);
    }
    const source = spec.source();
    let nominator: number | null = null;
    if (source === 'alumnus') {
      nominator = spec.pool();
      if (nominator === post.alumnus) nominator = null;
    }
    const scopes = { cohort: null, college: null, chapter: null, industry: null } as Record<ScopeField, number | null>;
    scopes[SCOPE_OF[spec.dimension]] = spec.scope;
    const record: PostRecord = {
      ...post,
      dimension: spec.dimension,
      ...scopes,
      role: spec.role,
      nominationSource: nominator === null && source === 'alumnus' ? 'staff' : source,
      nominator,
      nominationReason: spec.dimension === 'industry' || random.chance(spec.reasonShare) ? reasonFor(spec.dimension) : null,
      successor: null,
    } as PostRecord;
    posts.push(record);
    return posts.length - 1;
  };

  const ended = (holder: number, start: number, end: number, reason: EndReason) => ({
    alumnus: holder,
    termStart: dateOf(start),
    termEnd: dateOf(end),
    postStatus: 'ended' as const,
    endReason: alumni[holder].alumnusStatus === 'deceased' ? ('deceased' as const) : reason,
    endNote: random.pick(END_NOTES[alumni[holder].alumnusStatus === 'deceased' ? 'deceased' : reason]),
  });
  const open = (holder: number, start: number, end: number | null, status: PostStatus) => ({
    alumnus: holder,
    termStart: dateOf(start),
    termEnd: end === null ? null : dateOf(end),
    postStatus: status,
    endReason: null,
    endNote: null,
  });

  /**
   * One seat's history, from its first appointment to today: terms renewed (the same post,
   * its end moved on), handed over (an ended post pointing at its successor), or left empty.
   */
  const seat = (spec: SeatSpec) => {
    const term = spec.termYears === null ? null : spec.termYears * 365;
    if (spec.plan === 'pending') {
      const start = today + random.int(10, 60);
      emit(spec, open(spec.pool(), start, term === null ? null : start + term, random.chance(0.75) ? 'nominated' : 'approved'));
      return;
    }
    if (spec.plan === 'rejected') {
      emit(spec, open(spec.pool(), Math.min(today - 1, spec.firstStart), null, 'rejected'));
      return;
    }
    let start = spec.firstStart;
    let holder = spec.pool();
    let previous: number | null = null;
    for (let round = 0; round < 8; round += 1) {
      if (start > today) {
        const index = emit(spec, open(holder, start, term === null ? null : start + term, 'approved'));
        if (previous !== null) posts[previous].successor = index;
        return;
      }
      // Renewals keep the post and move its end on.
      let planned = term === null ? null : start + term;
      while (planned !== null && term !== null && planned <= today && random.chance(spec.renewal)) planned += term;

      let end: number | null = null;
      let reason: EndReason = 'term_over';
      if (planned !== null && planned <= today) {
        end = planned;
        reason = random.chance(0.8) ? 'term_over' : 'replaced';
      } else if ((alumni[holder].alumnusStatus === 'deceased' || random.chance(spec.earlyEnd)) && today - start > 60) {
        end = random.int(start + 30, today - 1);
        const roll = random.next();
        reason = roll < 0.55 ? 'resigned' : roll < 0.85 ? 'replaced' : 'removed';
      }
      // Vacant seats end after their first holder; lapsed ones (dormant chapters) after at most two.
      const stop = spec.plan === 'vacant' || (spec.plan === 'lapsed' && (end === null || round >= 1));
      if (end === null && stop) {
        end = Math.min(planned ?? today, today - random.int(30, 400));
        if (end <= start) end = start + Math.max(1, Math.floor((today - start) / 2));
        reason = spec.plan === 'vacant' ? random.pick<EndReason>(['resigned', 'removed', 'term_over']) : 'term_over';
      }
      if (end === null) {
        // Held today. A few terms have run past their end without renewal: a hole to notice.
        const overdue = planned !== null && random.chance(0.02) ? today - random.int(5, 90) : null;
        const index = emit(spec, open(holder, start, overdue !== null && overdue > start ? overdue : planned, 'active'));
        if (previous !== null) posts[previous].successor = index;
        return;
      }
      const index = emit(spec, ended(holder, start, end, reason));
      if (previous !== null) posts[previous].successor = index;
      if (stop) {
        // Left empty; sometimes a nomination is already waiting.
        if (spec.plan === 'vacant' && random.chance(0.4)) {
          const next = today + random.int(7, 45);
          emit(spec, open(spec.pool(), next, term === null ? null : next + term, 'nominated'));
        }
        return;
      }
      previous = index;
      holder = spec.pool();
      start = end;
    }
  };

  const sourcePicker = (weights: Partial<Record<NominationSource, number>>) => {
    const pick = weightedPicker(Object.entries(weights) as [NominationSource, number][], (e) => e[1]);
    return () => pick(random)[0];
  };

  // Cohort dimension: a class monitor for most classes, appointed at graduation (or when the
  // network started, for older classes); some classes have none, a vacancy, or only a nominee.
  const cohortPlan = weightedPicker<[SeatPlan | 'none', number]>(
    [
      ['normal', 79],
      ['none', 14],
      ['vacant', 3],
      ['pending', 3],
      ['rejected', 1],
    ],
    (e) => e[1]
  );
  cohorts.forEach((cohort, c) => {
    const plan = cohortPlan(random)[0];
    if (plan === 'none') return;
    const gradDay = dayOf(`${cohort.gradYear}-06-30`);
    const pool = fromPool(inCohort(c));
    const spec: SeatSpec = {
      dimension: 'cohort',
      scope: c,
      role: random.chance(0.85) ? 'monitor' : 'league_secretary',
      firstStart: gradDay >= NETWORK_START ? gradDay : NETWORK_START + random.int(0, 900),
      termYears: null,
      plan,
      pool,
      source: sourcePicker({ college: 80, alumnus: 8, self: 5, staff: 7 }),
      reasonShare: 0.5,
      renewal: 0,
      earlyEnd: 0.05,
    };
    seat(spec);
    // A second liaison (the Youth League secretary beside the monitor) in some classes.
    if (plan === 'normal' && random.chance(0.02)) seat({ ...spec, role: spec.role === 'monitor' ? 'league_secretary' : 'monitor' });
  });

  const seatsFor = (members: number, per: number, min: number) =>
    Math.min(scale.maxSeats, Math.max(min, Math.round(members / per)));
  const rolesFor = (dimension: Dimension, k: number): Role => {
    const order: Record<Exclude<Dimension, 'cohort'>, Role[]> = {
      college: ['head', 'staff', 'secretary', 'deputy'],
      region: ['head', 'secretary', 'deputy', 'deputy'],
      industry: ['head', 'deputy', 'secretary'],
    };
    return order[dimension as Exclude<Dimension, 'cohort'>][k] ?? 'member';
  };
  const seatStart = (earliest: number) => Math.max(earliest, NETWORK_START + random.int(0, 420)) + random.int(0, 500);

  // College dimension: each college's alumni work committee. The youngest college has only nominees.
  COLLEGES.forEach((college, i) => {
    const members = people.cohortsByCollege[i].reduce((n, c) => n + people.cohortEnd[c] - people.cohortStart[c], 0);
    const seats = seatsFor(members, scale.alumniPerSeat.college, scale.minSeats.college);
    const pending = college.code === 'JC';
    for (let k = 0; k < seats; k += 1) {
      seat({
        dimension: 'college',
        scope: i,
        role: rolesFor('college', k),
        firstStart: seatStart(NETWORK_START),
        termYears: 3,
        plan: pending ? 'pending' : random.chance(0.06) ? 'vacant' : 'normal',
        pool: fromPool(inCollege(i)),
        source: sourcePicker({ college: 70, staff: 30 }),
        reasonShare: 0.6,
        renewal: 0.5,
        earlyEnd: 0.06,
      });
    }
  });

  // Region dimension: each chapter's liaison team. Dormant and dissolved chapters have none
  // serving; two small chapters are waiting for their first team to be approved.
  CHAPTERS.forEach((chapter, i) => {
    const members = people.byChapter[i].length;
    const seats = seatsFor(members * (chapter.size > 1 ? 1.2 : 1), scale.alumniPerSeat.region, scale.minSeats.region);
    const waiting = chapter.name === '海南校友会' || chapter.name === '贵州校友会';
    for (let k = 0; k < seats; k += 1) {
      seat({
        dimension: 'region',
        scope: i,
        role: rolesFor('region', k),
        firstStart: seatStart(dayOf(chapter.foundedOn)),
        termYears: 3,
        plan: chapter.status !== 'active' ? 'lapsed' : waiting ? 'pending' : random.chance(0.07) ? 'vacant' : 'normal',
        pool: fromPool(inList(people.byChapter[i])),
        source: sourcePicker({ chapter: 80, alumnus: 10, staff: 10 }),
        reasonShare: 0.5,
        renewal: 0.5,
        earlyEnd: 0.06,
      });
    }
  });

  // Industry dimension: always by nomination with a reason. Mining and international
  // organisations have no group yet; agriculture's first nominees await approval.
  INDUSTRY_SECTIONS.forEach((section, i) => {
    if (section.code === 'B' || section.code === 'T') return;
    const members = people.byIndustry[i].length;
    const seats = seatsFor(members, scale.alumniPerSeat.industry, scale.minSeats.industry);
    for (let k = 0; k < seats; k += 1) {
      seat({
        dimension: 'industry',
        scope: i,
        role: rolesFor('industry', k),
        firstStart: seatStart(dayOf('2018-03-01')),
        termYears: 2,
        plan: section.code === 'A' ? 'pending' : random.chance(0.06) ? 'vacant' : random.chance(0.05) ? 'rejected' : 'normal',
        pool: fromPool(inList(people.byIndustry[i])),
        source: sourcePicker({ alumnus: 40, chapter: 20, college: 20, staff: 20 }),
        reasonShare: 1,
        renewal: 0.5,
        earlyEnd: 0.06,
      });
    }
  });

  return posts;
}

/**
 * Serving liaisons agreed to be contacted, and most of a chapter's team to be named in the
 * chapter directory (the website shows a liaison only under a name they consented to
 * publish): the head nearly always, the others usually; some of the other dimensions' too.
 */
function markPublicLiaisons(random: Random, { posts, people, today }: { posts: PostRecord[]; people: People; today: number }) {
  for (const post of posts) {
    if (post.postStatus !== 'active' && post.postStatus !== 'approved') continue;
    const a = people.records[post.alumnus];
    if (a.alumnusStatus === 'deceased') continue;
    // Agreed when they took the post (or when the system started keeping consents).
    const agreedOn = Math.min(today, Math.max(dayOf(post.termStart) - random.int(0, 30), NETWORK_START));
    if (!a.contactConsent && random.chance(0.95)) {
      a.contactConsent = true;
      a.contactConsentAt = datetimeOf(agreedOn, officeMinutes(random));
    }
    const share = post.dimension === 'region' ? (post.role === 'head' ? 0.95 : 0.8) : 0.4;
    if (!a.publishConsent && random.chance(share)) {
      a.publishConsent = true;
      a.publishConsentAt = datetimeOf(agreedOn, officeMinutes(random));
      a.displayName = a.name;
      a.displayNameEn = people.namesEn[post.alumnus];
    }
  }
}

// ---------------------------------------------------------------- training

interface TrainingContext {
  posts: PostRecord[];
  people: People;
  today: number;
}

function buildTraining(random: Random, { posts, today }: TrainingContext) {
  const courses: CourseRecord[] = COURSES.map((c) => ({ ...c }));
  // Who gets trained: everyone who has served, from the day their first post began.
  const firstStart = new Map<number, number>();
  for (const post of posts) {
    if (post.postStatus !== 'active' && post.postStatus !== 'ended') continue;
    const start = dayOf(post.termStart);
    const known = firstStart.get(post.alumnus);
    if (known === undefined || start < known) firstStart.set(post.alumnus, start);
  }
  const trainees = [...firstStart.entries()].sort((a, b) => a[0] - b[0]);
  const sessionCount = Math.max(courses.length * 2, Math.ceil((trainees.length * 1.8) / 45));

  const first = dayOf('2019-03-01');
  const last = today + 60;
  const sessions: SessionRecord[] = [];
  for (let s = 0; s < sessionCount; s += 1) {
    const course = s % courses.length;
    const day = first + Math.floor(((last - first) * (s + random.next())) / sessionCount);
    const online = random.chance(0.3);
    const start = datetimeOf(day, random.pick([60, 360]));
    const hours = Math.min(8, courses[course].hours);
    sessions.push({
      course,
      startsAt: start,
      endsAt: new Date(Date.parse(start) + hours * 3_600_000).toISOString(),
      location: online ? '线上（视频会议）' : random.pick(TRAINING_VENUES),
      online,
      trainer: random.pick(TRAINERS),
      capacity: random.pick([40, 50, 60]),
    });
  }
  sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const sessionDays = sessions.map((s) => dayOf(s.startsAt.slice(0, 10)));

  const records: TrainingRecordRecord[] = [];
  const taken = new Set<string>();
  const perSession = new Array<number>(sessions.length).fill(0);
  for (const [alumnus, since] of trainees) {
    // Sessions from a month before the first post began.
    let lo = 0;
    while (lo < sessionDays.length && sessionDays[lo] < since - 30) lo += 1;
    if (lo >= sessions.length) continue;
    const wanted = random.int(1, 3);
    for (let k = 0; k < wanted; k += 1) {
      const s = random.int(lo, sessions.length - 1);
      const key = `${s}|${alumnus}`;
      if (taken.has(key)) continue;
      taken.add(key);
      perSession[s] += 1;
      const past = sessionDays[s] <= today;
      const attended = past && random.chance(0.92);
      const score = attended ? Math.min(100, 55 + random.int(0, 25) + random.int(0, 20)) : null;
      records.push({
        session: s,
        alumnus,
        attended,
        score,
        result: !past ? 'pending' : !attended ? 'failed' : (score ?? 0) >= 60 ? 'passed' : 'failed',
        note: !past ? null : !attended ? '缺席，需参加补训。' : null,
      });
    }
  }
  sessions.forEach((s, i) => {
    if (s.capacity < perSession[i]) s.capacity = Math.ceil(perSession[i] / 10) * 10;
  });
  return { courses, sessions, records };
}

// ---------------------------------------------------------------- provisional posts and the code of conduct

/**
 * Posts approved in the last six months whose holder has not passed every mandatory
 * course are provisional, due six months after their term began (the server's own rule).
 */
function markProvisional({ posts, training, today }: { posts: PostRecord[]; training: ReturnType<typeof buildTraining>; today: number }) {
  const mandatory = new Set(training.courses.map((c, i) => (c.mandatory ? i : -1)).filter((i) => i >= 0));
  const passed = new Map<number, Set<number>>();
  for (const r of training.records) {
    if (r.result !== 'passed') continue;
    const course = training.sessions[r.session].course;
    if (!mandatory.has(course)) continue;
    (passed.get(r.alumnus) ?? passed.set(r.alumnus, new Set()).get(r.alumnus)!).add(course);
  }
  for (const post of posts) {
    post.provisional = false;
    post.trainingDeadline = null;
    if ((post.postStatus !== 'active' && post.postStatus !== 'approved') || dayOf(post.termStart) < today - 182) continue;
    if ((passed.get(post.alumnus)?.size ?? 0) >= mandatory.size) continue;
    const [y, m, d] = post.termStart.split('-').map(Number);
    const due = new Date(Date.UTC(y, m - 1 + 6, 1));
    due.setUTCDate(Math.min(d, new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate()));
    post.provisional = true;
    post.trainingDeadline = due.toISOString().slice(0, 10);
  }
}

/** The code of conduct in force, acknowledged by most serving liaisons (by the link, or on paper). */
function buildConduct(random: Random, { posts, today }: { posts: PostRecord[]; today: number }) {
  const effective = today - 200;
  const versions: ConductVersionRecord[] = [
    {
      version: 1,
      title: '校友联络员行为准则',
      textZh: '一、热爱母校，服务校友。二、保护校友个人信息，不得外传或用于商业目的。三、如实记录联络工作，按时答复校友诉求。四、不以联络员身份谋取私利。',
      textEn: 'Serve the university and its alumni; protect alumni personal data and never pass it on or use it commercially; record your liaison work truthfully and answer alumni on time; never use the role for private gain.',
      effectiveFrom: dateOf(effective),
    },
  ];
  const acknowledgements: ConductAcknowledgementRecord[] = [];
  const seen = new Set<number>();
  for (const post of posts) {
    if ((post.postStatus !== 'active' && post.postStatus !== 'approved') || seen.has(post.alumnus)) continue;
    seen.add(post.alumnus);
    if (!random.chance(0.85)) continue;
    acknowledgements.push({
      alumnus: post.alumnus,
      conductVersion: 0,
      acknowledgedAt: datetimeOf(random.int(effective, today), officeMinutes(random)),
      via: random.chance(0.8) ? 'link' : 'staff',
    });
  }
  return { versions, acknowledgements };
}

// ---------------------------------------------------------------- stories and events

interface WebContext {
  colleges: CollegeRecord[];
  chapters: ChapterRecord[];
  industries: IndustryRecord[];
  today: number;
}

/** What the website filters the demo stories by. */
const STORY_TAGS: Record<string, string[]> = {
  'from-the-lab-to-silicon-valley': ['entrepreneurship', 'abroad', 'technology'],
  'rural-revival-seed-breeder': ['rural-revitalisation', 'agriculture'],
  'class-monitor-for-thirty-years': ['liaison', 'class-spirit'],
  'doctor-on-the-plateau': ['medicine', 'public-service'],
  'entrepreneur-endows-scholarship': ['entrepreneurship', 'giving'],
  'welcoming-new-students-in-london': ['abroad', 'liaison'],
};

function buildStories(
  random: Random,
  { people, cohorts, colleges, chapters, industries }: WebContext & { people: People; cohorts: CohortRecord[] }
): StoryRecord[] {
  const alumni = people.records;
  const used = new Set<number>();
  return STORY_TEMPLATES.map((template) => {
    const college = colleges.findIndex((c) => c.code === template.college);
    const chapter = template.chapter ? chapters.findIndex((c) => c.name === template.chapter) : -1;
    const industry = template.industry ? industries.findIndex((s) => s.code === template.industry) : -1;

    // The person the story is about: someone who agreed to be published, from the right college.
    const fits = (i: number, strict: boolean) =>
      !used.has(i) &&
      alumni[i].alumnusStatus === 'active' &&
      (template.gender === null || alumni[i].gender === template.gender) &&
      (!strict || (cohorts[alumni[i].cohort].college === college && (industry < 0 || alumni[i].industry === industry)));
    const candidates: number[] = [];
    for (const c of people.cohortsByCollege[college] ?? []) {
      for (let i = people.cohortStart[c]; i < people.cohortEnd[c]; i += 1) if (alumni[i].publishConsent && fits(i, true)) candidates.push(i);
    }
    let person = candidates.length ? random.pick(candidates) : -1;
    if (person < 0) {
      for (let tries = 0; tries < 1000 && person < 0; tries += 1) {
        const i = random.int(0, alumni.length - 1);
        if (fits(i, false)) person = i;
      }
      if (person < 0) person = random.int(0, alumni.length - 1);
    }
    used.add(person);
    // A featured alumnus has agreed to be published.
    if (!alumni[person].publishConsent) {
      alumni[person].publishConsent = true;
      alumni[person].displayName = alumni[person].name;
      alumni[person].displayNameEn = people.namesEn[person];
      alumni[person].publishConsentAt = alumni[person].contactConsentAt ?? datetimeOf(dayOf('2020-01-01') + random.int(0, 1500), 120);
    }
    const gradYear = cohorts[alumni[person].cohort].gradYear;
    const text = template.write({
      person: { name: alumni[person].name, nameEn: people.namesEn[person], gradYear },
      college: colleges[college],
      chapter: chapter >= 0 ? chapters[chapter] : null,
      industry: industry >= 0 ? industries[industry] : null,
      year: gradYear,
    });
    return {
      shared: {
        cohortYears: [gradYear],
        tags: STORY_TAGS[template.slug] ?? [],
        colleges: [college],
        chapters: chapter >= 0 ? [chapter] : [],
        industries: industry >= 0 ? [industry] : [],
        featuredAlumni: [person],
      },
      locales: {
        'zh-Hans': { ...text['zh-Hans'], slug: template.slug },
        en: { ...text.en, slug: template.slug },
      },
    };
  });
}

function buildEvents(random: Random, { colleges, chapters, industries, today, posts }: WebContext & { posts: PostRecord[] }): EventRecord[] {
  return EVENT_TEMPLATES.map((t) => {
    // 09:00 or 14:00 in China (UTC+8).
    const startMs = Date.parse(datetimeOf(today + t.startsInDays, random.pick([60, 360])));
    const start = new Date(startMs).toISOString();
    const end = new Date(startMs + t.hours * 3_600_000).toISOString();
    const organiser = t.organiser;
    const shared: EventShared = {
      type: t.type,
      chapter: organiser && 'chapter' in organiser ? chapters.findIndex((c) => c.name === organiser.chapter) : null,
      college: organiser && 'college' in organiser ? colleges.findIndex((c) => c.code === organiser.college) : null,
      industry: organiser && 'industry' in organiser ? industries.findIndex((s) => s.code === organiser.industry) : null,
      startsAt: start,
      endsAt: end,
      onlineUrl: t.online ? `https://meeting.example.com/j/${random.int(100_000_000, 999_999_999)}` : null,
      capacity: t.capacity,
      registrationOpensAt: t.registrationDays === null ? null : new Date(startMs - t.registrationDays * DAY_MS).toISOString(),
      registrationClosesAt: t.registrationDays === null ? null : new Date(startMs - DAY_MS).toISOString(),
      organisers: [],
      attendance: t.startsInDays < 0 && t.capacity ? Math.round(t.capacity * (0.6 + random.int(0, 35) / 100)) : null,
      attendanceRecordedAt: t.startsInDays < 0 && t.capacity ? new Date(startMs + t.hours * 3_600_000 + DAY_MS).toISOString() : null,
    };
    // A chapter's event is organised by its serving liaisons (the head first).
    if (shared.chapter !== null && shared.chapter >= 0) {
      shared.organisers = posts
        .map((post, i) => ({ post, i }))
        .filter(({ post }) => post.dimension === 'region' && post.chapter === shared.chapter && post.postStatus === 'active')
        .slice(0, 2)
        .map(({ i }) => i);
    }
    const own = (locale: Locale): EventOwn => ({
      title: t.title[locale],
      slug: t.slug,
      venue: t.venue ? t.venue[locale] : null,
      description: [p(t.summary[locale])],
    });
    return { shared, locales: { 'zh-Hans': own('zh-Hans'), en: own('en') } };
  });
}
