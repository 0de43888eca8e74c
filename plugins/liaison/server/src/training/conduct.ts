import type { Core } from '@strapi/strapi';

import { fieldError } from '../rules/field-error';
import type { AcknowledgementInput, ConductInput } from './inputs';
import { conflictError, requestLanguage, validationError } from '../utils/errors';
import { linkLifetimeMs, readLink, signLink } from '../utils/signed-link';
import { mailLinkBase, mailLinkKey } from '../utils/mail-links';
import type { LinkPage } from '../utils/link-page';
import { dayOf } from '../assignment/rules/lifecycle';
import { postLabelIn, scopeNamesEn } from '../services/post-labels';
import type { ConductStatus } from '../admin-api-types';
import { servingStatus } from './conduct-status';
import type { NetworkScope } from '../access/types';

const VERSION = 'plugin::liaison.conduct-version';
const ACK = 'plugin::liaison.conduct-acknowledgement';
const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';
const SERVING = ['active', 'approved'];
type User = any;

export type AcknowledgeOutcome = 'confirm' | 'done' | 'invalid' | 'expired' | 'superseded' | 'unknown';

/** What an acknowledgement link's page says: the outcome, the version the link is for, the version in force. */
export interface LinkCheck {
  outcome: AcknowledgeOutcome;
  version?: { version: number; title: string };
  current?: { version: number };
}

const shown = ({ outcome, version, current }: { outcome: AcknowledgeOutcome; version?: any; current?: any }): LinkCheck => ({
  outcome,
  ...(version ? { version: { version: version.version, title: version.title } } : {}),
  ...(current ? { current: { version: current.version } } : {}),
});

