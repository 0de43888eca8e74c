import { ALLOWED_UPLOAD_TYPES, DENIED_UPLOAD_TYPES, isInline, kindOf, mayDeclare } from '../../plugins/liaison/server/src/uploads/kinds';

/** The media library's allowlist: which names, declared types and contents go together. */
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const box = (brands: string) => bytes([0, 0, 0, 8 + brands.length], 'ftyp', brands);

const CONTENTS = {
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  avif: box('avif\0\0\0\0mif1miaf'),
  avifCompatible: box('mif1\0\0\0\0mif1avif'),
  heic: box('heic\0\0\0\0mif1heic'),
  pdf: bytes('%PDF-1.7\n'),
  zip: bytes('PK', [3, 4], '[Content_Types].xml'),
  cfb: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  csv: bytes('name,year\nZhang Wei,2015\n'),
  page: bytes([0xef, 0xbb, 0xbf], '  <!DOCTYPE html><script>alert(1)</script>'), // after a UTF-8 byte order mark
  svg: bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  xml: bytes('<?xml version="1.0"?><x/>'),
  binary: bytes('abc', [0], 'def'),
};

describe('the kinds of upload', () => {
  it.each([
    ['.jpg', 'jpeg'], ['.JPEG', 'jpeg'], ['.png', 'png'], ['.gif', 'gif'], ['.webp', 'webp'], ['.avif', 'avif'], ['.avif', 'avifCompatible'],
    ['.png', 'jpeg'], // a photo saved under another image extension
    ['.pdf', 'pdf'], ['.docx', 'zip'], ['.xlsx', 'zip'], ['.odt', 'zip'], ['.doc', 'cfb'], ['.xls', 'cfb'], ['.ppt', 'cfb'],
    ['.csv', 'csv'], ['.txt', 'csv'],
  ] as const)('%s holding %s is accepted', (ext, content) => {
    expect(kindOf(ext)?.content(CONTENTS[content])).toBe(true);
  });

  it.each([
    ['.png', 'page'], ['.jpg', 'svg'], ['.avif', 'heic'], ['.gif', 'pdf'], ['.pdf', 'page'], ['.docx', 'cfb'], ['.doc', 'zip'],
    ['.txt', 'page'], ['.csv', 'svg'], ['.txt', 'xml'], ['.csv', 'binary'], ['.png', 'csv'],
  ] as const)('%s holding %s is refused', (ext, content) => {
    expect(kindOf(ext)?.content(CONTENTS[content])).toBe(false);
  });

  it.each(['.html', '.htm', '.js', '.mjs', '.svg', '.xml', '.xhtml', '.exe', '.zip', '', '.png.html'])('%s is no kind of upload', (ext) => {
    expect(kindOf(ext)).toBeUndefined();
  });

  it('takes the declared types of the kind, or none at all', () => {
    const image = kindOf('.png')!;
    expect(['image/png', 'image/jpeg', 'image/x-png', '', 'application/octet-stream'].map((t) => mayDeclare(image, t))).toEqual([true, true, true, true, true]);
    expect(['text/html', 'image/svg+xml', 'application/pdf'].map((t) => mayDeclare(image, t))).toEqual([false, false, false]);
    expect(mayDeclare(kindOf('.csv')!, 'application/vnd.ms-excel')).toBe(true);
  });

  it('shows images inline and nothing else', () => {
    expect(['.jpg', '.PNG', '.webp', '.avif', '.gif'].map(isInline)).toEqual([true, true, true, true, true]);
    expect(['.pdf', '.html', '.svg', '.csv', '.docx', ''].map(isInline)).toEqual([false, false, false, false, false, false]);
  });

  it("gives Strapi's check no type a browser runs", () => {
    expect(ALLOWED_UPLOAD_TYPES.filter((t) => DENIED_UPLOAD_TYPES.includes(t) || /html|svg|[/+]xml|javascript/.test(t))).toEqual([]);
  });
});
