/**
 * The liaisons' work in the demo: what they did over the two appraisal years (contacts,
 * events organised, feedback answered, records verified), what reviewers made of it, and
 * the honours that followed. Each liaison has a diligence (0–1) that drives all of it, so
 * that the server's measured figures and the reviewers' scores tell one story and the
 * grades the server computes spread as in a working network.
 *
 * The grades are computed here with the server's own pure `appraise` over figures that
 * mirror its measures (plugins/liaison/server/src/appraisal/builtin-measures.ts): the
 * demo's honours rest on the grades the server will show (the seed test compares them).
 */
import { appraise, type Figures } from '../../plugins/liaison/server/src/appraisal/scoring';
import type { Random } from './random';
import { weightedPicker } from './random';
import { DAY_MS, dateOf, datetimeOf, dayOf, officeMinutes, yearOf } from './dates';
import { APPRAISAL_FEEDBACK, CONTACT_SUMMARIES, FEEDBACK_ANSWERS, FEEDBACK_TEXTS, p, type EventType } from './data/content';
import type {
  AppraisalRecord,
  AppraisalScoreRecord,
  ChapterRecord,
  CohortRecord,
  CollegeRecord,
  ContactLogRecord,
  CycleRecord,
  EventRecord,
  EventShared,
  FeedbackRecord,
  Grade,
  HonourRecord,
  IndustryRecord,
  People,
  PostRecord,
} from './generate';

// ---------------------------------------------------------------- diligence

/** A standard normal draw (Box–Muller). */
const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The liaisons' diligence: most around the mean, and a committed few well above it (the
 * share and the lift of those), tuned so that the grades spread as in a working network.
 */
export const DILIGENCE = { mean: 0.54, sd: 0.16, committed: 0.15, lift: 0.24 } as const;

/** Each alumnus's diligence, should they serve: a trait of the person, the same in every post they hold. */
export const buildDiligence = (random: Random, alumni: number): Float64Array => {
  const out = new Float64Array(alumni);
  for (let i = 0; i < alumni; i += 1) {
    const lift = random.chance(DILIGENCE.committed) ? DILIGENCE.lift : 0;
    out[i] = clamp(DILIGENCE.mean + lift + DILIGENCE.sd * normal(random), 0.02, 0.98);
  }
  return out;
};

// ---------------------------------------------------------------- when a post served

export interface ActivityContext {
  posts: PostRecord[];
  people: People;
  cohorts: CohortRecord[];
  today: number;
  diligence: Float64Array;
}

/** The two appraisal years: last year's (closed) and this year's (open). */
export const appraisalYears = (today: number) => [yearOf(today) - 1, yearOf(today)] as const;

/** Posts that did liaison work: held (active, or ended) at some time since the first appraisal year began. */
const worked = (post: PostRecord) => post.postStatus === 'active' || post.postStatus === 'ended';

/**
 * The days a post served in each appraisal year, up to today: `[from, to]` both included,
 * and the share of the year it covers.
 */
const servedSlices = (post: PostRecord, today: number) => {
  if (!worked(post)) return [];
  const start = dayOf(post.termStart);
  const end = Math.min(post.termEnd === null ? today : dayOf(post.termEnd), today);
  const slices: { year: number; from: number; to: number; share: number }[] = [];
  for (const year of appraisalYears(today)) {
    const from = Math.max(start, dayOf(`${year}-01-01`));
    const to = Math.min(end, dayOf(`${year}-12-31`));
    if (to >= from) slices.push({ year, from, to, share: (to - from + 1) / 365 });
  }
  return slices;
};

/** `expected` as a whole number: its integer part, and one more with the chance of its fraction. */
const roundRandomly = (random: Random, expected: number) => {
  const whole = Math.floor(expected);
  return whole + (random.chance(expected - whole) ? 1 : 0);
};

