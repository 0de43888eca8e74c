import iconv from 'iconv-lite';
import { planColumns, recognise, headerKey } from '../../plugins/liaison/server/src/imports/columns';
import {
  normaliseCountry,
  normaliseDegree,
  normaliseEmail,
  normaliseGender,
  normaliseName,
  normalisePhone,
  normaliseStudentNo,
  normaliseYear,
  cleanText,
} from '../../plugins/liaison/server/src/imports/normalise';
import { matchKey, toSimplified } from '../../plugins/liaison/server/src/imports/chinese';
import { checkRow } from '../../plugins/liaison/server/src/imports/rows';
import { changeOf, matcherFor, type Snapshot } from '../../plugins/liaison/server/src/imports/resolve';
import { detectDelimiter, detectEncoding, formatOf } from '../../plugins/liaison/server/src/imports/read';
import { mergedRange, mergeFiller } from '../../plugins/liaison/server/src/imports/merges';
import { rejectedCsv } from '../../plugins/liaison/server/src/imports/service';
import { neutralise } from '../../plugins/liaison/server/src/utils/spreadsheet';
import { importMessage, reasonOf, IMPORT_MESSAGES } from '../../plugins/liaison/server/src/imports/messages';

describe('headers are recognised in Chinese (simplified or traditional) and English', () => {
  it.each([
    ['姓名', 'name'],
    ['学号', 'studentNo'],
    ['學號', 'studentNo'],
    ['性别', 'gender'],
    ['学院', 'college'],
    ['專業', 'major'],
    ['学历', 'degree'],
    ['毕业年份', 'gradYear'],
    ['畢業年份', 'gradYear'],
    ['班级', 'cohort'],
    ['手机', 'phone'],
    ['手机号码（必填）', 'phone'],
    ['邮箱', 'email'],
    ['微信', 'wechat'],
    ['工作单位', 'employer'],
    ['职务', 'jobTitle'],
    ['国家/地区', 'country'],
    ['國家/地區', 'country'],
    ['省份', 'province'],
    ['城市', 'city'],
    ['行业', 'industry'],
    ['*Name', 'name'],
    ['Student No', 'studentNo'],
    ['student_number', 'studentNo'],
    ['E-mail', 'email'],
    ['Graduation Year', 'gradYear'],
    ['Job title', 'jobTitle'],
    ['  Mobile  ', 'phone'],
  ])('%s → %s', (header, field) => {
    expect(recognise(header)).toBe(field);
  });

  it('does not guess at headers it does not know', () => {
    expect(recognise('备注')).toBeNull();
    expect(recognise('row')).toBeNull();
    expect(recognise('')).toBeNull();
    expect(headerKey('Ｅｍａｉｌ：')).toBe('email');
  });

  it('plans the columns: the mapping wins, ignored columns, required columns and columns read twice are reported', () => {
    const plan = planColumns(['姓名', '学号', '备注', 'Tel', '手机'], { 备注: 'wechat', Tel: null });
    expect(plan.problems).toEqual([]);
    expect(plan.columns.map((c) => c.field)).toEqual(['name', 'studentNo', 'wechat', null, 'phone']);

    expect(planColumns(['姓名', '学号', '手机', '电话'], {}, 'a.csv').problems).toEqual([
      { path: 'mapping', id: 'imports.file.columnTwice', values: { columns: '手机, 电话', field: 'phone' } },
    ]);
    expect(planColumns(['姓名', '手机'], {}, 'a.csv').problems).toEqual([
      { path: 'file', id: 'imports.file.noColumn', values: { file: 'a.csv', field: 'studentNo', examples: expect.any(String) } },
    ]);
    expect(planColumns(['姓名', '学号'], { 学历: 'degree' }).problems).toEqual([{ path: 'mapping.学历', id: 'imports.mapping.column', values: { column: '学历' } }]);
  });
});

