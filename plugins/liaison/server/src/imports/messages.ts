/**
 * The import's messages in the admin's two languages, by id. Kept apart from the rules'
 * catalogue (rules/messages.ts): an import names its problems by id from the start (a
 * rejected row stores `{ column, id, values }`), and only this module turns them into text,
 * in the language of whoever reads the report.
 */
export type ImportLang = 'en' | 'zh-Hans';

export const IMPORT_MESSAGES = {
  // the file
  'imports.file.missing': { en: 'send the file to import in the multipart field "file"', 'zh-Hans': '请在 multipart 字段 "file" 中上传要导入的文件' },
  'imports.file.extension': {
    en: '{file}: only .csv and .xlsx files can be imported',
    'zh-Hans': '{file}：只能导入 .csv 或 .xlsx 文件',
  },
  'imports.file.empty': { en: '{file} is empty', 'zh-Hans': '{file} 是空文件' },
  'imports.file.onlyHeaders': { en: '{file} has a header row but no rows of data', 'zh-Hans': '{file} 只有表头，没有数据行' },
  'imports.file.tooBig': { en: '{file} is larger than the {limit} MB an upload may have', 'zh-Hans': '{file} 超过了上传文件的上限 {limit} MB' },
  'imports.file.encoding': {
    en: '{file} is not text in UTF-8 or GB18030/GBK: save it as "CSV UTF-8" and try again',
    'zh-Hans': '{file} 不是 UTF-8 或 GB18030/GBK 编码的文本：请另存为“CSV UTF-8”后重试',
  },
  'imports.file.unreadable': { en: '{file} cannot be read: {detail}', 'zh-Hans': '无法读取 {file}：{detail}' },
  'imports.file.rowTooBig': {
    en: '{file}: row {row} is larger than {limit} characters',
    'zh-Hans': '{file}：第 {row} 行超过 {limit} 个字符',
  },
  'imports.file.tooManyColumns': { en: '{file}: row {row} has more than {limit} columns', 'zh-Hans': '{file}：第 {row} 行超过 {limit} 列' },
  'imports.file.noColumn': {
    en: '{file} has no column for {field} (headers such as {examples})',
    'zh-Hans': '{file} 缺少“{field}”列（表头如 {examples}）',
  },
  'imports.file.columnTwice': {
    en: 'the columns {columns} are all read as {field}: map only one of them',
    'zh-Hans': '{columns} 这几列都被识别为“{field}”：请只映射其中一列',
  },
  'imports.file.vanished': { en: 'the uploaded file is no longer on this server', 'zh-Hans': '上传的文件已不在此服务器上' },
  // the request
  'imports.mapping.json': { en: 'must be a JSON object: column header → field', 'zh-Hans': '须为 JSON 对象：列标题 → 字段' },
  'imports.mapping.field': { en: '{value} is not a field that can be imported ({fields})', 'zh-Hans': '“{value}”不是可导入的字段（{fields}）' },
  'imports.mapping.column': { en: 'the file has no column {column}', 'zh-Hans': '文件中没有“{column}”列' },
  'imports.create.json': {
    en: 'must be a JSON object such as {"cohorts": true}',
    'zh-Hans': '须为 JSON 对象，如 {"cohorts": true}',
  },
  'imports.create.scope': {
    en: 'College Staff cannot create {what}: ask the alumni office',
    'zh-Hans': '学院工作人员不能新建{what}：请联系校友办',
  },
  'imports.unknownParameter': { en: 'is not a parameter of an import', 'zh-Hans': '不是导入的参数' },
  'imports.oneFile': { en: 'send one file at a time', 'zh-Hans': '每次只能上传一个文件' },
  'imports.page': { en: 'must be a whole number from {min} to {max}', 'zh-Hans': '须为 {min} 至 {max} 之间的整数' },
  'imports.boolean': { en: 'must be true or false', 'zh-Hans': '须为 true 或 false' },
  'imports.notFound': { en: 'no import has this documentId', 'zh-Hans': '没有此编号的导入' },
  // a row
  'imports.row.required': { en: 'is required', 'zh-Hans': '为必填项' },
  'imports.row.tooLong': { en: 'is longer than {max} characters', 'zh-Hans': '超过 {max} 个字符' },
  'imports.row.name': { en: 'is not a name: {value}', 'zh-Hans': '不是有效的姓名：{value}' },
  'imports.row.phone': { en: 'bad phone number: {value}', 'zh-Hans': '电话号码有误：{value}' },
  'imports.row.email': { en: 'bad e-mail address: {value}', 'zh-Hans': '电子邮箱有误：{value}' },
  'imports.row.gender': { en: 'unknown gender: {value} (男/女, male/female)', 'zh-Hans': '无法识别的性别：{value}（男/女）' },
  'imports.row.degree': {
    en: 'unknown degree: {value} (专科, 本科, 硕士, 博士 or associate, bachelor, master, doctor)',
    'zh-Hans': '无法识别的学历：{value}（专科、本科、硕士、博士）',
  },
  'imports.row.year': { en: 'impossible graduation year: {value}', 'zh-Hans': '不可能的毕业年份：{value}' },
  'imports.row.country': { en: 'unknown country or region: {value}', 'zh-Hans': '无法识别的国家或地区：{value}' },
  'imports.row.studentNoTwice': {
    en: 'student number {value} is in the file more than once (rows {rows})',
    'zh-Hans': '学号 {value} 在文件中出现多次（第 {rows} 行）',
  },
  'imports.row.unknownCollege': { en: 'unknown college: {value}', 'zh-Hans': '未知学院：{value}' },
  'imports.row.unknownCohort': { en: 'unknown class: {value}', 'zh-Hans': '未知班级：{value}' },
  'imports.row.unknownIndustry': { en: 'unknown industry group: {value}', 'zh-Hans': '未知行业：{value}' },
  'imports.row.ambiguous': {
    en: '{value} matches several records ({matches}): use its code',
    'zh-Hans': '“{value}”匹配到多条记录（{matches}）：请改用代码',
  },
  'imports.row.cohortCollege': {
    en: 'class {value} belongs to {college}, not to the college on this row',
    'zh-Hans': '班级“{value}”属于{college}，与本行的学院不符',
  },
  'imports.row.cohortYear': {
    en: 'class {value} graduates in {year}, not in the year on this row',
    'zh-Hans': '班级“{value}”的毕业年份是 {year}，与本行不符',
  },
  'imports.row.cohortNeeds': {
    en: 'a new class needs its college and graduation year on the row',
    'zh-Hans': '新建班级须在本行填写学院和毕业年份',
  },
  'imports.row.cohortMissing': {
    en: 'name the class: {college} has {count} classes graduating in {year}',
    'zh-Hans': '请填写班级：{college} {year} 年毕业的班级有 {count} 个',
  },
  'imports.row.otherCollege': { en: 'belongs to a college that is not yours', 'zh-Hans': '属于非本人负责的学院' },
  'imports.row.alumnusOtherCollege': {
    en: 'student number {value} is an alumnus of a college that is not yours',
    'zh-Hans': '学号 {value} 属于非本人负责学院的校友',
  },
  'imports.row.noCollege': {
    en: 'an alumnus you import must belong to one of your colleges: name the college and class',
    'zh-Hans': '导入的校友须属于您负责的学院：请填写学院和班级',
  },
  'imports.row.conflict': {
    en: 'student number {value} was written by someone else while importing: import the file again',
    'zh-Hans': '导入期间学号 {value} 被他人修改：请重新导入',
  },
  // failures of the job
  'imports.failed': { en: 'the import failed: {detail}', 'zh-Hans': '导入失败：{detail}' },
  'imports.interrupted': {
    en: 'the import was interrupted (server stopped) and nothing was written: import the file again',
    'zh-Hans': '导入被中断（服务器停止），未写入任何数据：请重新导入',
  },
  'imports.rejectedTruncated': {
    en: '{more} more rejected rows are not listed',
    'zh-Hans': '另有 {more} 行被拒绝，未列出',
  },
} as const satisfies Record<string, Record<ImportLang, string>>;

