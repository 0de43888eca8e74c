import fs from 'fs';
import path from 'path';
import { CONTENT_TYPE_FIELDS, fieldLabel } from '../../plugins/liaison/admin/src/strings/field-labels';
import { contentTypeNames } from '../../plugins/liaison/admin/src/strings/translations';

const root = path.resolve(__dirname, '../..');
const schemaFiles = [
  ...fs.readdirSync(path.join(root, 'plugins/liaison/server/src/content-types'))
    .filter((d) => !d.endsWith('.ts'))
    .map((d) => [`plugin::liaison.${d}`, path.join(root, 'plugins/liaison/server/src/content-types', d, 'schema.json')]),
];

describe('the admin speaks English and Chinese about every content type', () => {
  it.each(schemaFiles)('%s has a Chinese name and both labels for each field', (uid, file) => {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(contentTypeNames['zh-Hans'][schema.info.displayName]).toBeTruthy();
    expect(CONTENT_TYPE_FIELDS[uid].sort()).toEqual(Object.keys(schema.attributes).sort());
    for (const field of Object.keys(schema.attributes)) {
      const label = fieldLabel(uid, field);
      expect(label?.[0]).toBeTruthy();
      expect(label?.[1]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

import { enumLabel, enumLabelMessages, enumMessageId } from '../../plugins/liaison/admin/src/strings/enum-labels';

describe('enumeration values are shown in words, in English and Chinese', () => {
  it.each(schemaFiles)('%s: every value of every enumeration has both labels', (_uid, file) => {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [field, attribute] of Object.entries<any>(schema.attributes)) {
      if (attribute.type !== 'enumeration') continue;
      for (const value of attribute.enum) {
        const label = enumLabel(field, value);
        expect({ field, value, en: label?.[0] }).toEqual({ field, value, en: expect.stringMatching(/\S/) });
        expect({ field, value, zh: label?.[1] }).toEqual({ field, value, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
        expect(enumLabelMessages(1)[enumMessageId(field, value)]).toBe(label?.[1]);
      }
    }
  });

  it('tells apart the same value in different enumerations', () => {
    expect(enumLabel('postStatus', 'active')?.[1]).toBe('在任');
    expect(enumLabel('chapterStatus', 'active')?.[1]).toBe('活跃');
    expect(enumLabel('degreeLevel', 'master')).toEqual(enumLabel('degree', 'master'));
  });
});

import { MAIL_KINDS } from '../../plugins/liaison/server/src/outbox/types';

describe('the outbox names every kind of mail', () => {
  const messages = (lang: string) => JSON.parse(fs.readFileSync(path.join(root, `plugins/liaison/admin/src/translations/${lang}.json`), 'utf8'));
  it.each(MAIL_KINDS.map((k) => [k]))('%s has an English and a Chinese name', (kind) => {
    expect(messages('en')[`outbox.kind.${kind}`]).toMatch(/\S/);
    expect(messages('zh-Hans')[`outbox.kind.${kind}`]).toMatch(/[\u4e00-\u9fff]/);
  });
});

import { IMPORT_FIELDS } from '../../plugins/liaison/server/src/imports/columns';

describe('the Imports page speaks both languages', () => {
  const messages = (lang: string) => JSON.parse(fs.readFileSync(path.join(root, `plugins/liaison/admin/src/translations/${lang}.json`), 'utf8'));
  it.each(IMPORT_FIELDS.map((f) => [f]))('the field %s has an English and a Chinese name', (field) => {
    expect(messages('en')[`imports.field.${field}`]).toMatch(/\S/);
    expect(messages('zh-Hans')[`imports.field.${field}`]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('every string of the page is in both files, every Chinese one in Chinese', () => {
    const en = messages('en');
    const zh = messages('zh-Hans');
    const keys = Object.keys(en).filter((k) => k.startsWith('imports.'));
    expect(keys.length).toBeGreaterThan(80);
    expect(Object.keys(zh).filter((k) => k.startsWith('imports.')).sort()).toEqual(keys.sort());
    const untranslated = keys.filter((k) => !/[\u4e00-\u9fff]/.test(zh[k]) && !/^imports\.(encoding\.|list\.separator|chart\.part)/.test(k));
    expect(untranslated).toEqual([]);
  });
});