/** Someone in the post's scope (its class, college, chapter or industry group), or null. */
const scopeMember = (random: Random, post: PostRecord, people: People): number | null => {
  if (post.cohort !== null) {
    const [a, b] = [people.cohortStart[post.cohort], people.cohortEnd[post.cohort]];
    return b > a ? random.int(a, b - 1) : null;
  }
  if (post.college !== null) {
    const list = people.cohortsByCollege[post.college];
    if (!list.length) return null;
    const c = random.pick(list);
    return people.cohortEnd[c] > people.cohortStart[c] ? random.int(people.cohortStart[c], people.cohortEnd[c] - 1) : null;
  }
  // A chapter's liaisons reach the alumni of its area, members or not yet.
  const list = post.chapter !== null ? people.byChapterArea[post.chapter] : post.industry !== null ? people.byIndustry[post.industry] : [];
  return list.length ? random.pick(list) : null;
};

/** A living alumnus of the scope other than the liaison, in a few tries, or null. */
const reachable = (random: Random, post: PostRecord, people: People, also: (a: number) => boolean = () => true): number | null => {
  for (let tries = 0; tries < 8; tries += 1) {
    const a = scopeMember(random, post, people);
    if (a === null) return null;
    if (a !== post.alumnus && people.records[a].alumnusStatus === 'active' && also(a)) return a;
  }
  return null;
};

// ---------------------------------------------------------------- contacts

const CHANNELS = ['visit', 'call', 'message', 'gathering', 'email', 'wechat'] as const;

/**
 * Contact logs of every post that served since the first appraisal year began: about
 * `perPost` a year for a liaison of average diligence, up to three times as many for the
 * most diligent, a third as many for the least.
 */
export function buildContactLogs(random: Random, { posts, people, today, diligence }: ActivityContext, perPost: number): ContactLogRecord[] {
  const logs: ContactLogRecord[] = [];
  const pickChannel = weightedPicker(
    CHANNELS.map((c, i) => [c, [1, 3, 2, 1, 1, 4][i]] as const),
    (e) => e[1]
  );
  posts.forEach((post, liaison) => {
    const d = diligence[post.alumnus];
    const rate = perPost * (0.35 + 1.3 * d) * (0.85 + 0.3 * random.next());
    for (const slice of servedSlices(post, today)) {
      const n = roundRandomly(random, rate * slice.share);
      for (let k = 0; k < n; k += 1) {
        const channel = pickChannel(random)[0];
        const contact = channel === 'message' && random.chance(0.3) ? null : reachable(random, post, people);
        logs.push({
          liaison,
          alumnus: contact,
          channel,
          contactedAt: datetimeOf(random.int(slice.from, slice.to), officeMinutes(random)),
          summary: random.pick(CONTACT_SUMMARIES[channel]),
        });
      }
    }
  });
  return logs;
}

// ---------------------------------------------------------------- feedback

const CATEGORIES = [['career_help', 22], ['cooperation', 12], ['suggestion', 20], ['complaint', 8], ['data_correction', 25], ['other', 13]] as const;

/**
 * Alumni's feedback: about five items a year reach each liaison, who answers within the
 * week as often as their diligence has it (late, or not yet, otherwise); and the office's
 * own share, answered by staff.
 */
export function buildFeedback(random: Random, { posts, people, today, diligence }: ActivityContext, officeCount: number): FeedbackRecord[] {
  const pickCategory = weightedPicker(CATEGORIES, (e) => e[1]);
  const items: FeedbackRecord[] = [];
  const item = (alumnus: number, liaison: number | null, receivedDay: number, onTime: boolean): FeedbackRecord => {
    const category = pickCategory(random)[0];
    const receivedAt = datetimeOf(receivedDay, officeMinutes(random));
    const due = Date.parse(receivedAt) + 7 * DAY_MS;
    let answeredAt: string | null = null;
    if (onTime) {
      // Within the week: at most six days later, and never after the deadline.
      answeredAt = new Date(Math.min(due, Date.parse(receivedAt) + random.int(1, 6) * DAY_MS + random.int(0, 240) * 60_000)).toISOString();
    } else if (random.chance(0.7)) {
      answeredAt = new Date(due + random.int(1, 20) * DAY_MS).toISOString();
    }
    if (answeredAt !== null && Date.parse(answeredAt) > (today + 1) * DAY_MS) answeredAt = null;
    const status: FeedbackRecord['feedbackStatus'] =
      answeredAt === null
        ? random.chance(0.5)
          ? 'in_progress'
          : 'open'
        : Date.parse(answeredAt) < (today - 30) * DAY_MS && random.chance(0.6)
          ? 'closed'
          : 'answered';
    return {
      alumnus,
      liaison,
      category,
      content: random.pick(FEEDBACK_TEXTS[category]),
      feedbackStatus: status,
      receivedAt,
      dueAt: new Date(due).toISOString(),
      answeredAt,
      answer: answeredAt ? random.pick(FEEDBACK_ANSWERS) : null,
    };
  };

  posts.forEach((post, liaison) => {
    const d = diligence[post.alumnus];
    for (const slice of servedSlices(post, today)) {
      const n = Math.round(5 * slice.share * (0.85 + 0.3 * random.next()));
      for (let k = 0; k < n; k += 1) {
        const from = reachable(random, post, people);
        if (from === null) break;
        items.push(item(from, liaison, random.int(slice.from, slice.to), random.chance(0.2 + 0.75 * d)));
      }
    }
  });
  const living = people.records.map((a, i) => (a.alumnusStatus === 'deceased' ? -1 : i)).filter((i) => i >= 0);
  for (let k = 0; k < officeCount && living.length; k += 1) {
    items.push(item(random.pick(living), null, today - random.int(0, 540), random.chance(0.7)));
  }
  items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return items;
}

