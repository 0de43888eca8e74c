import { postLabel, ROLE_NAMES_ZH } from '../../plugins/liaison/server/src/services/post-labels';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';

describe("a post's name", () => {
  it('reads "<holder> · <scope> · <role in Chinese>"', () => {
    expect(postLabel('李振东', '临床医学1976级1班', 'monitor')).toBe('李振东 · 临床医学1976级1班 · 班长');
    expect(postLabel(null, undefined, 'league_secretary')).toBe('— · — · 团支书');
  });

  it('names every role as the admin does', () => {
    expect(ROLE_NAMES_ZH).toEqual(Object.fromEntries(Object.entries(ENUM_LABELS.role).map(([value, [, zh]]) => [value, zh])));
  });
});
