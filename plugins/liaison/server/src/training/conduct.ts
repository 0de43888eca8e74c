import type { Core } from '@strapi/strapi';

import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError, validationError } from '../utils/errors';
import { readUnsubscribeToken, unsubscribeToken } from '../outbox/rules';
import { dayOf } from '../assignment/rules/lifecycle';

const VERSION = 'plugin::liaison.conduct-version';
const ACK = 'plugin::liaison.conduct-acknowledgement';
const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';
const SERVING = ['active', 'approved'];
type User = any;

/** Tokens of acknowledgement links: the same HMAC as unsubscribe links, over a payload of their own. */
const payloadOf = (alumnus: string, version: string) => `conduct:${alumnus}:${version}`;

/**
 * The code of conduct (行为准则): versions, each acknowledged by every serving liaison, by
 * the link in the mail a new version sends, or recorded by staff.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const key = (): string => {
    const k = process.env.UNSUBSCRIBE_SECRET || (strapi.config.get('server.app.keys') as string[] | undefined)?.[0];
    if (!k) throw new Error('No key for acknowledgement links: set UNSUBSCRIBE_SECRET or APP_KEYS');
    return k;
  };
  const publicUrl = () => {
    const url = strapi.config.get('server.url');
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : 'http://localhost:1337';
  };
  const linkFor = (alumnus: string, version: string) =>
    `${publicUrl()}/api/liaison/conduct/acknowledge?token=${encodeURIComponent(unsubscribeToken(key(), payloadOf(alumnus, version)))}`;

  const current = () => strapi.db.query(VERSION).findOne({ orderBy: { version: 'desc' } });

  /** Serving liaisons (one row per person) and whether they acknowledged the version. */
  const servingPeople = async (versionId: number | null) => {
    const posts = await strapi.db.query(POST).findMany({
      where: { postStatus: { $in: SERVING } },
      select: ['documentId', 'label'],
      populate: { alumnus: { select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'] } },
    });
    const acks = versionId
      ? await strapi.db.query(ACK).findMany({ where: { conductVersion: { id: versionId } }, populate: { alumnus: { select: ['id'] } } })
      : [];
    const acknowledged = new Set(acks.map((a: any) => a.alumnus?.id));
    const people = new Map<number, { alumnus: any; post: any; acknowledged: boolean }>();
    for (const p of posts) {
      if (!p.alumnus || people.has(p.alumnus.id)) continue;
      people.set(p.alumnus.id, { alumnus: p.alumnus, post: p, acknowledged: acknowledged.has(p.alumnus.id) });
    }
    return [...people.values()];
  };

  const record = async (alumnusId: number, versionId: number, via: 'link' | 'staff') => {
    const existing = await strapi.db.query(ACK).findOne({ where: { alumnus: { id: alumnusId }, conductVersion: { id: versionId } } });
    if (existing) return { created: false, acknowledgedAt: existing.acknowledgedAt };
    const created = await strapi
      .documents(ACK as any)
      .create({ data: { alumnus: alumnusId, conductVersion: versionId, acknowledgedAt: new Date(), via } as any });
    return { created: true, acknowledgedAt: created.acknowledgedAt };
  };

  const service = {
    /** A new version: numbered after the last, effective today; every serving liaison is asked by mail. */
    async publish(body: any) {
      const problems: FieldError[] = [];
      if (typeof body?.title !== 'string' || !body.title.trim()) problems.push(fieldError('title', 'is required'));
      if (typeof body?.textZh !== 'string' || !body.textZh.trim()) problems.push(fieldError('textZh', 'is required'));
      if (body?.textEn !== undefined && body.textEn !== null && typeof body.textEn !== 'string')
        problems.push(fieldError('textEn', 'must be text'));
      if (problems.length) throw validationError(problems);
      return strapi.db.transaction(async ({ trx }) => {
        if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [774700]);
        const last = await current();
        const created = await strapi.documents(VERSION as any).create({
          data: {
            version: (last?.version ?? 0) + 1,
            title: body.title.trim(),
            textZh: body.textZh,
            textEn: body.textEn ?? null,
            effectiveFrom: dayOf(),
          } as any,
        });
        const people = await servingPeople(null);
        const mails = people
          .filter((p) => p.alumnus.email && p.alumnus.contactConsent)
          .map((p) => {
            const en = p.alumnus.language === 'en';
            const link = linkFor(p.alumnus.documentId, created.documentId);
            return {
              to: p.alumnus.email,
              subject: en
                ? `Please acknowledge the liaisons' code of conduct (version ${created.version})`
                : `请确认校友联络员行为准则（第 ${created.version} 版）`,
              text: en
                ? `Dear ${p.alumnus.name},\n\nThe alumni office has issued version ${created.version} of the liaisons' code of conduct, "${created.title}".\n\n${body.textEn || body.textZh}\n\nPlease read it and acknowledge it here: ${link}\n\nThe Alumni Office`
                : `${p.alumnus.name} 校友：您好！\n\n校友会办公室发布了校友联络员行为准则第 ${created.version} 版《${created.title}》。\n\n${body.textZh}\n\n请阅读并点击确认：${link}\n\n校友会办公室`,
              kind: 'conduct',
              dedupeKey: `conduct:${created.documentId}:${p.alumnus.documentId}`,
              alumnusId: p.alumnus.id,
              locale: (en ? 'en' : 'zh-Hans') as 'en' | 'zh-Hans',
            };
          });
        const mailed = await strapi.plugin('liaison').service('outbox').enqueue(mails);
        return {
          documentId: created.documentId,
          version: created.version,
          title: created.title,
          effectiveFrom: created.effectiveFrom,
          mailed,
        };
      });
    },

    /** The link in the mail: 'done' (again is harmless), 'invalid' (forged, or not a conduct link), 'unknown'. */
    async acknowledgeByLink(token: unknown): Promise<'done' | 'invalid' | 'unknown'> {
      const payload = readUnsubscribeToken(key(), token);
      const match = payload ? /^conduct:([^:]+):([^:]+)$/.exec(payload) : null;
      if (!match) return 'invalid';
      const [alumnus, version] = await Promise.all([
        strapi.db.query(ALUMNUS).findOne({ where: { documentId: match[1] }, select: ['id'] }),
        strapi.db.query(VERSION).findOne({ where: { documentId: match[2] }, select: ['id'] }),
      ]);
      if (!alumnus || !version) return 'unknown';
      await record(alumnus.id, version.id, 'link');
      return 'done';
    },

    /** Staff record an acknowledgement given on paper, for the current version. */
    async acknowledgeByStaff(body: any) {
      const alumnus =
        typeof body?.alumnus === 'string'
          ? await strapi.db.query(ALUMNUS).findOne({ where: { documentId: body.alumnus }, select: ['id', 'documentId', 'name'] })
          : null;
      if (!alumnus) throw validationError([fieldError('alumnus', 'no alumnus has this documentId')]);
      const version = await current();
      if (!version) throw conflictError([fieldError('version', 'there is no code of conduct yet')]);
      const { created, acknowledgedAt } = await record(alumnus.id, version.id, 'staff');
      return { alumnus: { documentId: alumnus.documentId, name: alumnus.name }, version: version.version, acknowledgedAt, created };
    },

    /** Where the current version stands: how many serving liaisons acknowledged it, and who has not. */
    async status(user?: User) {
      const version = await current();
      let people = await servingPeople(version?.id ?? null);
      const scope = user ? await strapi.plugin('liaison').service('access').scopeOf(user) : { all: true };
      if (!scope.all) {
        const allowed = await strapi.db.query(POST).findMany({
          where: {
            postStatus: { $in: SERVING },
            $or: [{ college: { id: { $in: scope.colleges } } }, { cohort: { college: { id: { $in: scope.colleges } } } }],
          },
          populate: { alumnus: { select: ['id'] } },
        });
        const ids = new Set(allowed.map((p: any) => p.alumnus?.id));
        people = people.filter((p) => ids.has(p.alumnus.id));
      }
      return {
        version: version
          ? { documentId: version.documentId, version: version.version, title: version.title, effectiveFrom: version.effectiveFrom }
          : null,
        liaisons: people.length,
        acknowledged: people.filter((p) => p.acknowledged).length,
        pending: people
          .filter((p) => !p.acknowledged)
          .slice(0, 500)
          .map((p) => ({
            alumnus: { documentId: p.alumnus.documentId, name: p.alumnus.name },
            post: { documentId: p.post.documentId, label: p.post.label },
          })),
      };
    },

    linkFor,
  };
  return service;
};

export const acknowledgePage = (outcome: 'done' | 'invalid' | 'unknown') => {
  const messages = {
    done: ['感谢您确认校友联络员行为准则。', 'Thank you: your acknowledgement of the code of conduct is recorded.'],
    invalid: ['确认链接无效，请使用邮件中的完整链接。', 'This link is not valid: please use the full link from the e-mail.'],
    unknown: ['找不到与此链接对应的记录。', 'No record matches this link.'],
  }[outcome];
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>行为准则 · Code of conduct</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.6">
<h1>行为准则 · Code of conduct</h1>
<p lang="zh-Hans">${messages[0]}</p>
<p lang="en">${messages[1]}</p>
</body></html>`;
};