// ---------------------------------------------------------------- records verified

/**
 * Liaisons verify the records of alumni in their scope: about six a year for a liaison of
 * average diligence. Each record verified in the two appraisal years names the post that
 * verified it last (once each: a record is not verified twice in the window).
 */
export function markVerifiers(random: Random, { posts, people, cohorts, today, diligence }: ActivityContext) {
  const done = new Set<number>();
  posts.forEach((post, index) => {
    const d = diligence[post.alumnus];
    const rate = 6 * (0.3 + 1.4 * d) * (0.85 + 0.3 * random.next());
    for (const slice of servedSlices(post, today)) {
      const n = roundRandomly(random, rate * slice.share);
      for (let k = 0; k < n; k += 1) {
        const a = reachable(random, post, people, (x) => !done.has(x));
        if (a === null) continue;
        // Never before the alumnus graduated.
        const graduated = dayOf(`${cohorts[people.records[a].cohort].gradYear}-06-30`);
        if (graduated > slice.to) continue;
        done.add(a);
        people.records[a].lastVerifiedAt = dateOf(random.int(Math.max(slice.from, graduated), slice.to));
        people.records[a].verifiedBy = index;
      }
    }
  });
}

// ---------------------------------------------------------------- events organised

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

type Named = { 'zh-Hans': string; en: string };
const EVENT_KINDS: Record<'college' | 'region' | 'industry', { type: EventType; zh: string; en: string; summary: Named }[]> = {
  college: [
    { type: 'lecture', zh: '校友讲坛', en: 'alumni lecture', summary: { 'zh-Hans': '邀请校友回院分享职业经历，与在校生座谈。', en: 'An alumnus returns to share their career with students.' } },
    { type: 'campus_visit', zh: '校友返院日', en: 'alumni open day', summary: { 'zh-Hans': '校友重返学院，参观实验室，与老师座谈。', en: 'Alumni visit the labs and meet their teachers.' } },
    { type: 'recruiting', zh: '校友企业招聘会', en: 'alumni employers’ career fair', summary: { 'zh-Hans': '校友企业为毕业生提供实习与工作岗位。', en: 'Alumni employers offer internships and jobs to graduating students.' } },
    { type: 'forum', zh: '校友发展论坛', en: 'alumni forum', summary: { 'zh-Hans': '校友与学院共商学科发展与人才培养。', en: 'Alumni and the college discuss teaching and research.' } },
  ],
  region: [
    { type: 'reunion', zh: '校友联谊会', en: 'alumni gathering', summary: { 'zh-Hans': '地区校友联谊交流，欢迎新会员。', en: 'Alumni of the area meet, and welcome new members.' } },
    { type: 'culture', zh: '校友文体活动', en: 'alumni sports and culture day', summary: { 'zh-Hans': '徒步、球赛与读书分享。', en: 'A hike, a match and a book club.' } },
    { type: 'forum', zh: '校友论坛', en: 'alumni forum', summary: { 'zh-Hans': '校友分享行业动态与城市发展机遇。', en: 'Alumni talk about their industries and the city’s prospects.' } },
    { type: 'startup_salon', zh: '校友创业沙龙', en: 'alumni start-up salon', summary: { 'zh-Hans': '创业校友分享经验，对接投资与合作。', en: 'Founders among the alumni share their experience and meet investors.' } },
    { type: 'other', zh: '新校友欢迎会', en: 'welcome for new graduates', summary: { 'zh-Hans': '欢迎今年来到本地工作的毕业生。', en: 'A welcome for this year’s graduates who came to work in the area.' } },
  ],
  industry: [
    { type: 'forum', zh: '校友行业论坛', en: 'alumni industry forum', summary: { 'zh-Hans': '同行业校友交流行业趋势与职业发展。', en: 'Alumni of one trade discuss its trends and careers in it.' } },
    { type: 'startup_salon', zh: '校友行业沙龙', en: 'alumni industry salon', summary: { 'zh-Hans': '小范围沙龙，分享项目与合作机会。', en: 'A small salon to share projects and find partners.' } },
    { type: 'lecture', zh: '校友职业讲堂', en: 'alumni career talk', summary: { 'zh-Hans': '资深校友为青年校友讲解行业入门与成长。', en: 'Senior alumni explain the trade to younger ones.' } },
  ],
};

