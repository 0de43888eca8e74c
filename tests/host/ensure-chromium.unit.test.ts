// eslint-disable-next-line @typescript-eslint/no-var-requires
const { decide } = require('../../scripts/ensure-chromium');

/** What `npm test` does about a missing Chromium, from the facts of the machine. */
const base = { path: '/usr/bin/chromium', present: false, custom: false, skip: false, apt: true, root: false, sudo: false };

describe('ensure-chromium', () => {
  it('does nothing when Chromium is there', () => {
    expect(decide({ ...base, present: true, root: true })).toEqual({ action: 'none' });
  });

  it('installs it with apt-get as root, or through password-less sudo', () => {
    expect(decide({ ...base, root: true })).toEqual({ action: 'install', sudo: false });
    expect(decide({ ...base, sudo: true })).toEqual({ action: 'install', sudo: true });
  });

  it('explains what to do when this user may not install packages', () => {
    const d = decide(base);
    expect(d.action).toBe('explain');
    expect(d.message).toMatch(/not root, no password-less sudo/);
    expect(d.message).toMatch(/apt-get install -y chromium/);
  });

  it('never installs without apt-get, when told not to, or for a browser named by CHROMIUM_PATH', () => {
    expect(decide({ ...base, root: true, apt: false })).toMatchObject({ action: 'explain', message: expect.stringMatching(/apt-get is not available/) });
    expect(decide({ ...base, root: true, skip: true })).toMatchObject({ action: 'explain', message: expect.stringMatching(/SKIP_CHROMIUM_INSTALL/) });
    expect(decide({ ...base, root: true, custom: true, path: '/opt/chrome' })).toMatchObject({
      action: 'explain',
      message: expect.stringMatching(/CHROMIUM_PATH=\/opt\/chrome/),
    });
  });
});
