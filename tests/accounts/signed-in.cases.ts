import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { signedInAlumnus } from '../helpers/alumni';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

describe('a signed-in alumnus', () => {
  it('is known by their own record, and only with their sign-in', async () => {
    const mine = await signedInAlumnus({ name: '李雷' });
    const theirs = await signedInAlumnus({ name: '韩梅梅' });
    const me = await http().get('/api/liaison/me').set(mine.auth);
    expect([me.status, me.body.error?.message]).toEqual([200, undefined]);
    expect(me.body.data).toMatchObject({ documentId: mine.alumnus.documentId, name: '李雷' });
    expect((await http().get('/api/liaison/me').set(theirs.auth)).body.data.name).toBe('韩梅梅');
    expect((await http().get('/api/liaison/me')).status).toBe(403);
    expect((await http().get('/api/liaison/me').set({ Authorization: 'Bearer not-a-token' })).status).toBe(401);
  });
});
