import fs from 'fs';
import path from 'path';
import * as vocabulary from '../../plugins/liaison/server/src/vocabulary';
import { ROLE_NAMES_ZH } from '../../plugins/liaison/server/src/services/label-names';
import { enumLabel } from '../../plugins/liaison/admin/src/strings/enum-labels';
import { DIMENSIONS as BOARD_DIMENSIONS, END_REASONS as BOARD_END_REASONS } from '../../plugins/liaison/admin/src/api/board';

const postSchema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../plugins/liaison/server/src/content-types/liaison/schema.json'), 'utf8')
);
const schemaValues = (field: string): string[] => postSchema.attributes[field].enum;

/** The network's words, defined once: the values from the post's schema, their names in both languages. */
describe('the vocabulary', () => {
  it.each(Object.entries(vocabulary.POST_ENUM_NAMES))('names every value of the post field %s, and nothing else', (field, names) => {
    expect(Object.keys(names).sort()).toEqual([...schemaValues(field)].sort());
    for (const name of Object.values(names)) {
      expect(name.en).toMatch(/\S/);
      expect(name['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives every role of a dimension a value the schema knows', () => {
    expect([...vocabulary.DIMENSIONS]).toEqual(schemaValues('dimension'));
    for (const roles of Object.values(vocabulary.ROLES_BY_DIMENSION)) for (const role of roles) expect(schemaValues('role')).toContain(role);
  });

  it('is the one the admin, the records and the public directory speak', () => {
    // The admin's board offers every end reason the server accepts, "replaced" included.
    expect([...BOARD_END_REASONS]).toEqual(schemaValues('endReason'));
    expect([...BOARD_DIMENSIONS]).toEqual(schemaValues('dimension'));
    for (const role of schemaValues('role')) {
      expect(enumLabel('role', role)).toEqual([vocabulary.ROLE_NAMES[role as vocabulary.Role].en, ROLE_NAMES_ZH[role]]);
    }
    // The board and the overview name a chapter's dimension the same way; the directory calls a chapter's head 会长 as the admin does.
    expect(enumLabel('dimension', 'region')?.[1]).toBe('地区校友会');
    expect(vocabulary.nameOf(vocabulary.ROLE_NAMES, 'head', 'zh-Hans')).toBe('会长');
  });
});
