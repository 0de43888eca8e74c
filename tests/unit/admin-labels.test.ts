import fs from 'fs';
import path from 'path';
import { CONTENT_TYPE_FIELDS, fieldLabel } from '../../src/admin/field-labels';
import { contentTypeNames } from '../../src/admin/translations';

const root = path.resolve(__dirname, '../..');
const schemaFiles = [
  ...fs.readdirSync(path.join(root, 'plugins/liaison/server/src/content-types'))
    .filter((d) => !d.endsWith('.ts'))
    .map((d) => [`plugin::liaison.${d}`, path.join(root, 'plugins/liaison/server/src/content-types', d, 'schema.json')]),
  ...['story', 'event'].map((d) => [`api::${d}.${d}`, path.join(root, 'src/api', d, 'content-types', d, 'schema.json')]),
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
