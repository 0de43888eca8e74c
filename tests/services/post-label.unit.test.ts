import { postLabel, postLabelIn, ROLE_NAMES_ZH } from '../../plugins/liaison/server/src/services/post-labels';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';

describe("a post's name", () => {
  it('reads "<holder> · <scope> · <role in Chinese>"', () => {
    expect(postLabel('李振东', '临床医学1976级1班', 'monitor')).toBe('李振东 · 临床医学1976级1班 · 班长');
    expect(postLabel(null, undefined, 'league_secretary')).toBe('— · — · 团支书');
  });

  it('names every role as the admin does', () => {
    expect(ROLE_NAMES_ZH).toEqual(Object.fromEntries(Object.entries(ENUM_LABELS.role).map(([value, [, zh]]) => [value, zh])));
  });

  it('shows the stored label in the admin’s language: the role (and a given English scope name) in English', () => {
    const label = postLabel('李振东', '临床医学1976级1班', 'monitor');
    expect(postLabelIn(label, 'zh-Hans')).toBe(label);
    expect(postLabelIn(label, 'en')).toBe('李振东 · 临床医学1976级1班 · Class monitor');
    expect(postLabelIn(postLabel('王芳', '上海校友会', 'head'), 'en', 'Shanghai Chapter')).toBe('王芳 · Shanghai Chapter · Head');
    for (const [role, [en]] of Object.entries(ENUM_LABELS.role)) expect(postLabelIn(postLabel('甲', '乙', role), 'en')).toBe(`甲 · 乙 · ${en}`);
    expect(postLabelIn(null, 'en')).toBeNull();
    expect(postLabelIn('a label of another form', 'en')).toBe('a label of another form');
  });
});
