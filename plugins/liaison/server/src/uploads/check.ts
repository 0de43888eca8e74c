import { open } from 'fs/promises';
import path from 'path';
import { errors } from '@strapi/utils';
import { MESSAGES, type Lang } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { kindOf, mayDeclare } from './kinds';

/** A file as koa-body (formidable) hands it to Strapi, or as code gives it to the upload service. */
export interface IncomingFile {
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  type?: string;
  filepath?: string;
  path?: string;
}

interface Refusal {
  name: string;
  id: 'kind' | 'declared' | 'content';
  values: Record<string, string>;
}

const HEAD_BYTES = 4100;

const headOf = async (filepath: string | undefined) => {
  if (!filepath) return Buffer.alloc(0);
  const file = await open(filepath, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
};

/** Why this file is refused (its extension, its declared type, or its content), or null. */
const refusalOf = async (file: IncomingFile): Promise<Refusal | null> => {
  const name = file.originalFilename || file.name || '(unnamed)';
  const kind = kindOf(path.extname(name));
  if (!kind) return { name, id: 'kind', values: { name } };
  const type = (file.mimetype ?? file.type ?? '').split(';')[0].trim().toLowerCase();
  if (!mayDeclare(kind, type)) return { name, id: 'declared', values: { name, type } };
  if (!kind.content(await headOf(file.filepath ?? file.path))) return { name, id: 'content', values: { name } };
  return null;
};

// The catalogue's own formatting would translate a file name that happens to be a term.
const say = ({ id, values }: Refusal, lang: Lang) =>
  MESSAGES[`uploads.${id}`][lang].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * 400 naming each refused file, by name: the multipart parser lists files in the order
 * their upload finished, not the order they were sent, so a position would mislead.
 */
const refusedError = (refusals: Refusal[], lang: Lang) => {
  const problems = refusals.map((r) => ({
    path: ['files', r.name],
    message: say(r, lang),
    name: 'ValidationError',
    messageId: `liaison.error.uploads.${r.id}`,
    values: r.values,
  }));
  return new errors.ValidationError(problems.map((p) => p.message).join(lang === 'zh-Hans' ? '；' : '; '), { errors: problems });
};

/** Throws a 400 when any of the files is not a kind the media library accepts, or is not what its name says. */
export const refuseUnacceptedFiles = async (files: IncomingFile | IncomingFile[] | null | undefined) => {
  const list = !files ? [] : Array.isArray(files) ? files : [files];
  const refusals = (await Promise.all(list.map((file) => refusalOf(file)))).filter((r): r is Refusal => r !== null);
  if (refusals.length) throw refusedError(refusals, requestLanguage());
};
