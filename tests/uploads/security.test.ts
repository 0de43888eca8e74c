import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { fullAccessToken, makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * Issue 13 §1.1: a Chapter Editor could upload a page or a script to the media library; it
 * was served from the API's own origin and ran there, with a super admin's session. Now the
 * media library takes images, PDF, office documents and text only, checks that a file holds
 * what its name says, refuses anything else with a 400 naming the file (storing nothing), and
 * serves everything under /uploads so that no browser runs it.
 */
const FILE = 'plugin::upload.file';
const PAGE = Buffer.from('<!doctype html><html><body><script>fetch("/admin/access-token",{method:"POST"})</script></body></html>');
const SCRIPT = Buffer.from('fetch("/admin/access-token", { method: "POST" }).then((r) => r.json());');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWM4Y2wMRwzEcQD7ExMhwLzAsQAAAABJRU5ErkJggg==',
  'base64'
);
const JPEG = fs.readFileSync(path.join(__dirname, '../../src/demo/images/homecoming-day.jpg'));
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
);
const CSP_SANDBOX = /default-src 'none'.*sandbox/;

interface Part {
  name: string;
  type: string;
  content: Buffer;
}
const part = (name: string, type: string, content: Buffer): Part => ({ name, type, content });

let editor: string;
let apiToken: string;

const uploadsDir = () => path.join(strapiApp().dirs.static.public, 'uploads');
/**
 * What is stored: the media library's rows (this run's own database) and the files in
 * public/uploads stored under the names of `parts` (the media library names a file
 * `<name>_<hash>.<ext>`). Only those names: the same folder may take other runs' files.
 */
const stored = async (parts: Part[]) => {
  const prefixes = parts.map((p) => `${path.parse(p.name).name.toLowerCase()}_`);
  return {
    rows: await strapiApp().db.query(FILE).count({}),
    files: fs.readdirSync(uploadsDir()).filter((file) => prefixes.some((prefix) => file.toLowerCase().startsWith(prefix))).length,
  };
};

const send = (url: string, token: string, parts: Part[], fields: Record<string, string> = {}) => {
  let req = http().post(url).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  for (const p of parts) req = req.attach('files', p.content, { filename: p.name, contentType: p.type });
  return req;
};
const upload = (parts: Part[]) => send('/upload', editor, parts);

/** A 400 naming the refused file, in the message and in the error's path. */
const expectRefused = (res: any, name: string) => {
  expect({ status: res.status, name: res.body?.error?.name }).toEqual({ status: 400, name: 'ValidationError' });
  expect(res.body.error.message).toContain(name);
  expect(res.body.error.details.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: ['files', name], message: expect.stringContaining(name) })])
  );
};

beforeAll(async () => {
  await setupStrapi();
  const chapter = await makeChapter();
  editor = (await signInStaff('Chapter Editor', { chapters: [chapter.documentId] })).token;
  apiToken = await fullAccessToken();
});
afterAll(teardownStrapi);

describe('a Chapter Editor uploading to the media library', () => {
  it.each([
    ['a page', part('evil.html', 'text/html', PAGE)],
    ['a script', part('evil.js', 'application/javascript', SCRIPT)],
    ['an SVG (it can hold a script)', part('evil.svg', 'image/svg+xml', SVG)],
    ['a .png whose content is a page', part('holiday.png', 'image/png', PAGE)],
    ['a page sent as a PNG', part('holiday.html', 'image/png', PAGE)],
    ['a PNG sent as a page', part('holiday.png', 'text/html', PNG)],
    ['a .jpg whose content is an SVG', part('holiday.jpg', 'image/jpeg', SVG)],
    ['a .pdf whose content is a page', part('minutes.pdf', 'application/pdf', PAGE)],
    ['a .txt that is a page', part('notes.txt', 'text/plain', PAGE)],
    ['a file without an extension', part('README', 'application/octet-stream', PAGE)],
  ])('is refused for %s: a 400 naming the file, and nothing is stored', async (_what, file) => {
    const before = await stored([file]);
    expectRefused(await upload([file]), file.name);
    expect(await stored([file])).toEqual(before);
  });

  it('says why in Chinese when asked', async () => {
    const res = await send('/upload', editor, [part('evil.html', 'text/html', PAGE)]).set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('evil.html');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses the whole batch when one file of it is refused, and names that file', async () => {
    const batch = [part('fine.png', 'image/png', PNG), part('evil.html', 'text/html', PAGE), part('fine.pdf', 'application/pdf', PDF)];
    const before = await stored(batch);
    const res = await upload(batch);
    expectRefused(res, 'evil.html');
    expect(res.body.error.message).not.toContain('fine.png');
    expect(await stored(batch)).toEqual(before);
  });

  it('stores images, PDF, office documents and text: 201', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Members').addRow(['name', 'year']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const parts = [
      part('pixel.png', 'image/png', PNG),
      part('photo.jpg', 'image/jpeg', JPEG),
      part('minutes.pdf', 'application/pdf', PDF),
      part('members.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx),
      part('members.csv', 'text/csv', Buffer.from('name,year\nZhang Wei,2015\n')),
    ];
    const before = await stored(parts);
    const res = await upload(parts);
    expect(res.status).toBe(201);
    expect(res.body.map((f: any) => [f.name, f.mime]).sort()).toEqual([
      ['members.csv', 'text/csv'],
      ['members.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['minutes.pdf', 'application/pdf'],
      ['photo.jpg', 'image/jpeg'],
      ['pixel.png', 'image/png'],
    ]);
    expect(await stored(parts)).toEqual({ rows: before.rows + 5, files: before.files + 5 });
  });

  it('cannot replace a file of theirs with a page, through either replace route', async () => {
    // A name of this run's own: another run may store files in the same folder meanwhile.
    const name = `mine${process.pid}.png`;
    const [mine] = (await upload([part(name, 'image/png', PNG)])).body;
    const onDisk = path.join(uploadsDir(), path.basename(mine.url));
    const bytes = fs.readFileSync(onDisk);
    const sent = [part(name, 'image/png', PAGE), part('new.svg', 'image/svg+xml', SVG)];
    const before = await stored(sent);
    expectRefused(await send(`/upload?id=${mine.id}`, editor, [sent[0]]), name);
    expectRefused(await send(`/upload/files/${mine.id}/replace`, editor, [sent[1]]), 'new.svg');
    expect(await stored(sent)).toEqual(before);
    expect(fs.readFileSync(onDisk).equals(bytes)).toBe(true);
    expect(await strapiApp().db.query(FILE).findOne({ where: { id: mine.id } })).toMatchObject({ mime: 'image/png', url: mine.url });
  });

  it('is refused on the single-file route the media library uses too', async () => {
    const page = part('evil.html', 'text/html', PAGE);
    const before = await stored([page]);
    expectRefused(await send('/upload/files', editor, [page]), 'evil.html');
    expect(await stored([page])).toEqual(before);
  });
});

