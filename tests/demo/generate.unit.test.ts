import {
  ALUMNI_PER_COHORT,
  DEMO_TODAY,
  FIRST_GRAD_YEAR,
  LAST_GRAD_YEAR,
  countRecords,
  demoScale,
  generateDemo,
  type DemoData,
  type PostRecord,
} from '../../src/demo/generate';
import { Random } from '../../src/demo/random';
import { COLLEGES, offers } from '../../src/demo/data/colleges';
import { DEFAULT_RULES, isEligible } from '../../plugins/liaison/server/src/honours/rules';
import { createDocumentIds } from '../../src/demo/load';
import {
  checkCohortYears,
  checkEvent,
  checkEventPublishable,
  checkLiaisonPost,
  checkOrder,
  type FieldError,
} from '../../plugins/liaison/server/src/rules';

const TODAY = '2026-03-15';
const small = generateDemo({ alumni: 2000, seed: 42, today: TODAY });

const postErrors = (post: PostRecord): FieldError[] =>
  checkLiaisonPost({
    dimension: post.dimension,
    hasAlumnus: post.alumnus !== null && post.alumnus !== undefined,
    scopes: {
      cohort: post.cohort !== null,
      college: post.college !== null,
      chapter: post.chapter !== null,
      industry: post.industry !== null,
    },
    termStart: post.termStart,
    termEnd: post.termEnd,
    postStatus: post.postStatus,
    nominationReason: post.nominationReason,
    endReason: post.endReason,
  });

/** Every broken rule in a data set, named by record, so a failure says where. */
const ruleViolations = (data: DemoData): string[] => {
  const problems: string[] = [];
  data.posts.forEach((post, i) => {
    for (const e of postErrors(post)) problems.push(`post #${i}: ${e.path} ${e.message}`);
  });
  data.events.forEach((event, i) => {
    const s = event.shared;
    for (const locale of Object.keys(event.locales) as (keyof typeof event.locales)[]) {
      const state = {
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        registrationOpensAt: s.registrationOpensAt,
        registrationClosesAt: s.registrationClosesAt,
        venue: event.locales[locale].venue,
        onlineUrl: s.onlineUrl,
        organisers: { chapter: s.chapter !== null, college: s.college !== null, industry: s.industry !== null },
      };
      for (const e of [...checkEvent(state), ...checkEventPublishable(state)]) problems.push(`event #${i} ${locale}: ${e.path} ${e.message}`);
    }
  });
  data.stories.forEach((story, i) => {
    for (const e of checkCohortYears(story.shared.cohortYears)) problems.push(`story #${i}: ${e.path} ${e.message}`);
  });
  data.sessions.forEach((s, i) => {
    for (const e of checkOrder({ field: 'startsAt', value: s.startsAt }, { field: 'endsAt', value: s.endsAt })) problems.push(`session #${i}: ${e.message}`);
  });
  data.cycles.forEach((c, i) => {
    for (const e of checkOrder({ field: 'periodStart', value: c.periodStart }, { field: 'periodEnd', value: c.periodEnd })) problems.push(`cycle #${i}: ${e.message}`);
  });
  return problems;
};

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
/** How many values occur more than once (for large lists). */
const duplicatesFast = (values: string[]) => values.length - new Set(values).size;

describe('the seeded PRNG', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    const r = new Random(3);
    for (let i = 0; i < 1000; i += 1) {
      const n = r.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
    }
  });
});