/** Events organised in a year by a post of this dimension, for an average diligence. */
const EVENTS_A_YEAR = { cohort: 0.45, college: 2, region: 3, industry: 2 } as const;

export interface EventScopes {
  colleges: CollegeRecord[];
  chapters: ChapterRecord[];
  industries: IndustryRecord[];
}

/**
 * The events the liaisons organised, as the website shows them: class reunions (a
 * monitor's, once in a while, above all in an anniversary year), the colleges' lectures
 * and open days, the chapters' gatherings and salons, the industry groups' forums.
 * Each is led by one post, sometimes with a colleague of the same scope serving then.
 */
export function buildActivityEvents(random: Random, ctx: ActivityContext, scopes: EventScopes): EventRecord[] {
  const { posts, people, cohorts, today, diligence } = ctx;
  const events: EventRecord[] = [];
  const byScope = new Map<string, number[]>();
  const scopeKey = (post: PostRecord) => `${post.dimension}:${post.cohort ?? post.college ?? post.chapter ?? post.industry}`;
  posts.forEach((post, i) => {
    if (!worked(post)) return;
    (byScope.get(scopeKey(post)) ?? byScope.set(scopeKey(post), []).get(scopeKey(post))!).push(i);
  });
  const servingOn = (post: PostRecord, day: number) => dayOf(post.termStart) <= day && (post.termEnd === null || dayOf(post.termEnd) >= day);
  let serial = 0;

  posts.forEach((post, index) => {
    const d = diligence[post.alumnus];
    for (const slice of servedSlices(post, today)) {
      // Events are planned ahead: this year's may still be to come.
      const last = slice.to === today && post.termEnd === null ? Math.min(dayOf(`${slice.year}-12-31`), today + 60) : slice.to;
      let n = roundRandomly(random, EVENTS_A_YEAR[post.dimension] * ((last - slice.from + 1) / 365) * (0.3 + 1.4 * d));
      if (post.cohort !== null) {
        // A class meets in its anniversary years.
        const years = slice.year - cohorts[post.cohort].gradYear;
        n = years > 0 && years % 5 === 0 && random.chance(0.4 + 0.5 * d) ? 1 : Math.min(n, 1);
      }
      for (let k = 0; k < n; k += 1) {
        const day = random.int(slice.from, last);
        const organisers = [index];
        const colleagues = (byScope.get(scopeKey(post)) ?? []).filter((j) => j !== index && servingOn(posts[j], day));
        if (post.dimension !== 'cohort' && colleagues.length && random.chance(0.25)) organisers.push(random.pick(colleagues));
        serial += 1;
        events.push(activityEvent(random, { post, day, organisers, serial, today, people, cohorts, scopes }));
      }
    }
  });
  return events;
}