describe('the content API upload', () => {
  it('refuses a page with a 400 naming it, and stores nothing', async () => {
    const sent = [part('evil.html', 'text/html', PAGE), part('cover.png', 'image/png', PAGE)];
    const before = await stored(sent);
    expectRefused(await send('/api/upload', apiToken, [sent[0]]), 'evil.html');
    expectRefused(await send('/api/upload', apiToken, [sent[1]]), 'cover.png');
    expect(await stored(sent)).toEqual(before);
  });

  it('stores an image', async () => {
    const res = await send('/api/upload', apiToken, [part('cover.jpg', 'image/jpeg', JPEG)]);
    expect(res.status).toBe(201);
  });
});

describe('code storing a file through the upload service, as the admin import from a URL does', () => {
  const service = () => strapiApp().plugin('upload').service('upload');
  const temporary = (content: Buffer) => {
    const filepath = path.join(os.tmpdir(), unique('upload'));
    fs.writeFileSync(filepath, content);
    return filepath;
  };

  it('is refused too, naming the file, and nothing is stored', async () => {
    const before = await stored([part('cover.png', 'image/png', PAGE)]);
    const files = { filepath: temporary(PAGE), originalFilename: 'cover.png', mimetype: 'image/png', size: PAGE.length };
    await expect(service().upload({ data: { fileInfo: {} }, files })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('cover.png'),
      details: { errors: [expect.objectContaining({ path: ['files', 'cover.png'] })] },
    });
    const [mine] = (await upload([part('kept.png', 'image/png', PNG)])).body;
    const file = { filepath: temporary(SVG), originalFilename: 'kept.svg', mimetype: 'image/svg+xml', size: SVG.length };
    await expect(service().replace(mine.id, { data: { fileInfo: {} }, file })).rejects.toMatchObject({ message: expect.stringContaining('kept.svg') });
    expect(await strapiApp().db.query(FILE).findOne({ where: { id: mine.id } })).toMatchObject({ mime: 'image/png', url: mine.url });
    expect(await stored([part('cover.png', 'image/png', PAGE)])).toEqual({ rows: before.rows + 1, files: before.files });
  });
});

describe('files served under /uploads', () => {
  let image: any;
  let pdf: any;
  const legacy = `legacy-${unique('page')}.html`;

  beforeAll(async () => {
    // The media library answers in the order the files finished, not the order they were sent.
    const files = (await upload([part('served.jpg', 'image/jpeg', JPEG), part('served.pdf', 'application/pdf', PDF)])).body;
    image = files.find((file: any) => file.name === 'served.jpg');
    pdf = files.find((file: any) => file.name === 'served.pdf');
    // A page stored before the media library refused pages.
    fs.writeFileSync(path.join(uploadsDir(), legacy), PAGE);
  });
  afterAll(() => fs.rmSync(path.join(uploadsDir(), legacy), { force: true }));

  const expectSandboxed = (res: any) => {
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(CSP_SANDBOX);
  };

  it('an image is shown inline, sandboxed, and not sniffed', async () => {
    const res = await http().get(image.url);
    expectSandboxed(res);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBeGreaterThan(1000);
  });

  it('an image format (the thumbnail Strapi made) too', async () => {
    const res = await http().get(image.formats.thumbnail.url);
    expectSandboxed(res);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('a PDF is downloaded as an attachment', async () => {
    const res = await http().get(pdf.url);
    expectSandboxed(res);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('a page stored before the fix is downloaded, sandboxed, however its address is spelt', async () => {
    for (const url of [`/uploads/${legacy}`, `/%75ploads/${legacy}`, `/uploads%2F${legacy}`, `/robots.txt/../uploads/${legacy}`]) {
      const res = await http().get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expectSandboxed(res);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
    }
  });

  it('a range of a page is sandboxed too', async () => {
    const res = await http().get(`/uploads/${legacy}`).set('Range', 'bytes=0-9');
    expect(res.status).toBe(206);
    expect(res.headers['content-security-policy']).toMatch(CSP_SANDBOX);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('other public files keep their own headers', async () => {
    const res = await http().get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toMatch(/sandbox/);
  });
});
