const ExcelJS = require('exceljs');
const fs = require('fs');
(async () => {
  const wb = new ExcelJS.Workbook(); const s = wb.addWorksheet('a');
  s.addRow(['张三', new Date('2015-07-01T00:00:00Z'), 2015, 13912345678, 1.5, true, { formula: 'C1+1', result: 2016 }, { richText: [{ text: '张' }, { text: '三' }] }, { text: 'a@example.cn', hyperlink: 'mailto:a@example.cn' }, 'a\tb']);
  fs.writeFileSync('/tmp/t2.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream('/tmp/t2.xlsx'), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) { for await (const row of sheet) console.log(JSON.stringify(row.values)); break; }
})();