export type ImportMessageId = keyof typeof IMPORT_MESSAGES;

/** The names of the import's fields, for messages (`{field}`) and the admin page. */
export const FIELD_NAMES: Record<string, Record<ImportLang, string>> = {
  name: { en: 'name', 'zh-Hans': '姓名' },
  studentNo: { en: 'student number', 'zh-Hans': '学号' },
  gender: { en: 'gender', 'zh-Hans': '性别' },
  college: { en: 'college', 'zh-Hans': '学院' },
  major: { en: 'major', 'zh-Hans': '专业' },
  degree: { en: 'degree', 'zh-Hans': '学历' },
  gradYear: { en: 'graduation year', 'zh-Hans': '毕业年份' },
  cohort: { en: 'class', 'zh-Hans': '班级' },
  phone: { en: 'phone', 'zh-Hans': '手机' },
  email: { en: 'e-mail', 'zh-Hans': '邮箱' },
  wechat: { en: 'WeChat', 'zh-Hans': '微信' },
  employer: { en: 'employer', 'zh-Hans': '工作单位' },
  jobTitle: { en: 'job title', 'zh-Hans': '职务' },
  country: { en: 'country or region', 'zh-Hans': '国家/地区' },
  province: { en: 'province', 'zh-Hans': '省份' },
  city: { en: 'city', 'zh-Hans': '城市' },
  industry: { en: 'industry', 'zh-Hans': '行业' },
  colleges: { en: 'colleges', 'zh-Hans': '学院' },
  cohorts: { en: 'classes', 'zh-Hans': '班级' },
  industries: { en: 'industry groups', 'zh-Hans': '行业' },
};

/** A message in a language; `{field}` and `{what}` values that name a field are translated. */
export const importMessage = (id: string, values: Record<string, unknown> = {}, lang: ImportLang = 'en'): string => {
  const entry = (IMPORT_MESSAGES as Record<string, Record<ImportLang, string>>)[id];
  const template = entry?.[lang] ?? entry?.en ?? id;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if ((name === 'field' || name === 'what') && typeof value === 'string' && FIELD_NAMES[value]) return FIELD_NAMES[value][lang];
    return value === undefined || value === null ? '' : String(value);
  });
};

/** One problem of a row: the column (as headed in the file) and the message. */
export interface RowProblem {
  column: string;
  id: ImportMessageId;
  values?: Record<string, string | number>;
}

/** A row's problems as one reason: "手机: bad phone number: 123; 邮箱: …". */
export const reasonOf = (problems: RowProblem[], lang: ImportLang = 'en') =>
  problems
    .map((p) => `${p.column}${lang === 'zh-Hans' ? '：' : ': '}${importMessage(p.id, p.values, lang)}`)
    .join(lang === 'zh-Hans' ? '；' : '; ');
