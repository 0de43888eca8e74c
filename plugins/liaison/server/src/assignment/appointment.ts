import type { Core } from '@strapi/strapi';
import { OCCUPYING_STATUSES } from '../rules/quotas';
import { fieldError, type FieldError } from '../rules/field-error';
import { statusOnApproval, today } from './rules/lifecycle';
import { actorOf, withHistory } from './history';
import { ALUMNI, POSTS, assertCanAct, findScope, type Scope } from './scope';
import type { AppointmentInput } from './inputs';
import { restating, type Refusal } from './refusals';
import { appointmentMail, type LiaisonContact, type Locale } from './templates';
import { bad, languageOf, notFound, person, type PostStore, type User } from './posts';

/**
 * A refusal of the i-th post of a batch, said of the batch: a full class on `appointments`,
 * counting the posts taken before the batch (the i before it were written in its
 * transaction), an overlap on the appointee as the request named them.
 */
const inBatch = (i: number, field: string) => (refusal: Refusal) => {
  if (refusal.kind === 'overlap') return fieldError(`appointments[${i}].${field}`, refusal.id, refusal.values);
  return fieldError('appointments', 'assignment.scopeFull', { occupied: Number(refusal.values.occupied) - i, posts: refusal.values.posts });
};

/** Graduation appointments: a class's liaisons in one step, and the mail that tells the class. */
export const appointment = (strapi: Core.Strapi, { posts, findAlumnus, reload }: PostStore) => ({
  /**
   * Graduation appointment: a class's liaisons in one step, all or nothing, then one
   * e-mail to every member who consented to contact, naming the liaisons and how to reach them.
   */
  /** The class a graduation appointment is for: 404 when unknown, 403 outside the user's colleges. */
  async cohortFor(cohortDocumentId: string, user: User): Promise<Scope> {
    const scope = await findScope(strapi, 'cohort', cohortDocumentId);
    if (!scope) throw notFound('Cohort');
    await assertCanAct(strapi, user, scope);
    return scope;
  },

  async appoint(scope: Scope, body: AppointmentInput, user: User) {
    const locale: Locale = body.locale;
    const problems: FieldError[] = [];
    const people: any[] = [];
    for (const [i, a] of body.appointments.entries()) {
      const field = a.alumnus ? 'alumnus' : 'studentNo';
      const at = `appointments[${i}].${field}`;
      const who: any = a.alumnus
        ? await findAlumnus(a.alumnus)
        : await strapi.db.query(ALUMNI as any).findOne({ where: { studentNo: a.studentNo }, populate: { cohort: { select: ['id'] } } });
      if (!who) problems.push(fieldError(at, 'assignment.noAlumnusFound'));
      else if (who.cohort?.id !== scope.id) problems.push(fieldError(at, 'assignment.notMember', { name: who.name }));
      else if (who.alumnusStatus === 'deceased') problems.push(fieldError(at, 'assignment.deceasedNamed', { name: who.name }));
      else if (people.some((p) => p?.who.id === who.id)) problems.push(fieldError(at, 'assignment.namedTwice', { name: who.name }));
      people.push(who ? { who, field, role: a.role } : null);
    }
    bad(problems);
    const by = actorOf(user);
    const status = statusOnApproval(body.termStart, today());
    return strapi.db.transaction(async () => {
      const created: string[] = [];
      for (const [i, p] of people.entries()) {
        const data = {
          alumnus: p.who.documentId,
          dimension: 'cohort',
          cohort: scope.documentId,
          role: p.role,
          termStart: body.termStart,
          termEnd: body.termEnd,
          postStatus: status,
          nominationSource: 'staff',
        };
        const label = { action: 'appoint', reason: 'graduation appointment', by: by ?? undefined };
        const post: any = await restating(() => strapi.documents(POSTS as any).create(withHistory({ data: data as any }, label)), inBatch(i, p.field));
        created.push(post.documentId);
      }
      const mailed = await this.mailClass(scope, created, locale);
      return { posts: await Promise.all(created.map((d) => reload(d))), mailed };
    });
  },

  /** One mail to each consenting, reachable member of the class: its liaisons and how to reach them. */
  async mailClass(scope: Scope, created: string[], locale: Locale) {
    const holders: any[] = await posts().findMany({
      where: { cohort: { id: scope.id }, postStatus: { $in: [...OCCUPYING_STATUSES] } },
      populate: { alumnus: person },
      orderBy: [{ role: 'asc' }, { id: 'asc' }],
    });
    const liaisons: LiaisonContact[] = holders.map((h) => ({
      name: h.alumnus?.name,
      role: h.role,
      email: h.alumnus?.email,
      phone: h.alumnus?.phone,
    }));
    const members: any[] = await strapi.db.query(ALUMNI as any).findMany({
      where: { cohort: { id: scope.id }, contactConsent: true, email: { $notNull: true, $ne: '' }, alumnusStatus: { $ne: 'deceased' } },
      select: ['id', 'documentId', 'name', 'email', 'language'],
    });
    const batch = [...created].sort().join(',');
    return strapi
      .plugin('liaison')
      .service('outbox')
      .enqueue(
        members.map((m) => ({
          to: m.email,
          ...appointmentMail(languageOf(m, locale), { recipient: m.name, className: scope.name, liaisons }),
          kind: 'appointment',
          dedupeKey: `appointment:${scope.documentId}:${batch}:${m.documentId}`.slice(0, 255),
          alumnusId: m.id,
          locale: languageOf(m, locale),
        })),
      );
  },
});