describe('cells are normalised', () => {
  it.each([
    ['+86 139-1234-5678', '13912345678'],
    ['0086 13912345678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['（+86）139.1234.5678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    ['010-6275 1234', '01062751234'],
    ['+86 10 6275 1234', '01062751234'],
    ['+1 (408) 555-0123', '+14085550123'],
    ['001 408 555 0123', '+14085550123'],
    ['', null],
  ])('phone %s → %s', (raw, value) => {
    expect(normalisePhone(raw)).toEqual({ value });
  });

  it.each(['12345', '1391234567', 'abc', '139-1234-567x', '+86 139 1234 56789'])('refuses the phone %s', (raw) => {
    expect(normalisePhone(raw)).toEqual({ error: 'imports.row.phone' });
  });

  it('lower-cases e-mails and refuses bad ones', () => {
    expect(normaliseEmail('  Zhang.Wei@Example.EDU.cn ')).toEqual({ value: 'zhang.wei@example.edu.cn' });
    expect(normaliseEmail('li＠example.com')).toEqual({ value: 'li@example.com' });
    for (const bad of ['zhang', 'a@b', 'a b@example.com', 'a@@example.com', 'a@example..com']) expect(normaliseEmail(bad)).toEqual({ error: 'imports.row.email' });
  });

  it('trims names, keeps them as written, and refuses what is not a name', () => {
    expect(normaliseName('  張　偉 ')).toEqual({ value: '張 偉' });
    expect(normaliseName('=HYPERLINK("http://x")')).toEqual({ error: 'imports.row.name' });
    expect(normaliseName('12345')).toEqual({ error: 'imports.row.name' });
    expect(cleanText('\ufeff  李\u200b四  ')).toBe('李四');
  });

  it('reads years, genders, degrees, countries and student numbers', () => {
    expect(normaliseYear('2015届', new Date('2026-01-01'))).toEqual({ value: 2015 });
    expect(normaliseYear('2015.0', new Date('2026-01-01'))).toEqual({ value: 2015 });
    expect(normaliseYear(' 1899 ', new Date('2026-01-01'))).toEqual({ error: 'imports.row.year' });
    expect(normaliseYear('2099', new Date('2026-01-01'))).toEqual({ error: 'imports.row.year' });
    expect(normaliseYear('二〇一五', new Date('2026-01-01'))).toEqual({ error: 'imports.row.year' });
    expect(normaliseGender('男')).toEqual({ value: 'male' });
    expect(normaliseGender('F')).toEqual({ value: 'female' });
    expect(normaliseGender('?')).toEqual({ error: 'imports.row.gender' });
    expect(normaliseDegree('本科')).toEqual({ value: 'bachelor' });
    expect(normaliseDegree('碩士')).toEqual({ value: 'master' });
    expect(normaliseDegree('PhD')).toEqual({ value: 'doctor' });
    expect(normaliseCountry('中国')).toEqual({ value: 'CN' });
    expect(normaliseCountry('中國')).toEqual({ value: 'CN' });
    expect(normaliseCountry('United States')).toEqual({ value: 'US' });
    expect(normaliseCountry('美国')).toEqual({ value: 'US' });
    expect(normaliseCountry('香港')).toEqual({ value: 'HK' });
    expect(normaliseCountry('Atlantis')).toEqual({ error: 'imports.row.country' });
    expect(normaliseStudentNo(' ２０１５ 0001 ')).toEqual({ value: '20150001' });
  });

  it('matches traditional and simplified names alike', () => {
    expect(toSimplified('臨床醫學院')).toBe('临床医学院');
    expect(matchKey('臨床 醫學院')).toBe(matchKey('临床医学院'));
    expect(matchKey('School of Medicine')).toBe('schoolofmedicine');
  });
});

describe('a row is checked cell by cell', () => {
  const plan = planColumns(['姓名', '学号', '手机', '邮箱', '毕业年份', '班级']);
  const today = new Date('2026-03-01');

  it('gives the normalised values of a good row', () => {
    const result = checkRow(plan, 2, ['王芳', '2015001', '+86 139 1234 5678', 'WANG@EXAMPLE.CN', '2015', '临床医学2010级1班'], today);
    expect(result).toMatchObject({
      ok: true,
      row: { row: 2, values: { name: '王芳', studentNo: '2015001', phone: '13912345678', email: 'wang@example.cn' }, gradYear: 2015, refs: { cohort: '临床医学2010级1班' } },
    });
  });

  it('names each bad cell by its column', () => {
    const result = checkRow(plan, 7, ['', '2015002', '12345', 'nope', '1850', ''], today);
    expect(result).toEqual({
      ok: false,
      row: 7,
      cells: expect.any(Array),
      problems: [
        { column: '手机', id: 'imports.row.phone', values: { value: '12345' } },
        { column: '邮箱', id: 'imports.row.email', values: { value: 'nope' } },
        { column: '毕业年份', id: 'imports.row.year', values: { value: '1850' } },
        { column: '姓名', id: 'imports.row.required' },
      ],
    });
    if (!result.ok) {
      expect(reasonOf(result.problems, 'en')).toBe('手机: bad phone number: 12345; 邮箱: bad e-mail address: nope; 毕业年份: impossible graduation year: 1850; 姓名: is required');
      expect(reasonOf(result.problems, 'zh-Hans')).toContain('手机：电话号码有误：12345；');
    }
  });
});

describe('colleges, classes and industry groups are matched by code or name', () => {
  const snapshot: Snapshot = {
    colleges: [
      { id: 1, code: 'MED', name: '临床医学院', nameEn: 'School of Medicine' },
      { id: 2, code: 'LAW', name: '法学院', nameEn: 'Law School' },
    ],
    cohorts: [
      { id: 10, code: 'MED2015B01', className: '临床医学2010级1班', gradYear: 2015, degreeLevel: 'bachelor', college: 1 },
      { id: 11, code: 'MED2015B02', className: '临床医学2010级2班', gradYear: 2015, degreeLevel: 'bachelor', college: 1 },
      { id: 12, code: 'LAW2015B01', className: '法学2011级1班', gradYear: 2015, degreeLevel: 'bachelor', college: 2 },
      { id: 13, code: 'LAW2016B01', className: '法学2012级1班', gradYear: 2016, degreeLevel: 'bachelor', college: 2 },
    ],
    industries: [{ id: 5, code: 'I', name: '信息传输、软件和信息技术服务业', nameEn: 'Information technology' }],
  };
  const columns = { college: '学院', cohort: '班级', industry: '行业', gradYear: '毕业年份', studentNo: '学号' };
  const plan = planColumns(['姓名', '学号', '学院', '班级', '毕业年份', '行业', '学历']);
  const row = (cells: string[]) => {
    const r = checkRow(plan, 2, ['张三', 'S1', ...cells], new Date('2026-01-01'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.row;
  };
  const all = { all: true } as const;

  it('by code, by simplified or traditional name, by English name', () => {
    const m = matcherFor(snapshot, {}, all, columns);
    expect(m.resolve(row(['MED', 'MED2015B02', '', 'I', '']))).toEqual({ resolved: { college: { id: 1 }, cohort: { id: 11 }, industry: { id: 5 } } });
    expect(m.resolve(row(['臨床醫學院', '臨床醫學2010級1班', '2015', 'information technology', '']))).toEqual({
      resolved: { college: { id: 1 }, cohort: { id: 10 }, industry: { id: 5 } },
    });
    // The college's only class of that year: law has one in 2016.
    expect(m.resolve(row(['Law School', '', '2016', '', '']))).toEqual({ resolved: { college: { id: 2 }, cohort: { id: 13 } } });
  });

  it('rejects what it cannot place, naming the column', () => {
    const m = matcherFor(snapshot, {}, all, columns);
    expect(m.resolve(row(['商学院', '', '', '', '']))).toEqual({ problems: [{ column: '学院', id: 'imports.row.unknownCollege', values: { value: '商学院' } }] });
    expect(m.resolve(row(['MED', '临床医学2099级1班', '2015', '', '']))).toEqual({ problems: [{ column: '班级', id: 'imports.row.unknownCohort', values: { value: '临床医学2099级1班' } }] });
    expect(m.resolve(row(['LAW', 'MED2015B01', '', '', '']))).toMatchObject({ problems: [{ column: '班级', id: 'imports.row.cohortCollege' }] });
    expect(m.resolve(row(['MED', '', '2015', '', '']))).toMatchObject({ problems: [{ column: '班级', id: 'imports.row.cohortMissing', values: { count: 2, year: 2015 } }] });
    expect(m.resolve(row(['', '', '', '农业', '']))).toMatchObject({ problems: [{ column: '行业', id: 'imports.row.unknownIndustry' }] });
  });

  it('creates classes where allowed, once however many rows name them', () => {
    const m = matcherFor(snapshot, { cohorts: true }, all, columns);
    const a = m.resolve(row(['MED', '临床医学2011级1班', '2016', '', '硕士']));
    const b = m.resolve(row(['临床医学院', '臨床醫學2011級1班', '2016', '', '硕士']));
    expect(a).toMatchObject({ resolved: { college: { id: 1 }, cohort: { created: { kind: 'cohort', className: '临床医学2011级1班', gradYear: 2016, degreeLevel: 'master' } } } });
    expect((b as any).resolved.cohort.created).toBe((a as any).resolved.cohort.created);
    expect(m.created.cohorts.size).toBe(1);
    expect(m.resolve(row(['', '新班', '', '', '']))).toEqual({ problems: [{ column: '班级', id: 'imports.row.cohortNeeds' }] });
  });

  it("keeps College Staff to their colleges' alumni", () => {
    const m = matcherFor(snapshot, { cohorts: true }, { all: false, colleges: [1] }, columns);
    expect(m.resolve(row(['MED', 'MED2015B01', '', '', '']))).toMatchObject({ resolved: { college: { id: 1 } } });
    expect(m.resolve(row(['LAW', 'LAW2015B01', '', '', '']))).toEqual({ problems: [{ column: '学院', id: 'imports.row.otherCollege' }] });
    expect(m.resolve(row(['', 'LAW2016B01', '', '', '']))).toEqual({ problems: [{ column: '班级', id: 'imports.row.otherCollege' }] });
  });

  it('tells new, updated and unchanged apart; an empty cell keeps what is stored', () => {
    const stored = {
      id: 7,
      documentId: 'd',
      studentNo: 'S1',
      values: { name: '张三', phone: '13912345678', email: null } as Record<string, string | null>,
      cohort: 10,
      industry: null,
      college: 1,
    };
    expect(changeOf({ name: '张三', studentNo: 'S1' }, {}, undefined)).toEqual({ kind: 'new' });
    expect(changeOf({ name: '张三', studentNo: 'S1', phone: '13912345678', email: null }, { cohort: { id: 10 } }, stored)).toEqual({ kind: 'unchanged' });
    expect(changeOf({ name: '张三', studentNo: 'S1', email: 'z@example.cn' }, { cohort: { id: 11 } }, stored)).toEqual({
      kind: 'updated',
      attributes: ['email'],
      cohort: { id: 11 },
    });
  });
});

describe('files', () => {
  it('knows CSV and XLSX by extension only', () => {
    expect(formatOf('名单.CSV')).toBe('csv');
    expect(formatOf('a.xlsx')).toBe('xlsx');
    expect(formatOf('a.xls')).toBeNull();
    expect(formatOf('a.txt')).toBeNull();
  });

  it('detects UTF-8 (with or without BOM), GB18030 and binary files', () => {
    const text = '姓名,学号,学院\n张三,2015001,临床医学院\n李四,2015002,法学院\n';
    expect(detectEncoding(Buffer.from(text), false)).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), false)).toBe('utf-8-bom');
    expect(detectEncoding(iconv.encode(text, 'gb18030'), false)).toBe('gb18030');
    expect(detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), false)).toBeNull();
    // A sample cut in the middle of a character is still UTF-8.
    const cut = Buffer.from(text).subarray(0, 5);
    expect(detectEncoding(cut, true)).toBe('utf-8');
  });

  it('finds the separator', () => {
    expect(detectDelimiter('姓名,学号,"a,b"')).toBe(',');
    expect(detectDelimiter('姓名\t学号\t学院')).toBe('\t');
    expect(detectDelimiter('姓名;学号;学院')).toBe(';');
  });

  it('writes rejected rows as they were, with row and reason, formulas neutralised', () => {
    expect(neutralise('=1+2')).toBe("'=1+2");
    expect(neutralise('+86 139')).toBe("'+86 139");
    expect(neutralise('-5')).toBe("'-5");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('\rx')).toBe("'\rx");
    expect(neutralise('王芳')).toBe('王芳');
    const csv = rejectedCsv(['姓名', '手机'], [{ row: 3, cells: ['=cmd|calc', '12345'], problems: [{ column: '手机', id: 'imports.row.phone', values: { value: '12345' } }] }], 'en');
    expect(csv).toBe("\ufeffrow,姓名,手机,reason\n3,'=cmd|calc,12345,手机: bad phone number: 12345\n");
  });

  it('has every message in both languages', () => {
    for (const [id, m] of Object.entries(IMPORT_MESSAGES)) {
      expect({ id, en: m.en.length > 0 }).toEqual({ id, en: true });
      expect({ id, zh: /[\u4e00-\u9fff]/.test(m['zh-Hans']) }).toEqual({ id, zh: true });
    }
    expect(importMessage('imports.file.noColumn', { file: 'a.csv', field: 'studentNo', examples: '学号' }, 'zh-Hans')).toBe('a.csv 缺少“学号”列（表头如 学号）');
  });
});

