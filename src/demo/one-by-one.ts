/**
 * The slow way, for comparison: the same demo records created one at a time through
 * `strapi.documents(uid).create` (and `update` + `publish` for a second locale), with
 * every Document Service middleware, validation and integrity check on the way.
 * The benchmark times it against the batched loader.
 */
import type { Core, UID } from '@strapi/strapi';
import type { DemoData, LocalizedDocument } from './generate';
import { DEMO_TYPES } from './load';

export interface OneByOneResult {
  /** Documents created per content type. */
  counts: Record<string, number>;
  /** Milliseconds spent per content type. */
  milliseconds: Record<string, number>;
}

type Fields = Record<string, unknown>;

export async function createOneByOne(
  strapi: Core.Strapi,
  data: DemoData,
  onProgress?: (step: string, done: number, total: number) => void
): Promise<OneByOneResult> {
  const documentIds = new Map<string, string[]>();
  const counts: Record<string, number> = {};
  const milliseconds: Record<string, number> = {};

  for (const { uid, key } of DEMO_TYPES) {
    const contentType = strapi.contentType(uid);
    const attributes = contentType.attributes as Record<string, { type: string; target?: string }>;
    const localized = (contentType.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;
    const records = data[key] as readonly object[];
    const ids: string[] = new Array(records.length);
    documentIds.set(uid, ids);

    /** Relations as document ids, the way an API client would send them. */
    const toInput = (fields: Fields): Fields => {
      const input: Fields = {};
      for (const [name, value] of Object.entries(fields)) {
        const attribute = attributes[name];
        if (attribute?.type !== 'relation') {
          input[name] = value;
          continue;
        }
        const targets = documentIds.get(attribute.target as string) ?? [];
        const resolve = (index: number) => {
          const id = targets[index];
          if (!id) throw new Error(`createOneByOne: ${uid}.${name} needs ${attribute.target} #${index} first`);
          return id;
        };
        input[name] = value === null ? null : Array.isArray(value) ? value.map(resolve) : resolve(value as number);
      }
      return input;
    };

    // A post names its successor, which comes later in the list: create from the end.
    const order = records.map((_, i) => i);
    if (uid === 'plugin::liaison.liaison') order.reverse();
    const documents = strapi.documents(uid as UID.ContentType);
    const started = Date.now();
    let done = 0;
    for (const i of order) {
      const record = records[i];
      if (localized) {
        const doc = record as LocalizedDocument<Fields, Fields>;
        const [first, ...others] = Object.keys(doc.locales) as (keyof typeof doc.locales)[];
        const created = await documents.create({
          data: toInput({ ...doc.shared, ...doc.locales[first] }) as never,
          locale: first,
          status: 'published',
        });
        for (const locale of others) {
          await documents.update({
            documentId: created.documentId,
            locale,
            data: toInput({ ...doc.shared, ...doc.locales[locale] }) as never,
          });
          await documents.publish({ documentId: created.documentId, locale });
        }
        ids[i] = created.documentId;
      } else {
        const created = await documents.create({ data: toInput(record as Fields) as never });
        ids[i] = created.documentId;
      }
      done += 1;
      if (done % 100 === 0 || done === records.length) onProgress?.(uid, done, records.length);
    }
    milliseconds[uid] = Date.now() - started;
    counts[uid] = records.length;
  }
  return { counts, milliseconds };
}
