import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { http } from '../helpers/strapi';

/** Files as registrars' spreadsheets save them, written in the test. */
export const csvOf = (rows: (string | number)[][], options: { bom?: boolean; encoding?: 'utf-8' | 'gb18030'; delimiter?: string } = {}) => {
  const text = stringify(rows.map((r) => r.map(String)), { delimiter: options.delimiter ?? ',', record_delimiter: 'windows' });
  const body = options.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
};

export const xlsxOf = async (rows: (string | number | Date | null)[][], sheetName = '校友名单') => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const IMPORTS = '/liaison/imports';

/** POST /liaison/imports as the admin sends it: multipart with the file and the fields. */
export const upload = (token: string, file: Buffer, fileName: string, fields: Record<string, unknown> = {}, lang = 'en') => {
  let req = http().post(IMPORTS).set('Authorization', `Bearer ${token}`).set('Accept-Language', lang);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, typeof v === 'string' ? v : JSON.stringify(v));
  return req.attach('file', file, { filename: fileName, contentType: fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' });
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /liaison/imports/:documentId until the job is done or failed. */
export const waitFor = async (token: string, documentId: string, timeoutMs = 60000) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await http().get(`${IMPORTS}/${documentId}`).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
    if (res.status !== 200) throw new Error(`GET import: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.data.status === 'done' || res.body.data.status === 'failed') return res.body.data;
    if (Date.now() > until) throw new Error(`import ${documentId} still ${res.body.data.status}`);
    await pause(100);
  }
};

/** Uploads and waits: the finished import. */
export const runImport = async (token: string, file: Buffer, fileName: string, fields: Record<string, unknown> = {}) => {
  const res = await upload(token, file, fileName, fields);
  if (res.status !== 202) throw new Error(`POST import: ${res.status} ${JSON.stringify(res.body)}`);
  return waitFor(token, res.body.data.documentId);
};

/** The rejected rows file, parsed back. */
export const rejectedOf = async (token: string, documentId: string, lang = 'en') => {
  const res = await http().get(`${IMPORTS}/${documentId}/rejected.csv`).set('Authorization', `Bearer ${token}`).set('Accept-Language', lang).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
  });
  return { res, text: res.body as string };
};