function activityEvent(
  random: Random,
  a: { post: PostRecord; day: number; organisers: number[]; serial: number; today: number; people: People; cohorts: CohortRecord[]; scopes: EventScopes }
): EventRecord {
  const { post, day, scopes } = a;
  const year = yearOf(day);
  const month = Number(dateOf(day).slice(5, 7));
  let title: Named;
  let summary: Named;
  let type: EventType;
  let venue: Named | null;
  let capacity: number;
  const shared: Pick<EventShared, 'chapter' | 'college' | 'industry'> = { chapter: null, college: null, industry: null };
  const online = post.dimension !== 'cohort' && random.chance(0.15);
  if (post.cohort !== null) {
    const cohort = a.cohorts[post.cohort];
    const college = scopes.colleges[cohort.college];
    const years = year - cohort.gradYear;
    const anniversary = years > 0 && years % 5 === 0;
    type = 'reunion';
    title = anniversary
      ? { 'zh-Hans': `${cohort.className}毕业${years}周年聚会`, en: `Class of ${cohort.gradYear}, ${college.nameEn}: ${ordinal(years)} anniversary reunion` }
      : { 'zh-Hans': `${cohort.className}同学聚会（${year}年）`, en: `Class of ${cohort.gradYear}, ${college.nameEn}: reunion ${year}` };
    summary = { 'zh-Hans': '班级同学重聚，回顾校园时光，交流近况。', en: 'Classmates meet again to remember their student days and catch up.' };
    venue = { 'zh-Hans': '主校区校友之家', en: 'Alumni House, Main Campus' };
    capacity = 60;
    shared.college = cohort.college;
  } else {
    const kinds = post.college !== null ? EVENT_KINDS.college : post.chapter !== null ? EVENT_KINDS.region : EVENT_KINDS.industry;
    const kind = random.pick(kinds);
    type = kind.type;
    summary = kind.summary;
    if (post.college !== null) {
      const college = scopes.colleges[post.college];
      title = { 'zh-Hans': `${college.name}${kind.zh}（${year}年${month}月）`, en: `${college.nameEn}: ${kind.en}, ${MONTHS[month - 1]} ${year}` };
      venue = { 'zh-Hans': `${college.name}报告厅`, en: `${college.nameEn} lecture hall` };
      capacity = 200;
      shared.college = post.college;
    } else if (post.chapter !== null) {
      const chapter = scopes.chapters[post.chapter];
      title = { 'zh-Hans': `${chapter.name}${kind.zh}（${year}年${month}月）`, en: `${chapter.nameEn}: ${kind.en}, ${MONTHS[month - 1]} ${year}` };
      venue = { 'zh-Hans': `${chapter.city ?? ''}校友之家`, en: `Alumni House, ${chapter.nameEn}` };
      capacity = random.pick([60, 80, 120, 150]);
      shared.chapter = post.chapter;
    } else {
      const industry = scopes.industries[post.industry as number];
      title = { 'zh-Hans': `${industry.name}${kind.zh}（${year}年${month}月）`, en: `${industry.nameEn}: ${kind.en}, ${MONTHS[month - 1]} ${year}` };
      venue = { 'zh-Hans': '校友会议中心', en: 'Alumni Conference Centre' };
      capacity = random.pick([50, 80, 100]);
      shared.industry = post.industry;
    }
  }
  // 09:00 or 14:00 in China (UTC+8), for two to four hours.
  const startMs = Date.parse(datetimeOf(day, random.pick([60, 360])));
  const hours = random.int(2, 4);
  const past = startMs < (a.today + 1) * DAY_MS;
  const slug = `${post.dimension}-${dateOf(day)}-${a.serial}`;
  const own = (locale: 'zh-Hans' | 'en') => ({
    title: title[locale],
    slug,
    venue: online ? null : venue ? venue[locale] : null,
    description: [p(summary[locale])],
  });
  return {
    shared: {
      type,
      ...shared,
      startsAt: new Date(startMs).toISOString(),
      endsAt: new Date(startMs + hours * 3_600_000).toISOString(),
      onlineUrl: online ? `https://meeting.example.com/j/${random.int(100_000_000, 999_999_999)}` : null,
      capacity,
      registrationOpensAt: new Date(startMs - 30 * DAY_MS).toISOString(),
      registrationClosesAt: new Date(startMs - DAY_MS).toISOString(),
      organisers: a.organisers,
      attendance: past ? Math.round(capacity * (0.45 + random.int(0, 50) / 100)) : null,
      attendanceRecordedAt: past ? new Date(startMs + hours * 3_600_000 + DAY_MS).toISOString() : null,
    },
    locales: { 'zh-Hans': own('zh-Hans'), en: own('en') },
  };
}

