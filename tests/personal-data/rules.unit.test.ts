import { rowNamesPerson } from '../../plugins/liaison/server/src/imports/erase';
import { namesToScrub, scrubBlocks, scrubStory, scrubText } from '../../plugins/liaison/server/src/personal-data/scrub';
import { escapeHtml, renderHtml } from '../../plugins/liaison/server/src/personal-data/render-html';
import { chooseFont, NoFontError, renderPdf } from '../../plugins/liaison/server/src/personal-data/render-pdf';
import type { ReadableDocument } from '../../plugins/liaison/server/src/personal-data/document';
import { consentsInput, eraseInput, exportQuery } from '../../plugins/liaison/server/src/personal-data/inputs';
import { parseWith } from '../../plugins/liaison/server/src/rules/inputs';

describe('taking an erased person out of texts that stay', () => {
  it('knows them by name and display names, longest first, never by one character', () => {
    expect(namesToScrub({ name: '王芳', displayName: '王芳芳', displayNameEn: 'Wang Fang' })).toEqual(['Wang Fang', '王芳芳', '王芳']);
    expect(namesToScrub({ name: '王', displayName: ' ', displayNameEn: null })).toEqual([]);
  });

  it('replaces every occurrence, Latin names in any case, and characters a pattern would read as its own', () => {
    expect(scrubText('王芳说：王芳芳和WANG FANG都来了', ['Wang Fang', '王芳芳', '王芳'], '某校友')).toBe('某校友说：某校友和某校友都来了');
    expect(scrubText('a.b (c) a.b', ['a.b (c)'], 'X')).toBe('X a.b');
    expect(scrubText('nothing here', [], 'X')).toBe('nothing here');
  });

  it('replaces names in the text leaves of a Blocks body only, links and the rest as they were', () => {
    const body = [
      { type: 'paragraph', children: [{ type: 'text', text: '王芳回乡', bold: true }, { type: 'link', url: 'https://x.cn/王芳', children: [{ type: 'text', text: '王芳的网站' }] }] },
    ];
    expect(scrubBlocks(body, ['王芳'], '某校友')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '某校友回乡', bold: true }, { type: 'link', url: 'https://x.cn/王芳', children: [{ type: 'text', text: '某校友的网站' }] }] },
    ]);
  });

  it('writes a story only when it named them, with the stand-in of its locale', () => {
    expect(scrubStory({ title: 'Wang Fang goes home', summary: null, body: null, locale: 'en' }, ['Wang Fang'])).toEqual({ title: 'an alumnus goes home', summary: null, body: null });
    expect(scrubStory({ title: '另一个故事', summary: '无关', body: '[]', locale: 'zh-Hans' }, ['王芳'])).toBeNull();
  });
});

const doc = (name: string): ReadableDocument => ({
  title: `${name}的个人数据`,
  intro: 'intro',
  sections: [
    { heading: '基本信息', kind: 'fields', rows: [['姓名', name]] },
    { heading: 'Stories', kind: 'table', columns: ['Title'], rows: [], empty: 'None' },
  ],
});

describe('the readable export', () => {
  it('escapes every value of the page', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'\``)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;');
    const html = renderHtml(doc('<img src=x onerror=alert(1)>'), 'zh-Hans');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|https?:/);
  });

  it('writes a PDF in Helvetica without a CJK font when the text allows, and refuses Chinese rather than draw boxes', async () => {
    const latin: ReadableDocument = { title: 'Personal data held about Zoë', intro: '—', sections: [{ heading: 'Record', kind: 'fields', rows: [['Name', 'Zoë “Z” Müller']] }] };
    expect(chooseFont(latin, '/nonexistent/font.ttf')).toBe('Helvetica');
    expect((await renderPdf(latin, '/nonexistent/font.ttf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(() => chooseFont(doc('王芳'), '/nonexistent/font.ttf')).toThrow(NoFontError);
  });
});

describe('the inputs', () => {
  const fields = (schema: any, data: unknown) => parseWith(schema, data).problems.map((p) => [p.path, p.id]);
  it('takes a format, a reason and consents, and names each wrong field', () => {
    expect(parseWith(exportQuery, {}).value).toEqual({ format: 'json' });
    expect(fields(exportQuery, { format: 'csv' })).toEqual([['format', 'common.oneOf']]);
    expect(parseWith(eraseInput, { reason: '  本人申请 ' }).value).toEqual({ reason: '本人申请' });
    expect(fields(eraseInput, {})).toEqual([['reason', 'required']]);
    expect(fields(eraseInput, { reason: 'a\u0000' })).toEqual([['reason', 'common.nul']]);
    expect(fields(eraseInput, { reason: 5 })).toEqual([['reason', 'required']]);
    expect(parseWith(consentsInput, { contact: false }).value).toEqual({ contact: false, source: 'admin' });
    expect(fields(consentsInput, { source: 'self' })).toEqual([['contact', 'personalData.consentNeeded']]);
    expect(fields(consentsInput, { publish: true, at: '2999-01-01' })).toEqual([['at', 'personalData.future']]);
  });
});

describe('a rejected import row that names a person (what an erasure removes)', () => {
  const person = { studentNo: 'S2015001', phone: '13912345678', email: 'wang.fang@example.cn' };
  it.each([
    [['王芳', 's2015001 ', '', ''], true],
    [['王芳', '', '+86 139-1234-5678', ''], true],
    [['王芳', '', '', 'Wang.Fang@Example.CN'], true],
    [['王芳', 'S20150012', '139123456789', 'wang.fang@example.cn.evil'], false],
    [['', '', '', ''], false],
  ])('%j → %s', (cells, names) => {
    expect(rowNamesPerson(cells, person)).toBe(names);
  });
  it('names nobody when the person has none of the three', () => {
    expect(rowNamesPerson(['', '13912345678'], { studentNo: null, phone: null, email: null })).toBe(false);
  });
});
