import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openWorkbook, SheetRowTooLong, SheetTooWide, type SheetRow } from '../../plugins/liaison/server/src/imports/xlsx';
import { readMerges } from '../../plugins/liaison/server/src/imports/merges';

/**
 * The XLSX reader the import uses: the first tab's rows as text, read by the zip's directory,
 * whatever order the parts are stored in.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const save = (name: string, data: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
};

const rowsOf = async (file: string, maxColumns = 200, maxRowChars = 65_536) => {
  const workbook = await openWorkbook(file);
  const rows: SheetRow[] = [];
  try {
    for await (const row of workbook.rows({ maxColumns, maxRowChars })) rows.push(row);
  } finally {
    workbook.close();
  }
  return { rows, progress: workbook.progress() };
};

/** An exceljs workbook: it stores xl/workbook.xml last, after the worksheets and shared strings. */
const excelJsFile = async (name: string) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['姓名', '入学', '毕业年份', '手机', '绩点', '在读', '次年', '签名', '邮箱', '备注']);
  sheet.addRow([
    '张三',
    new Date('2015-07-01T00:00:00Z'),
    2015,
    13912345678,
    3.75,
    true,
    { formula: 'C2+1', result: 2016 },
    { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] },
    { text: 'a@example.cn', hyperlink: 'mailto:a@example.cn' },
    'a\tb',
  ]);
  sheet.addRow([]);
  sheet.getCell('A4').value = '李四';
  sheet.getCell('E4').value = '第五列';
  workbook.addWorksheet('另一页').addRow(['不读']);
  return save(name, Buffer.from(await workbook.xlsx.writeBuffer()));
};

describe('the XLSX reader', () => {
  it('reads each cell as the sheet shows it: shared and rich text, numbers whole, formulas by result, links by text', async () => {
    const { rows, progress } = await rowsOf(await excelJsFile('kinds.xlsx'));
    expect(rows).toEqual([
      { row: 1, cells: ['姓名', '入学', '毕业年份', '手机', '绩点', '在读', '次年', '签名', '邮箱', '备注'] },
      // A date is the day number Excel keeps (the import's year rule reads it); a phone stays whole.
      { row: 2, cells: ['张三', '42186', '2015', '13912345678', '3.75', 'TRUE', '2016', '张三', 'a@example.cn', 'a\tb'] },
      // The empty row 3 is not given; a gap inside a row is an empty cell.
      { row: 4, cells: ['李四', '', '', '', '第五列'] },
    ]);
    expect(progress).toBe(1);
  });

  it('reads a file whose workbook part comes last the same every time, many at once (exceljs#3064)', async () => {
    const file = await excelJsFile('race.xlsx');
    const { rows } = await rowsOf(file);
    const all = await Promise.all(Array.from({ length: 24 }, () => rowsOf(file)));
    for (const read of all) expect(read.rows).toEqual(rows);
  });

  it('reads the first tab, inline strings, prefixed elements and escaped characters, and leaves phonetic guides out', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await excelJsFile('base.xlsx')));
    // The first tab is sheet2.xml: the tabs were reordered after the sheets were made.
    const workbookXml = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      /<sheets>.*<\/sheets>/,
      '<sheets><sheet name="排在前" sheetId="2" r:id="rId5"/><sheet name="名单" sheetId="1" r:id="rId4"/></sheets>'
    );
    zip.file('xl/workbook.xml', workbookXml);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    expect(rels).toContain('Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    zip.file(
      'xl/worksheets/sheet2.xml',
      '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>王</x:t><x:r><x:t>芳</x:t></x:r><x:rPh sb="0" eb="1"><x:t>おう</x:t></x:rPh></x:is></x:c>' +
        '<x:c r="C2" t="inlineStr"><x:is><x:t>行一_x000A_行二 &amp; &lt;三&gt;</x:t></x:is></x:c><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c><x:c r="E2"><x:v>1.3912345678E10</x:v></x:c></x:row>' +
        '<x:row><x:c t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>' +
        '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>'
    );
    const file = save('tabs.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    const { rows } = await rowsOf(file);
    expect(rows).toEqual([
      { row: 2, cells: ['', '王芳', '行一\n行二 & <三>', '#N/A', '13912345678'] },
      { row: 3, cells: ['公式', 'FALSE'] },
    ]);
    // The merged ranges come from the same (first) sheet.
    const workbook = await openWorkbook(file);
    try {
      expect(await readMerges(workbook.sheet!)).toEqual([{ top: 2, left: 2, bottom: 3, right: 2 }]);
    } finally {
      workbook.close();
    }
  });

  it('stops at a cell beyond the widest row it takes, before building the row', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await excelJsFile('wide-base.xlsx')));
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"><c r="ZZZZZZ2"><v>1</v></c></row></sheetData></worksheet>'
    );
    const file = save('wide.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    const error = await rowsOf(file, 200).catch((e) => e);
    expect(error).toBeInstanceOf(SheetTooWide);
    expect(error.row).toBe(2);
  });

  it('stops at a row with more text than it takes while reading it, inline or in a value', async () => {
    for (const cell of [`<c r="B2" t="inlineStr"><is><t>${'长'.repeat(40_000)}</t><t>${'长'.repeat(40_000)}</t></is></c>`, `<c r="B2" t="str"><v>${'x'.repeat(70_000)}</v></c>`]) {
      const zip = await JSZip.loadAsync(readFileSync(await excelJsFile('long-base.xlsx')));
      zip.file(
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2">${cell}</row></sheetData></worksheet>`
      );
      const file = save('long.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
      const error = await rowsOf(file, 200, 65_536).catch((e) => e);
      expect(error).toBeInstanceOf(SheetRowTooLong);
      expect(error.row).toBe(2);
    }
  });

  it('refuses a part that is not well-formed XML, and one that defines its own entities', async () => {
    for (const [name, xml, reason] of [
      ['broken.xlsx', '<worksheet><sheetData><row r="1"><c><v>1</c></row>', /unexpected close tag/],
      [
        'entity.xlsx',
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="str"><v>&x;</v></c></row></sheetData></worksheet>',
        /undefined entity/,
      ],
    ] as [string, string, RegExp][]) {
      const zip = await JSZip.loadAsync(readFileSync(await excelJsFile(`base-${name}`)));
      zip.file('xl/worksheets/sheet1.xml', xml);
      const file = save(name, await zip.generateAsync({ type: 'nodebuffer' }));
      const error = await rowsOf(file).catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(reason);
    }
  });
});