// ---------------------------------------------------------------- the server's measures, mirrored

/** What each demo criterion measures (the cycle's criteria name the measures). */
export type Measured = Map<number, Record<string, number>>;

/**
 * Each post's raw figures over a cycle's period, as builtin-measures.ts counts them in SQL:
 * contacts logged in the period; published events started in it, once per event; feedback
 * due in it and answered by its deadline; records last verified in it.
 */
export function measureCycle(
  cycle: CycleRecord,
  data: { contactLogs: ContactLogRecord[]; events: EventRecord[]; feedback: FeedbackRecord[]; alumni: { lastVerifiedAt: string | null; verifiedBy: number | null }[] }
): Measured {
  const from = Date.parse(`${cycle.periodStart}T00:00:00Z`);
  const to = Date.parse(`${cycle.periodEnd}T00:00:00Z`) + DAY_MS;
  const inPeriod = (iso: string) => {
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  const keyOf = Object.fromEntries(cycle.criteria.filter((c) => c.kind === 'measured').map((c) => [c.measure as string, c.key]));
  const out: Measured = new Map();
  const add = (post: number, measure: string) => {
    const key = keyOf[measure];
    if (!key) return;
    const figures = out.get(post) ?? out.set(post, {}).get(post)!;
    figures[key] = (figures[key] ?? 0) + 1;
  };
  for (const log of data.contactLogs) if (inPeriod(log.contactedAt)) add(log.liaison, 'contacts');
  for (const event of data.events) {
    if (!inPeriod(event.shared.startsAt)) continue;
    for (const post of new Set(event.shared.organisers)) add(post, 'events_organised');
  }
  for (const f of data.feedback) {
    if (f.liaison === null || !inPeriod(f.dueAt) || f.answeredAt === null) continue;
    if (Date.parse(f.answeredAt) <= Date.parse(f.dueAt)) add(f.liaison, 'feedback_on_time');
  }
  for (const a of data.alumni) {
    if (a.verifiedBy === null || a.lastVerifiedAt === null) continue;
    if (a.lastVerifiedAt >= cycle.periodStart && a.lastVerifiedAt <= cycle.periodEnd) add(a.verifiedBy, 'records_verified');
  }
  return out;
}

// ---------------------------------------------------------------- appraisal

/** The demo's criteria: four measured from the data, the seed's three scored by reviewers. */
export const DEMO_CRITERIA: CycleRecord['criteria'] = [
  { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 20 },
  { key: 'events', kind: 'measured', measure: 'events_organised', weight: 10 },
  { key: 'feedback', kind: 'measured', measure: 'feedback_on_time', weight: 10 },
  { key: 'verified', kind: 'measured', measure: 'records_verified', weight: 10 },
  { key: 'performance', kind: 'scored', weight: 25 },
  { key: 'case', kind: 'scored', weight: 15 },
  { key: 'presentation', kind: 'scored', weight: 10 },
];
export const DEMO_THRESHOLDS = { excellent: 80, good: 65, pass: 50 };

/** What the server computes for an appraisal of the demo (the same numbers, by the same function). */
export interface AppraisalOutcome {
  total: number;
  grade: Grade;
  rank: number;
}

export interface AppraisalResult {
  cycles: CycleRecord[];
  appraisals: AppraisalRecord[];
  scores: AppraisalScoreRecord[];
  outcomes: AppraisalOutcome[];
}

/** The cycles: last year's, closed three weeks into this one; this year's, open. */
export const buildCycles = (today: number): CycleRecord[] => {
  const [closedYear, year] = appraisalYears(today);
  const closedAt = Math.min(dayOf(`${year}-01-20`), today);
  return [
    {
      name: `${closedYear}年度校友联络员考核`,
      periodStart: `${closedYear}-01-01`,
      periodEnd: `${closedYear}-12-31`,
      cycleStatus: 'closed',
      closedAt: datetimeOf(closedAt, 120),
      criteria: DEMO_CRITERIA,
      thresholds: DEMO_THRESHOLDS,
    },
    {
      name: `${year}年度校友联络员考核`,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      cycleStatus: 'open',
      closedAt: null,
      criteria: DEMO_CRITERIA,
      thresholds: DEMO_THRESHOLDS,
    },
  ];
};

/**
 * Every post held at some time in a cycle's period is appraised in it (the server's own
 * rule). Reviewers scored every appraisal of the closed cycle and most of the open one
 * (not the posts that have not begun), from what they saw of the liaison's diligence; the totals, grades and ranks
 * are the server's (`appraise`), over the measured figures of `measure`.
 */
export function buildAppraisals(
  random: Random,
  { posts, diligence, cycles, measure, today }: { posts: PostRecord[]; diligence: Float64Array; cycles: CycleRecord[]; measure: (cycle: CycleRecord) => Measured; today: number }
): AppraisalResult {
  const appraisals: AppraisalRecord[] = [];
  const scores: AppraisalScoreRecord[] = [];
  const outcomes: AppraisalOutcome[] = [];
  const score = (d: number) => Math.round(clamp(38 + 60 * d + 8 * normal(random), 10, 100));
  cycles.forEach((cycle, c) => {
    const measured = measure(cycle);
    const measuredCriteria = cycle.criteria.filter((x) => x.kind === 'measured');
    const scoredCriteria = cycle.criteria.filter((x) => x.kind === 'scored');
    const rows: { index: number; figures: Figures; scored: number[] }[] = [];
    posts.forEach((post, liaison) => {
      if (post.postStatus !== 'active' && post.postStatus !== 'ended' && post.postStatus !== 'approved') return;
      if (post.termStart > cycle.periodEnd || (post.termEnd !== null && post.termEnd < cycle.periodStart)) return;
      const index = appraisals.push({ cycle: c, liaison }) - 1;
      const reviewed = cycle.cycleStatus === 'closed' || (post.termStart <= dateOf(today) && random.chance(0.9));
      const d = diligence[post.alumnus];
      const given = reviewed ? scoredCriteria.map(() => score(d)) : [];
      const figures = measured.get(liaison) ?? {};
      rows.push({
        index,
        scored: given,
        figures: {
          dimension: post.dimension,
          scopeKey: `${post.dimension}:${post.cohort ?? post.college ?? post.chapter ?? post.industry}`,
          measures: Object.fromEntries(measuredCriteria.map((x) => [x.key, figures[x.key] ?? 0])),
          scores: Object.fromEntries(scoredCriteria.map((x, k) => [x.key, reviewed ? given[k] : null])),
        },
      });
    });
    const appraised = appraise(
      rows.map((r) => r.figures),
      cycle.criteria,
      cycle.thresholds
    );
    rows.forEach((row, k) => {
      const { total, grade, rank } = appraised[k];
      outcomes[row.index] = { total, grade, rank };
      row.scored.forEach((value, j) =>
        scores.push({
          appraisal: row.index,
          criterion: scoredCriteria[j].key,
          score: value,
          // The reviewer's comment sits with the performance evaluation.
          comment: j === 0 ? random.pick(APPRAISAL_FEEDBACK[grade]) : null,
        })
      );
    });
  });
  return { cycles, appraisals, scores, outcomes };
}

// ---------------------------------------------------------------- honours

export interface HonourContext {
  posts: PostRecord[];
  people: People;
  appraisal: AppraisalResult;
  today: number;
}

/**
 * The closed cycle's honours, on the grades the server computes: every excellent liaison
 * holds the year's title (some a bonus, an invitation or a scholarship too), a good share
 * of the good ones a commendation, and a few commendations are still with the committee.
 * Each alumnus has each kind of honour once a cycle (the server's rule), whatever posts
 * they hold. Older titles from before the system kept cycles complete the record.
 */
export function buildHonours(random: Random, { posts, people, appraisal, today }: HonourContext): HonourRecord[] {
  const honours: HonourRecord[] = [];
  const closed = appraisal.cycles.findIndex((c) => c.cycleStatus === 'closed');
  const cycle = appraisal.cycles[closed];
  const awardedOn = dateOf(Math.min(dayOf((cycle.closedAt ?? cycle.periodEnd).slice(0, 10)) + 5, today));
  const year = cycle.periodStart.slice(0, 4);
  const visible = (alumnus: number) => people.records[alumnus].publishConsent && random.chance(0.85);
  const awarded = { cycle: closed, honourStatus: 'awarded' as const, year: Number(year) };
  const given = new Set<string>();
  const once = (alumnus: number, kind: HonourRecord['kind']) => {
    const key = `${alumnus}|${kind}`;
    if (given.has(key)) return false;
    given.add(key);
    return true;
  };

  // The best first, so that a person with two posts is honoured for the better one.
  const order = appraisal.appraisals
    .map((a, index) => ({ a, index, outcome: appraisal.outcomes[index] }))
    .filter((x) => x.a.cycle === closed)
    .sort((x, y) => y.outcome.total - x.outcome.total || x.index - y.index);
  for (const { a, index, outcome } of order) {
    const alumnus = posts[a.liaison].alumnus;
    if (people.records[alumnus].alumnusStatus === 'deceased') continue;
    if (outcome.grade === 'excellent') {
      if (once(alumnus, 'title')) {
        honours.push({
          alumnus,
          kind: 'title',
          title: `${year}年度优秀校友联络员`,
          awardedOn,
          amount: null,
          appraisal: index,
          citation: '在年度考核中成绩优秀，联络工作扎实，特授予“优秀校友联络员”荣誉称号。',
          showPublicly: visible(alumnus),
          ...awarded,
        });
      }
      if (random.chance(0.25) && once(alumnus, 'bonus')) {
        honours.push({ alumnus, kind: 'bonus', title: '优秀联络员奖励金', awardedOn, amount: 2000, appraisal: index, citation: '年度考核优秀，发放奖励金。', showPublicly: false, ...awarded });
      }
      if (random.chance(0.15) && once(alumnus, 'invitation')) {
        honours.push({ alumnus, kind: 'invitation', title: '联络员经验分享会特邀嘉宾', awardedOn, amount: null, appraisal: index, citation: '邀请在联络员培训班上分享工作经验。', showPublicly: visible(alumnus), ...awarded });
      }
      if (random.chance(0.05) && once(alumnus, 'scholarship')) {
        honours.push({ alumnus, kind: 'scholarship', title: '校友联络员进修奖学金', awardedOn, amount: 5000, appraisal: index, citation: '资助参加校友工作专业进修。', showPublicly: false, ...awarded });
      }
    } else if (outcome.grade === 'good') {
      const roll = random.next();
      if (roll < 0.08 && once(alumnus, 'commendation')) {
        // Nominated after the cycle closed, waiting for the committee.
        honours.push({ alumnus, kind: 'commendation', title: `${year}年度联络工作表彰`, awardedOn: null, amount: null, appraisal: index, citation: '联络工作认真负责。', showPublicly: true, cycle: closed, honourStatus: 'nominated', year: Number(year) });
      } else if (roll < 0.45 && once(alumnus, 'commendation')) {
        honours.push({ alumnus, kind: 'commendation', title: `${year}年度联络工作表彰`, awardedOn, amount: null, appraisal: index, citation: '联络工作认真负责，予以通报表彰。', showPublicly: visible(alumnus), ...awarded });
      }
    }
  }

  // Older titles from before appraisal cycles were kept in the system.
  const earlier = Number(year) - 1;
  const serving = posts.filter((p) => p.postStatus === 'active' && dayOf(p.termStart) < dayOf(`${earlier}-01-01`));
  for (const post of random.sample(serving, Math.max(3, Math.round(posts.length / 100)))) {
    honours.push({
      alumnus: post.alumnus,
      kind: 'title',
      title: `${earlier}年度十佳校友联络员`,
      awardedOn: `${earlier + 1}-01-15`,
      amount: null,
      appraisal: null,
      citation: '由校友工作委员会评选产生。',
      showPublicly: visible(post.alumnus),
      cycle: null,
      honourStatus: 'awarded',
      year: earlier,
    });
  }
  return honours;
}
