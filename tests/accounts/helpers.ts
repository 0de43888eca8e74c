import { http, strapiApp } from '../helpers/strapi';

export const accounts = () => strapiApp().plugin('liaison').service('accounts');

/** The mails of the accounts sent to this address so far, oldest first (once the work after the answers is done). */
export const mailsTo = async (to: string) => {
  await accounts().idle();
  return strapiApp()
    .db.query('plugin::liaison.notification')
    .findMany({ where: { to, kind: 'account' }, orderBy: { id: 'asc' } });
};

/** The token of the last link mailed to this address. */
export const lastToken = async (to: string): Promise<string | null> => {
  const mails = await mailsTo(to);
  const text = mails.length ? String(mails[mails.length - 1].text) : '';
  const found = /token=([^\s&]+)/.exec(text);
  return found ? decodeURIComponent(found[1]) : null;
};

export const claim = (body: unknown) => http().post('/api/liaison/account/claim').send(body as object);
export const activate = (token: string, password = 'Garden-Path-2026') => http().post('/api/liaison/account/activate').send({ token, password });

/** The message ids of an error answer, by path: { token: 'liaison.error.accounts.tokenUsed' }. */
export const problems = (res: any) =>
  Object.fromEntries(((res.body?.error?.details?.errors ?? []) as any[]).map((e) => [e.path.join('.'), e.messageId]));

/** A person claims their record and activates it: signed in. */
export const claimAndActivate = async (person: { name: string; studentNo?: string; email: string }, password = 'Garden-Path-2026') => {
  const res = await claim({ name: person.name, studentNo: person.studentNo, email: person.studentNo ? undefined : person.email });
  if (res.status !== 202) throw new Error(`claim: ${res.status}`);
  const token = await lastToken(person.email);
  if (!token) throw new Error('no link mailed');
  const done = await activate(token, password);
  if (done.status !== 201) throw new Error(`activate: ${done.status} ${JSON.stringify(done.body)}`);
  return { ...done.body, auth: { Authorization: `Bearer ${done.body.jwt}` } };
};

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
