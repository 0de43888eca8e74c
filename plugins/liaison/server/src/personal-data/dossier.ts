import type { Core } from '@strapi/strapi';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { historyOf } from '../assignment/history';
import { postLabelIn } from '../services/post-labels';
import type { Lang } from '../rules/messages';
import type { PersonalDataExport, PersonalRecord } from '../admin-api-types';
import { consentHistoryOf } from './consents';
import { CONTACT_FIELDS } from '../access/members';
import { jsonColumn } from '../utils/db';

/**
 * Everything held about one person, gathered for their export: their record with its
 * private fields, their consents' history, their posts with their history, the contacts and
 * feedback about them, their training, conduct acknowledgements, honours and appraisals,
 * the events their posts organised, the stories that feature them, the mails sent to them,
 * and their earlier requests. Nobody else's personal data: no other alumnus' name (nominees,
 * people they contacted), no staff member's name (who recorded, reviewed or decided).
 * One query per kind of record.
 */
export const UID = {
  alumnus: 'plugin::liaison.alumnus',
  post: 'plugin::liaison.liaison',
  contact: 'plugin::liaison.contact-log',
  feedback: 'plugin::liaison.feedback',
  training: 'plugin::liaison.training-record',
  conduct: 'plugin::liaison.conduct-acknowledgement',
  honour: 'plugin::liaison.honour',
  appraisal: 'plugin::liaison.appraisal',
  score: 'plugin::liaison.appraisal-score',
  note: 'plugin::liaison.appraisal-note',
  event: 'plugin::liaison.event',
  story: 'plugin::liaison.story',
  mail: 'plugin::liaison.notification',
  request: 'plugin::liaison.data-request',
} as const;

const q = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : null);
const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
const json = (v: unknown) => jsonColumn(v) ?? {};
const bool = (v: unknown) => (v === null || v === undefined ? null : !!v);

/** The alumnus row with what their record shows: class, college, industry, chapter. */
export const ALUMNUS_POPULATE = {
  cohort: { select: ['id', 'className', 'gradYear', 'code'], populate: { college: { select: ['id', 'name', 'nameEn'] } } },
  industry: { select: ['id', 'name', 'nameEn'] },
  chapter: { select: ['id', 'name', 'nameEn'] },
};

const inLang = (row: { name?: string | null; nameEn?: string | null } | null | undefined, lang: Lang) =>
  row ? ((lang === 'en' && row.nameEn) || row.name || null) : null;