/**
 * The code of conduct (行为准则): versions, each acknowledged by every serving liaison, by
 * the link in the mail a new version sends, or recorded by staff.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const current = () => strapi.db.query(VERSION).findOne({ orderBy: { version: 'desc' } });

  /** The acknowledgement link for one liaison and one version, valid for CONDUCT_LINK_DAYS from `issuedAt`. */
  const linkFor = (alumnus: string, version: string, issuedAt = new Date()) => {
    const token = signLink(mailLinkKey(strapi), 'conduct', [alumnus, version], new Date(issuedAt.getTime() + linkLifetimeMs('conduct')));
    return `${mailLinkBase(strapi)}/api/liaison/conduct/acknowledge?token=${encodeURIComponent(token)}`;
  };

  /** Who acknowledges which version with this token, or why not; changes nothing. */
  const checkLink = async (token: unknown): Promise<{ outcome: AcknowledgeOutcome; alumnus?: any; version?: any; current?: any }> => {
    const reading = readLink(mailLinkKey(strapi), 'conduct', 2, token);
    if (!reading.ok) return { outcome: reading.reason };
    const [alumnus, version, latest] = await Promise.all([
      strapi.db.query(ALUMNUS).findOne({ where: { documentId: reading.parts[0] }, select: ['id'] }),
      strapi.db.query(VERSION).findOne({ where: { documentId: reading.parts[1] }, select: ['id', 'version', 'title'] }),
      current(),
    ]);
    if (!alumnus || !version) return { outcome: 'unknown' };
    // A link acknowledges the version it was sent for, and only while that version is in force.
    if (latest && latest.id !== version.id) return { outcome: 'superseded', version, current: latest };
    return { outcome: 'confirm', alumnus, version };
  };

  /** Serving liaisons, one row per person (those a new version is mailed to; the page's figures are conduct-status.ts). */
  const servingPeople = async () => {
    const posts = await strapi.db.query(POST).findMany({
      where: { postStatus: { $in: SERVING } },
      select: ['id', 'documentId', 'label', 'dimension', 'role'],
      populate: {
        alumnus: { select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'] },
      },
    });
    const people = new Map<number, { alumnus: any; post: any }>();
    for (const p of posts) {
      if (!p.alumnus || people.has(p.alumnus.id)) continue;
      people.set(p.alumnus.id, { alumnus: p.alumnus, post: p });
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
    async publish(body: ConductInput) {
      return strapi.db.transaction(async ({ trx }) => {
        if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [774700]);
        const last = await current();
        const created = await strapi.documents(VERSION as any).create({
          data: {
            version: (last?.version ?? 0) + 1,
            title: body.title,
            textZh: body.textZh,
            textEn: body.textEn,
            effectiveFrom: dayOf(),
          } as any,
        });
        const people = await servingPeople();
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

    /** The page the link in the mail opens (nothing changes): 'confirm' with the version, or why not. */
    async checkLink(token: unknown): Promise<LinkCheck> {
      return shown(await checkLink(token));
    },

    /** The page's button: 'done' (again is harmless), or why not (forged, expired, another purpose, superseded, unknown). */
    async acknowledgeByLink(token: unknown): Promise<LinkCheck> {
      const checked = await checkLink(token);
      if (checked.outcome !== 'confirm') return shown(checked);
      await record(checked.alumnus.id, checked.version.id, 'link');
      return shown({ ...checked, outcome: 'done' });
    },

    /** Staff record an acknowledgement given on paper, for the current version. */
    async acknowledgeByStaff(body: AcknowledgementInput) {
      const alumnus = await strapi.db.query(ALUMNUS).findOne({ where: { documentId: body.alumnus }, select: ['id', 'documentId', 'name'] });
      if (!alumnus) throw validationError([fieldError('alumnus', 'assignment.noAlumnus')]);
      const version = await current();
      if (!version) throw conflictError([fieldError('version', 'training.noConduct')]);
      const { created, acknowledgedAt } = await record(alumnus.id, version.id, 'staff');
      return { alumnus: { documentId: alumnus.documentId, name: alumnus.name }, version: version.version, acknowledgedAt, created };
    },

    /** Where the current version stands: how many serving liaisons acknowledged it, and who has not. */
    async status(user?: User): Promise<ConductStatus> {
      const version = await current();
      const scope: NetworkScope = user ? await strapi.plugin('liaison').service('access').scopeOf(user) : { all: true };
      const { liaisons, acknowledged, pending } = await servingStatus(strapi, version?.id ?? null, scope);
      const language = requestLanguage();
      const scopesEn = language === 'en' ? await scopeNamesEn(strapi, pending.map((p) => p.post_id)) : new Map<number, string>();
      return {
        version: version
          ? { documentId: version.documentId, version: version.version, title: version.title, effectiveFrom: version.effectiveFrom }
          : null,
        liaisons,
        acknowledged,
        pending: pending.map((p) => ({
          alumnus: { documentId: p.alumnus_document_id, name: p.alumnus_name },
          post: {
            documentId: p.post_document_id,
            label: postLabelIn(p.label, language, scopesEn.get(p.post_id)),
            dimension: p.dimension,
            role: p.role,
            scope: p.scope_name ?? null,
          },
        })),
      };
    },

    linkFor,
  };
  return service;
};

/** The acknowledgement link's page: the button (following the link changes nothing), or what pressing it did. */
export const acknowledgePage = ({ outcome, version, current }: LinkCheck, token?: string): LinkPage => {
  const n = version ? String(version.version) : '';
  const title = version?.title ?? '';
  const message = {
    confirm: [
      `请确认您已阅读并遵守校友联络员行为准则第 ${n} 版《${title}》。`,
      `Please confirm that you have read version ${n} of the liaisons' code of conduct, "${title}", and will abide by it.`,
    ],
    done: ['感谢您确认校友联络员行为准则。', 'Thank you: your acknowledgement of the code of conduct is recorded.'],
    invalid: ['确认链接无效，请使用邮件中的完整链接。', 'This link is not valid: please use the full link from the e-mail.'],
    expired: ['确认链接已过期，请联系校友会办公室。', 'This link has expired: please contact the alumni office.'],
    superseded: [
      `行为准则已更新至第 ${current?.version ?? ''} 版，请使用最新邮件中的链接确认。`,
      `The code of conduct has a newer version (${current?.version ?? ''}): please use the link in the latest e-mail.`,
    ],
    unknown: ['找不到与此链接对应的记录。', 'No record matches this link.'],
  }[outcome] as [string, string];
  return {
    title: ['行为准则', 'Code of conduct'],
    message,
    ...(outcome === 'confirm' && token ? { form: { token, button: ['确认', 'I acknowledge'] as const } } : {}),
  };
};