describe('merged cells of a worksheet', () => {
  it('reads a merged range as its corners, in either order; anything else is not one', () => {
    expect(mergedRange('C3:C7')).toEqual({ top: 3, left: 3, bottom: 7, right: 3 });
    expect(mergedRange('AB10:Z2')).toEqual({ top: 2, left: 26, bottom: 10, right: 28 });
    expect(mergedRange('$A$1:$F$1')).toEqual({ top: 1, left: 1, bottom: 1, right: 6 });
    expect(mergedRange('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(mergedRange('B0:B3')).toBeNull();
    expect(mergedRange('Sheet1!A1:A2')).toBeNull();
  });

  it('fills every cell of a range with its first cell, down and across, rows in order', () => {
    const fill = mergeFiller([mergedRange('C2:C4')!, mergedRange('A6:B7')!, mergedRange('D3:D3')!]);
    expect(fill(1, ['a', 'b'])).toEqual(['a', 'b']);
    expect(fill(2, ['x', '1', '医学院'])).toEqual(['x', '1', '医学院']);
    expect(fill(3, ['y', '2', ''])).toEqual(['y', '2', '医学院']);
    // A row shorter than the range is lengthened; a cell with its own value keeps it.
    expect(fill(4, ['z'])).toEqual(['z', '', '医学院']);
    expect(fill(5, ['w', '', ''])).toEqual(['w', '', '']);
    expect(fill(6, ['注', '', 'c'])).toEqual(['注', '注', 'c']);
    expect(fill(7, ['', '', 'd'])).toEqual(['注', '注', 'd']);
    expect(fill(8, ['', 'e'])).toEqual(['', 'e']);
  });

  it('a range whose first row the file lacks fills nothing', () => {
    const fill = mergeFiller([mergedRange('B2:B3')!]);
    expect(fill(3, ['a', ''])).toEqual(['a', '']);
  });
});
