import type { ImportField as AdminImportField } from '../admin-api-types';
import { toSimplified } from './chinese';

/**
 * What a column of the registrar's file can be, and how its header is recognised: Chinese
 * (simplified or traditional) or English, with the decorations people add ("手机号码（必填）",
 * "*Name", "E-mail address:"). A mapping `{ header: field }` sent with the file overrides
 * what is recognised (`null` or "" ignores a column).
 */
export const IMPORT_FIELDS = [
  'name',
  'studentNo',
  'gender',
  'college',
  'major',
  'degree',
  'gradYear',
  'cohort',
  'phone',
  'email',
  'wechat',
  'employer',
  'jobTitle',
  'country',
  'province',
  'city',
  'industry',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The admin API's types name the same fields (admin-api-types.ts): a field added on one side only fails the build. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameFields: Same<ImportField, AdminImportField> = true;
void sameFields;

/** Columns a file must have (after the mapping). */
export const REQUIRED_FIELDS: ImportField[] = ['name', 'studentNo'];

const ALIASES: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '校友姓名', '学生姓名', '中文姓名', 'name', 'fullname', 'full name', 'chinese name', 'student name'],
  studentNo: ['学号', '学生编号', '学籍号', '学生学号', 'studentno', 'student no', 'student number', 'student id', 'studentid', 'student no.', 'id number'],
  gender: ['性别', 'gender', 'sex'],
  college: ['学院', '院系', '院(系)', '所在学院', '学院名称', '学院代码', '所属学院', 'college', 'school', 'faculty', 'department', 'college code'],
  major: ['专业', '专业名称', '所学专业', 'major', 'programme', 'program', 'speciality', 'specialty', 'subject'],
  degree: ['学历', '学位', '学历层次', '培养层次', '学生类别', 'degree', 'degree level', 'education', 'level'],
  gradYear: ['毕业年份', '毕业年', '毕业年度', '毕业时间', '毕业届别', '届别', '届', 'graduation year', 'grad year', 'year of graduation', 'class year', 'graduation'],
  cohort: ['班级', '班级名称', '班级代码', '班', '所在班级', 'class', 'cohort', 'class name', 'class code'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', '移动电话', '联系方式', 'phone', 'mobile', 'mobile phone', 'telephone', 'tel', 'cell', 'phone number', 'mobile number'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'email address', 'e-mail address'],
  wechat: ['微信', '微信号', 'wechat', 'wechat id', 'weixin'],
  employer: ['工作单位', '单位', '现工作单位', '就职单位', '所在单位', '公司', '单位名称', 'employer', 'company', 'organisation', 'organization', 'workplace', 'work unit'],
  jobTitle: ['职务', '职位', '职称', '现任职务', 'job title', 'jobtitle', 'title', 'position', 'job'],
  country: ['国家/地区', '国家或地区', '国家', '国别', '所在国家', 'country', 'country/region', 'country or region', 'nation'],
  province: ['省份', '省', '省/州', '省市', '所在省份', 'province', 'state', 'province/state', 'state/province'],
  city: ['城市', '市', '所在城市', '所在地', 'city', 'town'],
  industry: ['行业', '所在行业', '行业分类', '行业门类', '从事行业', 'industry', 'sector', 'industry group'],
};

/** A header reduced to what is compared: simplified, half-width, lower-case, no decoration. */
export const headerKey = (header: string): string => {
  let h = toSimplified(String(header ?? '').normalize('NFKC'));
  h = h.replace(/[\u200b-\u200d\ufeff]/g, '');
  // "手机号码（必填）", "Name (required)", "*姓名", "邮箱:"
  h = h.replace(/\((必填|选填|可选|required|optional)\)/gi, '');
  h = h.replace(/[*:：#]/g, '');
  return h.trim().toLowerCase().replace(/\s+/g, ' ');
};

/** Spaces, underscores and dashes do not tell headers apart ("Student_No", "student-no", "StudentNo"). */
const compact = (key: string) => key.replace(/[\s_\-.]/g, '');

const BY_KEY = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const alias of ALIASES[field]) BY_KEY.set(compact(headerKey(alias)), field);
  BY_KEY.set(field.toLowerCase(), field);
}

/** The field a header names, or null. */
export const recognise = (header: string): ImportField | null => {
  const key = compact(headerKey(header));
  return key ? (BY_KEY.get(key) ?? null) : null;
};

/** The examples of headers for a field, for messages. */
export const examplesOf = (field: ImportField) => ALIASES[field].slice(0, 2).join(', ');

export type Mapping = Record<string, ImportField | null>;

export interface ColumnPlan {
  /** One entry per column of the file, in order: its header and the field it fills (null: ignored). */
  columns: { index: number; header: string; field: ImportField | null }[];
  problems: { path: string; id: string; values: Record<string, string> }[];
}

/**
 * The columns of a file: each header recognised, or mapped by `mapping` (which wins).
 * Problems: a mapping naming a column the file lacks, two columns read as one field, a
 * required field with no column.
 */
export const planColumns = (headers: string[], mapping: Mapping = {}, fileName = 'the file'): ColumnPlan => {
  const problems: ColumnPlan['problems'] = [];
  const trimmed = headers.map((h) => String(h ?? '').trim());
  const mapped = new Map<string, ImportField | null>();
  for (const [header, field] of Object.entries(mapping)) {
    const at = trimmed.findIndex((h) => h === header.trim());
    if (at < 0) problems.push({ path: `mapping.${header}`, id: 'imports.mapping.column', values: { column: header } });
    else mapped.set(header.trim(), field);
  }
  const columns = trimmed.map((header, index) => ({
    index,
    header,
    field: mapped.has(header) ? (mapped.get(header) ?? null) : header ? recognise(header) : null,
  }));
  const byField = new Map<ImportField, string[]>();
  for (const c of columns) if (c.field) byField.set(c.field, [...(byField.get(c.field) ?? []), c.header]);
  for (const [field, heads] of byField) {
    if (heads.length > 1) problems.push({ path: 'mapping', id: 'imports.file.columnTwice', values: { columns: heads.join(', '), field } });
  }
  for (const field of REQUIRED_FIELDS) {
    if (!byField.has(field)) problems.push({ path: 'file', id: 'imports.file.noColumn', values: { file: fileName, field, examples: examplesOf(field) } });
  }
  return { columns, problems };
};

/** The mapping used, as the import record keeps it: header → field (null for ignored columns). */
export const columnsUsed = (plan: ColumnPlan): Record<string, ImportField | null> =>
  Object.fromEntries(plan.columns.filter((c) => c.header).map((c) => [c.header, c.field]));