describe('generateDemo', () => {
  it('is deterministic: the same seed gives byte-identical data, another seed other data', () => {
    const again = generateDemo({ alumni: 2000, seed: 42, today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    const other = generateDemo({ alumni: 2000, seed: 43, today: TODAY });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
    // Without a "today" it uses a fixed date, never the clock.
    expect(generateDemo({ alumni: 50, seed: 1 }).options.today).toBe(DEMO_TODAY);
    expect(JSON.stringify(generateDemo({ alumni: 50, seed: 1 }))).toBe(JSON.stringify(generateDemo({ alumni: 50, seed: 1 })));
  });

  it('makes the requested number of alumni, and a small demo still spans every year and dimension', () => {
    expect(small.alumni).toHaveLength(2000);
    const years = new Set(small.cohorts.map((c) => c.gradYear));
    for (let y = FIRST_GRAD_YEAR; y <= LAST_GRAD_YEAR; y += 1) expect(years.has(y)).toBe(true);
    expect(small.colleges).toHaveLength(15);
    expect(new Set(small.cohorts.map((c) => c.college)).size).toBe(15);
    expect(small.chapters.length).toBeGreaterThanOrEqual(40);
    expect(small.chapters.filter((c) => c.country !== 'CN').length).toBeGreaterThanOrEqual(10);
    expect(small.industries.map((i) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    for (const dimension of ['cohort', 'college', 'region', 'industry']) {
      const posts = small.posts.filter((p) => p.dimension === dimension);
      expect(posts.some((p) => p.postStatus === 'active')).toBe(true);
    }
    expect(new Set(small.posts.map((p) => p.postStatus))).toEqual(new Set(['nominated', 'approved', 'active', 'ended', 'rejected']));
    const counts = countRecords(small);
    for (const [kind, n] of Object.entries(counts)) expect([kind, n > 0]).toEqual([kind, true]);
  });

  it('leaves holes for the coverage overview: classes and chapters without an active liaison', () => {
    const activeScopes = (field: 'cohort' | 'chapter' | 'college' | 'industry') =>
      new Set(small.posts.filter((p) => p.postStatus === 'active' && p[field] !== null).map((p) => p[field]));
    const uncoveredCohorts = small.cohorts.length - activeScopes('cohort').size;
    expect(uncoveredCohorts).toBeGreaterThan(0);
    expect(uncoveredCohorts).toBeLessThan(small.cohorts.length / 3);
    expect(small.chapters.length - activeScopes('chapter').size).toBeGreaterThan(0);
    expect(small.industries.length - activeScopes('industry').size).toBeGreaterThan(0);
  });

  it('satisfies every rule of plugins/liaison/server/src/rules', () => {
    expect(ruleViolations(small)).toEqual([]);
    // Industry liaisons always enter by nomination with a stated reason.
    for (const post of small.posts.filter((p) => p.dimension === 'industry')) expect(post.nominationReason?.trim()).toBeTruthy();
  });

  it('keeps unique what the database keeps unique', () => {
    expect(duplicates(small.colleges.map((c) => c.code))).toEqual([]);
    expect(duplicates(small.cohorts.map((c) => c.code))).toEqual([]);
    expect(duplicates(small.chapters.map((c) => c.name))).toEqual([]);
    expect(duplicates(small.industries.map((c) => c.code))).toEqual([]);
    expect(duplicatesFast(small.alumni.map((a) => a.studentNo))).toBe(0);
    for (const list of [small.stories, small.events]) {
      for (const locale of ['zh-Hans', 'en'] as const) {
        expect(duplicates(list.map((d) => d.locales[locale].slug))).toEqual([]);
        for (const d of list) expect(d.locales[locale].slug).toMatch(/^[A-Za-z0-9-_.~]+$/);
      }
    }
    // Pairs the integrity guard keeps unique.
    expect(duplicatesFast(small.trainingRecords.map((r) => `${r.session}|${r.alumnus}`))).toBe(0);
    expect(duplicatesFast(small.appraisals.map((a) => `${a.cycle}|${a.liaison}`))).toBe(0);
    // Column limits of the schemas.
    for (const c of small.cohorts) expect(c.code.length).toBeLessThanOrEqual(40);
    for (const a of small.alumni) {
      expect(a.studentNo.length).toBeLessThanOrEqual(32);
      expect(a.email).toMatch(/^[^@\s]+@[a-z.]*example\.(com|net|org|edu)$/);
    }
  });

  it('links only to records that exist, in a consistent way', () => {
    const inRange = (i: number | null, list: unknown[]) => i === null || (Number.isInteger(i) && i >= 0 && i < list.length);
    for (const a of small.alumni) {
      expect(inRange(a.cohort, small.cohorts) && inRange(a.chapter, small.chapters) && inRange(a.industry, small.industries)).toBe(true);
      expect(a.degree).toBe(small.cohorts[a.cohort].degreeLevel);
    }
    small.posts.forEach((post, i) => {
      expect(inRange(post.alumnus, small.alumni) && inRange(post.nominator, small.alumni)).toBe(true);
      if (post.successor !== null) {
        // A handover: the ended post points at a later post on the same seat.
        const next = small.posts[post.successor];
        expect(post.postStatus).toBe('ended');
        expect(post.successor).toBeGreaterThan(i);
        expect([next.dimension, next.cohort, next.college, next.chapter, next.industry]).toEqual([
          post.dimension,
          post.cohort,
          post.college,
          post.chapter,
          post.industry,
        ]);
        expect(next.termStart >= (post.termEnd as string)).toBe(true);
      }
      if (post.postStatus === 'active') expect(small.alumni[post.alumnus].alumnusStatus).not.toBe('deceased');
    });
    for (const story of small.stories) {
      for (const a of story.shared.featuredAlumni) expect(small.alumni[a].publishConsent).toBe(true);
    }
    for (const event of small.events) {
      const organisers = [event.shared.chapter, event.shared.college, event.shared.industry].filter((o) => o !== null);
      expect(organisers.length).toBeLessThanOrEqual(1);
      for (const o of organisers) expect(o).toBeGreaterThanOrEqual(0);
    }
    for (const r of small.trainingRecords) expect(inRange(r.session, small.sessions) && inRange(r.alumnus, small.alumni)).toBe(true);
    for (const h of small.honours) expect(inRange(h.appraisal, small.appraisals)).toBe(true);
  });

  it('scales to ~8,000 classes and ~8,500 liaison posts at 300,000 alumni, within the rules', () => {
    expect(demoScale(300_000).cohorts).toBe(Math.round(300_000 / ALUMNI_PER_COHORT));
    const big = generateDemo({ alumni: 300_000, seed: 42, today: TODAY });
    expect(big.alumni).toHaveLength(300_000);
    expect(big.cohorts.length).toBeGreaterThan(7_800);
    expect(big.cohorts.length).toBeLessThan(8_200);
    expect(big.posts.length).toBeGreaterThan(8_000);
    expect(big.posts.length).toBeLessThan(9_000);
    expect(ruleViolations(big)).toEqual([]);
    expect(duplicatesFast(big.alumni.map((a) => a.studentNo))).toBe(0);
    expect(duplicatesFast(big.cohorts.map((c) => c.code))).toBe(0);
  });
});

describe('the story a new user sees', () => {
  const DEGREE_YEARS = { associate: 3, bachelor: 4, master: 3, doctor: 4 } as const;
  const closed = small.cycles.findIndex((c) => c.cycleStatus === 'closed');
  const closedOutcomes = small.appraisals.map((a, i) => ({ a, i, o: small.appraisalOutcomes[i] })).filter((x) => x.a.cycle === closed);

  it('has only classes a programme could have had: its degree offered in the year they enrolled', () => {
    const wrong: string[] = [];
    for (const c of small.cohorts) {
      const college = COLLEGES[c.college];
      expect(college.foundedYear + DEGREE_YEARS[c.degreeLevel]).toBeLessThanOrEqual(c.gradYear);
      const enrol = c.gradYear - DEGREE_YEARS[c.degreeLevel];
      const majors = new Set(small.alumni.filter((a) => a.cohort === small.cohorts.indexOf(c)).map((a) => a.major));
      for (const major of majors) {
        const programme = college.programmes.find((p) => p.name === major);
        if (!programme || !offers(programme, c.degreeLevel, enrol)) wrong.push(`${c.className} (${c.degreeLevel}, ${major})`);
        expect(c.className.startsWith(`${major}${enrol}级`)).toBe(true);
      }
    }
    expect(wrong).toEqual([]);
    // e.g. no associate (专科) class of cyber security, nor any before 2015, nor associate classes after 2004.
    expect(small.cohorts.filter((c) => c.className.startsWith('网络空间安全') && (c.degreeLevel === 'associate' || c.gradYear < 2019))).toEqual([]);
    expect(small.cohorts.filter((c) => c.degreeLevel === 'associate' && c.gradYear - 3 > 2004)).toEqual([]);
    for (const college of COLLEGES) for (const p of college.programmes) expect([college.code, p.name, p.since >= college.foundedYear]).toEqual([college.code, p.name, true]);
  });

  it('grades the closed cycle as a working network: every grade, most liaisons passing, some excellent', () => {
    const n = closedOutcomes.length;
    const share = (grade: string) => closedOutcomes.filter((x) => x.o.grade === grade).length / n;
    expect(n).toBeGreaterThan(150);
    expect(share('excellent')).toBeGreaterThanOrEqual(0.07);
    expect(share('excellent')).toBeLessThanOrEqual(0.2);
    expect(share('good')).toBeGreaterThanOrEqual(0.2);
    expect(share('good')).toBeLessThanOrEqual(0.45);
    expect(share('pass')).toBeGreaterThanOrEqual(0.25);
    expect(share('pass')).toBeLessThanOrEqual(0.55);
    expect(share('fail')).toBeGreaterThanOrEqual(0.05);
    expect(share('fail')).toBeLessThanOrEqual(0.25);
    // Every dimension has liaisons above the pass mark: its measured figures are not one outlier's.
    for (const dimension of ['cohort', 'college', 'region', 'industry']) {
      const mine = closedOutcomes.filter((x) => small.posts[x.a.liaison].dimension === dimension);
      expect([dimension, mine.filter((x) => x.o.grade === 'excellent' || x.o.grade === 'good').length > mine.length / 5]).toEqual([dimension, true]);
    }
  });

  it('honours the excellent of the closed cycle, commends good ones, and leaves a few nominations to the committee', () => {
    const honours = small.honours.filter((h) => h.cycle === closed);
    for (const x of closedOutcomes.filter((y) => y.o.grade === 'excellent')) {
      const alumnus = small.posts[x.a.liaison].alumnus;
      if (small.alumni[alumnus].alumnusStatus === 'deceased') continue;
      expect(honours.some((h) => h.alumnus === alumnus && h.kind === 'title' && h.honourStatus === 'awarded')).toBe(true);
    }
    // Each honour rests on a grade that the committee's rules accept, once per alumnus and kind.
    for (const h of honours) {
      expect(h.appraisal).not.toBeNull();
      expect([h.kind, isEligible(h.kind, small.appraisalOutcomes[h.appraisal as number].grade, DEFAULT_RULES)]).toEqual([h.kind, true]);
      expect(small.posts[small.appraisals[h.appraisal as number].liaison].alumnus).toBe(h.alumnus);
    }
    expect(duplicates(honours.map((h) => `${h.alumnus}|${h.kind}`))).toEqual([]);
    expect(honours.filter((h) => h.kind === 'commendation' && h.honourStatus === 'awarded').length).toBeGreaterThan(5);
    expect(honours.filter((h) => h.honourStatus === 'nominated').length).toBeGreaterThan(0);
  });

  it('names most active chapters’ liaison teams in the directory: serving heads agreed to be published', () => {
    const active = small.chapters.map((c, i) => ({ c, i })).filter(({ c }) => c.chapterStatus === 'active');
    const listed = active.filter(({ i }) =>
      small.posts.some((p) => p.dimension === 'region' && p.chapter === i && p.postStatus === 'active' && small.alumni[p.alumnus].publishConsent)
    );
    expect(listed.length).toBeGreaterThanOrEqual(active.length * 0.75);
  });
});

describe('document ids', () => {
  it('look like Strapi’s (cuid2): 24 lower-case characters, a letter first, all different', () => {
    const ids = createDocumentIds(5000);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the demo network keeps the network’s rules', () => {
  const scopeOf = (p: PostRecord) => `${p.dimension}:${p.cohort ?? p.college ?? p.chapter ?? p.industry}`;
  const overlaps = (a: PostRecord, b: PostRecord) =>
    (a.termEnd === null || b.termStart <= a.termEnd) && (b.termEnd === null || a.termStart <= b.termEnd);

  it.each([2000, 20000])('%i alumni: nobody holds two overlapping live terms in one scope, and no scope has more posts taken than it has', (alumni) => {
    const data = generateDemo({ alumni, seed: 7, today: TODAY });
    const byScope = new Map<string, PostRecord[]>();
    for (const post of data.posts) byScope.set(scopeOf(post), [...(byScope.get(scopeOf(post)) ?? []), post]);
    const doubled: string[] = [];
    const full: string[] = [];
    const POSTS = { cohort: 2, college: 3, region: 5, industry: 3 } as const;
    for (const [scope, posts] of byScope) {
      const live = posts.filter((p) => ['nominated', 'approved', 'active'].includes(p.postStatus));
      live.forEach((a, i) => live.slice(i + 1).forEach((b) => a.alumnus === b.alumnus && overlaps(a, b) && doubled.push(scope)));
      if (posts.filter((p) => p.postStatus === 'active' || p.postStatus === 'approved').length > POSTS[posts[0].dimension]) full.push(scope);
    }
    expect({ doubled, full }).toEqual({ doubled: [], full: [] });
  });
});
