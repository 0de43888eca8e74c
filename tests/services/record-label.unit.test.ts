import { CATEGORY_NAMES_ZH, CHANNEL_NAMES_ZH, LABELS, recordLabel, type Piece } from '../../plugins/liaison/server/src/services/record-labels';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';
import { CONTENT_TYPE_FIELDS, fieldLabel } from '../../plugins/liaison/admin/src/strings/field-labels';

const values = (byAttribute: Record<string, unknown>) => (piece: Piece) => byAttribute[[...piece.path, piece.attribute].join('.')];

describe("a record's name", () => {
  it('names feedback "<alumnus> · <category in Chinese> · <date>"', () => {
    const spec = LABELS['plugin::liaison.feedback'];
    expect(recordLabel(spec, values({ 'alumnus.name': '王芳', category: 'complaint', receivedAt: '2025-06-01T03:00:00.000Z' }))).toBe(
      '王芳 · 投诉 · 2025-06-01'
    );
  });

  it('names a contact log and a training record, with a dash for what is missing', () => {
    expect(
      recordLabel(LABELS['plugin::liaison.contact-log'], values({ 'liaison.alumnus.name': '李振东', 'alumnus.name': '王芳', contactedAt: new Date('2025-05-20T02:00:00Z') }))
    ).toBe('李振东 → 王芳 · 2025-05-20');
    expect(recordLabel(LABELS['plugin::liaison.training-record'], values({ 'session.course.title': '校友工作入门' }))).toBe('— · 校友工作入门 —');
    expect(recordLabel(LABELS['plugin::liaison.appraisal'], values({ 'liaison.alumnus.name': '李振东', 'cycle.name': '2025年度考核' }))).toBe(
      '李振东 · 2025年度考核'
    );
  });

  it('names a contact with no one alumnus by its channel', () => {
    expect(recordLabel(LABELS['plugin::liaison.contact-log'], values({ 'liaison.alumnus.name': '吴博', channel: 'gathering', contactedAt: '2025-12-31' }))).toBe(
      '吴博 → 聚会 · 2025-12-31'
    );
  });

  it('names every contact channel as the admin does', () => {
    expect(CHANNEL_NAMES_ZH).toEqual(Object.fromEntries(Object.entries(ENUM_LABELS.channel).map(([value, [, zh]]) => [value, zh])));
  });

  it('names every feedback category as the admin does', () => {
    expect(CATEGORY_NAMES_ZH).toEqual(Object.fromEntries(Object.entries(ENUM_LABELS.category).map(([value, [, zh]]) => [value, zh])));
  });

  it('labels every labelled type’s name field in English and Chinese', () => {
    for (const uid of Object.keys(LABELS)) {
      expect(CONTENT_TYPE_FIELDS[uid]).toContain('label');
      const [en, zh] = fieldLabel(uid, 'label') ?? [];
      expect(en).toBeTruthy();
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
