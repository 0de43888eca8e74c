import { z } from '@strapi/utils';
import { addProblem, always, documentId, filledText, oneOf, optional, says, text, withDefault } from '../rules/inputs';
import { cleanText, normaliseEmail, normalisePhone, normaliseStudentNo } from '../imports/normalise';
import { EXPORT_FORMATS, type ExportFormat } from '../personal-data/inputs';

/**
 * What the account routes take, as zod schemas (parsed through utils/input.ts: a 400 naming
 * each wrong field). Values are normalised as the importer stores them, so that what a person
 * types matches what the registrar's files said.
 */

export const PASSWORD_MIN = 10;
/** bcrypt reads 72 bytes: a longer password would be cut without a word. */
export const PASSWORD_MAX_BYTES = 72;
const COMMON = new Set(['password', 'password1', 'password12', 'password123', 'qwertyuiop', '1234567890', '123456789a', 'iloveyou12', 'abcdefghij', 'aaaaaaaaaa', 'a123456789', 'qwerty1234', '1q2w3e4r5t']);

/** A new password: 10 characters to 72 bytes, two kinds of character at least (letters, digits, signs), not a common one. */
export const password = () =>
  z
    .string(says('required'))
    .superRefine((p, ctx) => {
      if (p.length < PASSWORD_MIN || Buffer.byteLength(p, 'utf8') > PASSWORD_MAX_BYTES) {
        ctx.addIssue({ code: 'custom', message: says('accounts.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX_BYTES }) });
        return;
      }
      const kinds = [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((r) => r.test(p)).length;
      if (kinds < 2 || COMMON.has(p.toLowerCase()) || new Set(p).size < 5) ctx.addIssue({ code: 'custom', message: says('accounts.passwordWeak') });
    });

/** A token from a mailed link: what it is, not whether it is known (that is the same 400 for every wrong one). */
const token = () => z.string(says('accounts.tokenUnknown')).min(1, says('accounts.tokenUnknown')).max(200, says('accounts.tokenUnknown'));

const emailField = (id: 'accounts.email' = 'accounts.email') =>
  text(254, 'required').transform((v, ctx) => {
    const n = normaliseEmail(v);
    if (n.error) {
      ctx.addIssue({ code: 'custom', message: says(id) });
      return z.NEVER;
    }
    return n.value;
  });

/** POST /api/liaison/account/claim { name, studentNo?, email? }: the name and one of the two. */
export const claimInput = z
  .object({
    name: filledText(100).transform((v) => cleanText(v) as string),
    studentNo: optional(text(32).transform((v) => normaliseStudentNo(v).value ?? null)),
    email: optional(emailField()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.studentNo && !v.email) addProblem(ctx, ['studentNo'], 'accounts.identify');
  }, always);
export type ClaimInput = z.output<typeof claimInput>;

/** POST /api/liaison/account/activate and /reset { token, password }. */
export const tokenInput = z.object({ token: token(), password: password() }).strict();
export type TokenInput = z.output<typeof tokenInput>;

/** POST /api/liaison/account/forgot { email }. */
export const forgotInput = z.object({ email: emailField() }).strict();

/** POST /liaison/invitations { cohort } or { chapter }: a class or a chapter by documentId. */
export const invitationInput = z
  .object({ cohort: optional(documentId()), chapter: optional(documentId()) })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.cohort === !v.chapter) addProblem(ctx, ['cohort'], 'accounts.oneGroup');
  }, always);
export type InvitationInput = z.output<typeof invitationInput>;

/** A field PUT /me may set or clear: absent is no change, null or '' clears it. */
const settable = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

/** Trimmed text, at most `max` characters; nothing left of it clears the field. */
const trimmed = (max: number) => text(max).transform((v) => cleanText(v));

const LANGUAGES = ['zh-Hans', 'en'] as const;

const phone = () =>
  text(40).transform((v, ctx) => {
    const n = normalisePhone(v);
    if (n.error) {
      ctx.addIssue({ code: 'custom', message: says('accounts.phone') });
      return z.NEVER;
    }
    return n.value;
  });

/**
 * PUT /api/liaison/me: what a person changes of their own record. Contact fields normalised
 * as the importer stores them; consents as booleans (dated and recorded with source `self`);
 * anything else (their name, class, student number …) is the office's: 400.
 */
export const meInput = z
  .object({
    phone: settable(phone()),
    email: settable(emailField()),
    wechat: settable(trimmed(64)),
    language: settable(oneOf(LANGUAGES)),
    city: settable(trimmed(64)),
    employer: settable(trimmed(200)),
    jobTitle: settable(trimmed(100)),
    contactConsent: optional(z.boolean(says('common.boolean'))),
    publishConsent: optional(z.boolean(says('common.boolean'))),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!Object.values(v).some((x) => x !== undefined)) addProblem(ctx, [], 'accounts.nothing');
  }, always);
export type MeInput = z.output<typeof meInput>;

/** The fields PUT /me changes that are recorded with their provenance (consents have their own history). */
export const TRACKED_FIELDS = ['phone', 'email', 'wechat', 'language', 'city', 'employer', 'jobTitle'] as const;

/** GET /api/liaison/me/export?format=json|html|pdf */
export const exportQuery = z.object({ format: withDefault(oneOf(EXPORT_FORMATS), 'json' as ExportFormat) }).strict();
