import { linkLifetimeMs, publicBaseUrl, readLink, signLink } from '../../plugins/liaison/server/src/utils/signed-link';

const key = 'a-link-key-for-tests';
const inAnHour = () => new Date(Date.now() + 3600e3);
const alumnus = 'k8h2m3n4p5q6r7s8t9u0v1w2';
const version = 'v9x8y7z6w5v4u3t2s1r0q9p8';

describe('the tokens of links in mails', () => {
  it('carry their purpose and parts, and read back only for that purpose', () => {
    const token = signLink(key, 'conduct', [alumnus, version], inAnHour());
    expect(token.startsWith('conduct.')).toBe(true);
    expect(readLink(key, 'conduct', 2, token)).toMatchObject({ ok: true, parts: [alumnus, version] });
    expect(readLink(key, 'unsubscribe', 2, token)).toEqual({ ok: false, reason: 'invalid' });
    expect(readLink(key, 'unsubscribe', 1, signLink(key, 'unsubscribe', [alumnus], inAnHour()))).toMatchObject({ ok: true, parts: [alumnus] });
  });

  it('cannot be turned to another purpose by rewriting their first word', () => {
    const unsubscribe = signLink(key, 'unsubscribe', [alumnus], inAnHour());
    expect(readLink(key, 'conduct', 1, unsubscribe.replace(/^unsubscribe/, 'conduct'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('expire, and a forged expiry is invalid, not merely expired', () => {
    const past = signLink(key, 'unsubscribe', [alumnus], new Date(Date.now() - 1000));
    expect(readLink(key, 'unsubscribe', 1, past)).toEqual({ ok: false, reason: 'expired' });
    const pieces = past.split('.');
    pieces[2] = Math.floor(Date.now() / 1000 + 86400).toString(36);
    expect(readLink(key, 'unsubscribe', 1, pieces.join('.'))).toEqual({ ok: false, reason: 'invalid' });
    const now = new Date();
    const token = signLink(key, 'unsubscribe', [alumnus], new Date(now.getTime() + 60e3));
    expect(readLink(key, 'unsubscribe', 1, token, now).ok).toBe(true);
    expect(readLink(key, 'unsubscribe', 1, token, new Date(now.getTime() + 61e3))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse another key, the wrong number of parts, odd characters', () => {
    const token = signLink(key, 'conduct', [alumnus, version], inAnHour());
    expect(readLink('another-key', 'conduct', 2, token)).toEqual({ ok: false, reason: 'invalid' });
    expect(readLink(key, 'conduct', 1, token)).toEqual({ ok: false, reason: 'invalid' });
    expect(() => signLink(key, 'conduct', ['a.b', version], inAnHour())).toThrow();
    expect(() => signLink('', 'conduct', [alumnus, version], inAnHour())).toThrow();
  });

  it('live 90 days unless configured', () => {
    expect(linkLifetimeMs('unsubscribe', {})).toBe(90 * 86400e3);
    expect(linkLifetimeMs('conduct', { CONDUCT_LINK_DAYS: '30' })).toBe(30 * 86400e3);
    expect(linkLifetimeMs('unsubscribe', { UNSUBSCRIBE_LINK_DAYS: '7' })).toBe(7 * 86400e3);
    expect(() => linkLifetimeMs('conduct', { CONDUCT_LINK_DAYS: '0' })).toThrow(/CONDUCT_LINK_DAYS/);
    expect(() => linkLifetimeMs('unsubscribe', { UNSUBSCRIBE_LINK_DAYS: 'soon' })).toThrow(/UNSUBSCRIBE_LINK_DAYS/);
  });
});

describe('the base of links in mails', () => {
  it('is the configured public URL, else localhost in development', () => {
    expect(publicBaseUrl('https://alumni-api.example.edu/')).toBe('https://alumni-api.example.edu');
    expect(publicBaseUrl('')).toBe('http://localhost:1337');
    expect(publicBaseUrl(undefined)).toBe('http://localhost:1337');
    expect(publicBaseUrl('evil.example')).toBe('http://localhost:1337');
  });
});