export const personalRecord = (a: any, lang: Lang): PersonalRecord => ({
  documentId: a.documentId,
  name: a.name,
  gender: a.gender ?? null,
  studentNo: a.studentNo ?? null,
  college: inLang(a.cohort?.college, lang),
  cohort: a.cohort ? { className: a.cohort.className ?? null, gradYear: num(a.cohort.gradYear), code: a.cohort.code ?? null } : null,
  major: a.major ?? null,
  degree: a.degree ?? null,
  country: a.country ?? null,
  province: a.province ?? null,
  city: a.city ?? null,
  industry: inLang(a.industry, lang),
  employer: a.employer ?? null,
  jobTitle: a.jobTitle ?? null,
  phone: a.phone ?? null,
  email: a.email ?? null,
  wechat: a.wechat ?? null,
  language: a.language ?? null,
  contactConsent: !!a.contactConsent,
  contactConsentAt: iso(a.contactConsentAt),
  publishConsent: !!a.publishConsent,
  publishConsentAt: iso(a.publishConsentAt),
  displayName: a.displayName ?? null,
  displayNameEn: a.displayNameEn ?? null,
  alumnusStatus: a.alumnusStatus ?? null,
  lastVerifiedAt: day(a.lastVerifiedAt),
  chapter: inLang(a.chapter, lang),
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

const named = { select: ['id', 'name', 'nameEn'] };
const POST_POPULATE = {
  cohort: { select: ['id', 'className', 'code'] },
  college: named,
  chapter: named,
  industry: named,
};

const scopeName = (post: any, lang: Lang) => {
  const s = post[SCOPE_FIELD[post.dimension as Dimension]];
  if (!s) return null;
  return post.dimension === 'cohort' ? (s.className ?? s.code ?? null) : inLang(s, lang);
};

/** Who else a post's history names (a nominator, a successor's holder): left out of the person's copy. */
const ownSnapshot = (s: any) => {
  if (!s || typeof s !== 'object') return s ?? null;
  const { nominator: _nominator, successor: _successor, ...own } = s;
  return own;
};

/**
 * The whole export of one alumnus (the row as `findAlumnus` read it). `withContacts`: false for
 * a user whose role may not read how to reach alumni (CONTACT_FIELDS, which College Staff's role
 * lacks: services/admin-roles.ts): those fields (and the mails' address) are left out and named in `withheld`.
 */
export const gatherDossier = async (strapi: Core.Strapi, alumnus: any, lang: Lang, withContacts = true): Promise<PersonalDataExport> => {
  const id = alumnus.id as number;
  const posts: any[] = await q(strapi, UID.post).findMany({ where: { alumnus: { id } }, populate: POST_POPULATE, orderBy: [{ termStart: 'asc' }, { id: 'asc' }] });
  const postIds = posts.map((p) => p.id);
  const anyPost = postIds.length ? postIds : [-1];

  const [nominations, contacts, contactsMade, feedback, training, conduct, honours, appraisals, events, stories, mails, requests, consents] = await Promise.all([
    q(strapi, UID.post).findMany({ where: { nominator: { id } }, select: ['dimension', 'role', 'postStatus', 'termStart'] }),
    q(strapi, UID.contact).findMany({ where: { alumnus: { id } }, select: ['contactedAt', 'channel', 'summary', 'needs'], orderBy: { contactedAt: 'asc' } }),
    q(strapi, UID.contact).findMany({ where: { liaison: { id: { $in: anyPost } } }, select: ['contactedAt', 'channel'], orderBy: { contactedAt: 'asc' } }),
    q(strapi, UID.feedback).findMany({ where: { alumnus: { id } }, orderBy: { receivedAt: 'asc' } }),
    q(strapi, UID.training).findMany({
      where: { alumnus: { id } },
      populate: { session: { select: ['startsAt'], populate: { course: { select: ['title', 'titleEn'] } } } },
    }),
    q(strapi, UID.conduct).findMany({ where: { alumnus: { id } }, populate: { conductVersion: { select: ['version', 'title'] } } }),
    q(strapi, UID.honour).findMany({ where: { alumnus: { id } }, populate: { cycle: { select: ['name'] } } }),
    q(strapi, UID.appraisal).findMany({
      where: { liaison: { id: { $in: anyPost } } },
      populate: {
        cycle: { select: ['name', 'periodStart', 'periodEnd'] },
        liaison: { select: ['documentId', 'label'] },
        reviews: { select: ['criterion', 'score', 'comment'] },
        notes: { select: ['text', 'createdAt'] },
      },
    }),
    q(strapi, UID.event).findMany({ where: { organisers: { id: { $in: anyPost } }, publishedAt: { $null: true } }, select: ['title', 'startsAt', 'locale'] }),
    q(strapi, UID.story).findMany({ where: { featuredAlumni: { id } }, select: ['title', 'slug', 'locale', 'publishedAt'] }),
    q(strapi, UID.mail).findMany({ where: { alumnus: { id } }, select: ['to', 'subject', 'kind', 'deliveryStatus', 'createdAt', 'sentAt', 'text'], orderBy: { createdAt: 'asc' } }),
    q(strapi, UID.request).findMany({ where: { alumnus: { id } }, select: ['request', 'format', 'at'], orderBy: { at: 'asc' } }),
    consentHistoryOf(strapi, id, false),
  ]);

  const histories = await Promise.all(posts.map((p) => historyOf(strapi, p.documentId)));
  // What the person changed themselves (accounts: PUT /api/liaison/me): their own old and new values.
  const ownChanges: any[] = await q(strapi, 'plugin::liaison.field-change').findMany({ where: { alumnus: { id } }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
  // Their answers to surveys, and the changes of their record proposed by liaisons (or by them) and what became of them.
  const [surveyAnswers, proposals]: any[][] = await Promise.all([
    q(strapi, 'plugin::liaison.survey-answer').findMany({
      where: { alumnus: { id } },
      select: ['answers', 'updatedAt'],
      populate: { survey: { select: ['title', 'titleEn'] } },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    }),
    q(strapi, 'plugin::liaison.change-proposal').findMany({
      where: { alumnus: { id } },
      select: ['changes', 'proposalStatus', 'infoSource', 'createdAt', 'decidedAt'],
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const isContact = (field: string) => (CONTACT_FIELDS as readonly string[]).includes(field);

  return {
    exportedAt: new Date().toISOString(),
    language: lang,
    alumnus: withContacts ? personalRecord(alumnus, lang) : { ...personalRecord(alumnus, lang), phone: null, email: null, wechat: null },
    consents,
    ownChanges: ownChanges.map((c) => ({
      field: c.field,
      oldValue: withContacts || !(CONTACT_FIELDS as readonly string[]).includes(c.field) ? (c.oldValue ?? null) : null,
      newValue: withContacts || !(CONTACT_FIELDS as readonly string[]).includes(c.field) ? (c.newValue ?? null) : null,
      source: 'self' as const,
      at: iso(c.at) as string,
    })),
    posts: posts.map((p, i) => ({
      documentId: p.documentId,
      label: p.label ? postLabelIn(p.label, lang) : null,
      dimension: p.dimension ?? null,
      scope: scopeName(p, lang),
      role: p.role ?? null,
      termStart: day(p.termStart),
      termEnd: day(p.termEnd),
      postStatus: p.postStatus ?? null,
      provisional: bool(p.provisional),
      trainingDeadline: day(p.trainingDeadline),
      nominationSource: p.nominationSource ?? null,
      nominationReason: p.nominationReason ?? null,
      rejectionReason: p.rejectionReason ?? null,
      endReason: p.endReason ?? null,
      endNote: p.endNote ?? null,
      history: histories[i].map((h) => ({ action: h.action, at: iso(h.at)!, reason: h.reason ?? null, before: ownSnapshot(h.before), after: ownSnapshot(h.after) })),
    })),
    nominations: nominations.map((p: any) => ({ dimension: p.dimension ?? null, role: p.role ?? null, postStatus: p.postStatus ?? null, termStart: day(p.termStart) })),
    contacts: contacts.map((c: any) => ({ contactedAt: iso(c.contactedAt), channel: c.channel ?? null, summary: c.summary ?? null, needs: c.needs ?? null })),
    contactsMade: contactsMade.map((c: any) => ({ contactedAt: iso(c.contactedAt), channel: c.channel ?? null })),
    feedback: feedback.map((f: any) => ({
      category: f.category ?? null,
      content: f.content ?? null,
      feedbackStatus: f.feedbackStatus ?? null,
      receivedAt: iso(f.receivedAt),
      dueAt: iso(f.dueAt),
      answeredAt: iso(f.answeredAt),
      answer: f.answer ?? null,
    })),
    training: training.map((t: any) => ({
      course: (lang === 'en' && t.session?.course?.titleEn) || t.session?.course?.title || null,
      session: iso(t.session?.startsAt),
      attended: bool(t.attended),
      score: num(t.score),
      result: t.result ?? null,
      note: t.note ?? null,
    })),
    conduct: conduct.map((c: any) => ({
      version: c.conductVersion ? `${c.conductVersion.version}${c.conductVersion.title ? ` · ${c.conductVersion.title}` : ''}` : null,
      acknowledgedAt: iso(c.acknowledgedAt),
      via: c.via ?? null,
    })),
    honours: honours.map((h: any) => ({
      kind: h.kind ?? null,
      title: h.title ?? null,
      year: num(h.year),
      honourStatus: h.honourStatus ?? null,
      awardedOn: day(h.awardedOn),
      amount: num(h.amount),
      citation: h.citation ?? null,
      showPublicly: bool(h.showPublicly),
      rejectionReason: h.rejectionReason ?? null,
      cycle: h.cycle?.name ?? null,
    })),
    appraisals: appraisals.map((a: any) => ({
      cycle: a.cycle?.name ?? null,
      periodStart: day(a.cycle?.periodStart),
      periodEnd: day(a.cycle?.periodEnd),
      post: a.liaison?.label ? postLabelIn(a.liaison.label, lang) : (a.liaison?.documentId ?? null),
      measures: json(a.measures),
      scores: json(a.scores),
      total: num(a.total),
      grade: a.grade ?? null,
      rank: num(a.rank),
      scopeRank: num(a.scopeRank),
      reviews: (a.reviews ?? []).map((r: any) => ({ criterion: r.criterion ?? null, score: num(r.score), comment: r.comment ?? null })),
      feedback: (a.notes ?? []).map((n: any) => ({ text: n.text ?? null, at: iso(n.createdAt) })),
    })),
    events: events.map((e: any) => ({ title: e.title ?? null, startsAt: iso(e.startsAt), locale: e.locale ?? null })),
    stories: dedupeStories(stories),
    mails: mails.map((m: any) => ({
      to: withContacts ? (m.to ?? null) : null,
      subject: m.subject ?? null,
      kind: m.kind ?? null,
      deliveryStatus: m.deliveryStatus ?? null,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
      text: m.text ?? null,
    })),
    surveyAnswers: surveyAnswers.map((a: any) => ({
      survey: (lang === 'en' && a.survey?.titleEn) || a.survey?.title || null,
      answeredAt: iso(a.updatedAt),
      answers: json(a.answers) ?? {},
    })),
    proposals: proposals.map((p: any) => ({
      changes: Object.fromEntries(Object.entries(json(p.changes) ?? {}).map(([f, v]) => [f, withContacts || !isContact(f) ? v : null])),
      status: p.proposalStatus ?? null,
      source: p.infoSource ?? null,
      createdAt: iso(p.createdAt),
      decidedAt: iso(p.decidedAt),
    })),
    requests: requests.map((r: any) => ({ request: r.request, format: r.format ?? null, at: iso(r.at)! })),
    withheld: withContacts ? [] : [...CONTACT_FIELDS.filter((f) => alumnus[f]), ...(mails.some((m: any) => m.to) ? ['mails.to'] : [])],
  };
};

/** A story is stored as a draft and, once published, a published copy (per locale): one entry each, published when a published copy exists. */
const dedupeStories = (rows: any[]) => {
  const byKey = new Map<string, { title: string | null; slug: string | null; locale: string | null; published: boolean }>();
  for (const r of rows) {
    const key = `${r.slug}|${r.locale}`;
    const seen = byKey.get(key);
    const published = !!r.publishedAt;
    if (!seen) byKey.set(key, { title: r.title ?? null, slug: r.slug ?? null, locale: r.locale ?? null, published });
    else if (published) byKey.set(key, { ...seen, title: r.title ?? seen.title, published: true });
  }
  return [...byKey.values()];
};
