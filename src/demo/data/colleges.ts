/**
 * The colleges of an invented comprehensive university. Codes are short and stable:
 * cohort codes and student numbers are built from them.
 */
export interface CollegeData {
  code: string;
  name: string;
  nameEn: string;
  foundedYear: number;
  /** Relative size of the college's graduating classes. */
  weight: number;
  majors: readonly string[];
}

export const COLLEGES: readonly CollegeData[] = [
  {
    code: 'CS',
    name: '计算机科学与技术学院',
    nameEn: 'School of Computer Science and Technology',
    foundedYear: 1978,
    weight: 12,
    majors: ['计算机科学与技术', '软件工程', '人工智能', '网络空间安全'],
  },
  {
    code: 'EE',
    name: '电子信息工程学院',
    nameEn: 'School of Electronic Information Engineering',
    foundedYear: 1958,
    weight: 10,
    majors: ['电子信息工程', '通信工程', '微电子科学与工程', '自动化'],
  },
  {
    code: 'ME',
    name: '机械工程学院',
    nameEn: 'School of Mechanical Engineering',
    foundedYear: 1952,
    weight: 8,
    majors: ['机械设计制造及其自动化', '车辆工程', '工业设计'],
  },
  {
    code: 'CIVIL',
    name: '土木与建筑学院',
    nameEn: 'School of Civil Engineering and Architecture',
    foundedYear: 1953,
    weight: 7,
    majors: ['土木工程', '建筑学', '城乡规划'],
  },
  {
    code: 'CHEM',
    name: '化学与化工学院',
    nameEn: 'School of Chemistry and Chemical Engineering',
    foundedYear: 1952,
    weight: 6,
    majors: ['化学', '应用化学', '化学工程与工艺'],
  },
  {
    code: 'PHYS',
    name: '物理学院',
    nameEn: 'School of Physics',
    foundedYear: 1952,
    weight: 4,
    majors: ['物理学', '应用物理学', '光电信息科学与工程'],
  },
  {
    code: 'MATH',
    name: '数学科学学院',
    nameEn: 'School of Mathematical Sciences',
    foundedYear: 1952,
    weight: 4,
    majors: ['数学与应用数学', '统计学', '信息与计算科学'],
  },
  {
    code: 'LIFE',
    name: '生命科学学院',
    nameEn: 'School of Life Sciences',
    foundedYear: 1960,
    weight: 5,
    majors: ['生物科学', '生物技术', '生态学'],
  },
  {
    code: 'MED',
    name: '医学院',
    nameEn: 'School of Medicine',
    foundedYear: 1956,
    weight: 9,
    majors: ['临床医学', '护理学', '药学', '预防医学'],
  },
  {
    code: 'ECON',
    name: '经济学院',
    nameEn: 'School of Economics',
    foundedYear: 1979,
    weight: 8,
    majors: ['经济学', '金融学', '国际经济与贸易', '财政学'],
  },
  {
    code: 'MGMT',
    name: '管理学院',
    nameEn: 'School of Management',
    foundedYear: 1984,
    weight: 9,
    majors: ['工商管理', '会计学', '市场营销', '人力资源管理'],
  },
  {
    code: 'LAW',
    name: '法学院',
    nameEn: 'Law School',
    foundedYear: 1979,
    weight: 5,
    majors: ['法学', '知识产权'],
  },
  {
    code: 'CHN',
    name: '文学院',
    nameEn: 'School of Chinese Language and Literature',
    foundedYear: 1952,
    weight: 4,
    majors: ['汉语言文学', '汉语国际教育', '古典文献学'],
  },
  {
    code: 'FL',
    name: '外国语学院',
    nameEn: 'School of Foreign Languages',
    foundedYear: 1963,
    weight: 5,
    majors: ['英语', '日语', '法语', '翻译'],
  },
  {
    code: 'JC',
    name: '新闻与传播学院',
    nameEn: 'School of Journalism and Communication',
    foundedYear: 1998,
    weight: 4,
    majors: ['新闻学', '广告学', '网络与新媒体'],
  },
];

/** Which industry sections (GB/T 4754-2017) a college's graduates tend to work in, with weights. */
export const COLLEGE_INDUSTRIES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  CS: { I: 60, J: 10, M: 10, C: 8, P: 6, S: 3, L: 3 },
  EE: { I: 35, C: 35, D: 10, M: 10, G: 4, S: 3, P: 3 },
  ME: { C: 60, M: 12, G: 8, E: 6, D: 5, F: 5, P: 4 },
  CIVIL: { E: 55, K: 15, N: 10, M: 10, S: 5, P: 5 },
  CHEM: { C: 50, M: 20, B: 8, D: 6, N: 6, P: 6, Q: 4 },
  PHYS: { M: 30, C: 25, I: 20, P: 20, D: 5 },
  MATH: { J: 30, I: 25, P: 25, M: 15, S: 5 },
  LIFE: { M: 30, Q: 20, C: 20, A: 15, P: 10, N: 5 },
  MED: { Q: 80, C: 8, M: 6, P: 4, S: 2 },
  ECON: { J: 50, S: 12, L: 12, F: 8, K: 8, M: 5, T: 1, P: 4 },
  MGMT: { L: 25, J: 20, F: 15, C: 12, I: 10, S: 8, H: 5, K: 5 },
  LAW: { S: 40, L: 35, J: 10, P: 8, T: 2, O: 5 },
  CHN: { P: 40, R: 25, S: 20, L: 10, O: 5 },
  FL: { P: 30, L: 20, F: 15, R: 10, S: 10, T: 5, H: 5, G: 5 },
  JC: { R: 50, I: 20, L: 15, S: 10, P: 5 },
};
