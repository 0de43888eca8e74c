/**
 * The colleges of an invented comprehensive university. Codes are short and stable:
 * cohort codes and student numbers are built from them.
 */
export type DegreeLevel = 'associate' | 'bachelor' | 'master' | 'doctor';

/**
 * A degree programme (专业) and the years of its first intake for each degree it offers:
 * the bachelor's from `since`, a master's or doctorate from the year given (none without
 * one), and an associate (专科) programme only within its years, as many universities ran
 * them in the 1980s and 1990s and stopped in the early 2000s.
 */
export interface Programme {
  name: string;
  since: number;
  associate?: readonly [number, number];
  master?: number;
  doctor?: number;
}

/** Whether a programme admitted students for this degree in this year. */
export const offers = (programme: Programme, degree: DegreeLevel, enrolYear: number): boolean => {
  switch (degree) {
    case 'bachelor':
      return enrolYear >= programme.since;
    case 'associate':
      return !!programme.associate && enrolYear >= programme.associate[0] && enrolYear <= programme.associate[1];
    case 'master':
      return programme.master !== undefined && enrolYear >= programme.master;
    case 'doctor':
      return programme.doctor !== undefined && enrolYear >= programme.doctor;
  }
};

export interface CollegeData {
  code: string;
  name: string;
  nameEn: string;
  foundedYear: number;
  /** Relative size of the college's graduating classes. */
  weight: number;
  programmes: readonly Programme[];
}

export const COLLEGES: readonly CollegeData[] = [
  {
    code: 'CS',
    name: '计算机科学与技术学院',
    nameEn: 'School of Computer Science and Technology',
    foundedYear: 1978,
    weight: 12,
    programmes: [
      { name: '计算机科学与技术', since: 1978, associate: [1984, 2001], master: 1982, doctor: 1990 },
      { name: '软件工程', since: 2002, master: 2004, doctor: 2012 },
      { name: '人工智能', since: 2019, master: 2020 },
      { name: '网络空间安全', since: 2015, master: 2016, doctor: 2018 },
    ],
  },
  {
    code: 'EE',
    name: '电子信息工程学院',
    nameEn: 'School of Electronic Information Engineering',
    foundedYear: 1958,
    weight: 10,
    programmes: [
      { name: '电子信息工程', since: 1958, associate: [1985, 2002], master: 1979, doctor: 1986 },
      { name: '通信工程', since: 1980, master: 1986, doctor: 1993 },
      { name: '微电子科学与工程', since: 1998, master: 2003, doctor: 2010 },
      { name: '自动化', since: 1962, associate: [1985, 2000], master: 1981, doctor: 1990 },
    ],
  },
  {
    code: 'ME',
    name: '机械工程学院',
    nameEn: 'School of Mechanical Engineering',
    foundedYear: 1952,
    weight: 8,
    programmes: [
      { name: '机械设计制造及其自动化', since: 1952, associate: [1980, 2003], master: 1979, doctor: 1984 },
      { name: '车辆工程', since: 1985, master: 1993, doctor: 2005 },
      { name: '工业设计', since: 1996, master: 2005 },
    ],
  },
  {
    code: 'CIVIL',
    name: '土木与建筑学院',
    nameEn: 'School of Civil Engineering and Architecture',
    foundedYear: 1953,
    weight: 7,
    programmes: [
      { name: '土木工程', since: 1953, associate: [1982, 2002], master: 1979, doctor: 1986 },
      { name: '建筑学', since: 1956, master: 1982, doctor: 1998 },
      { name: '城乡规划', since: 2000, master: 2004 },
    ],
  },
  {
    code: 'CHEM',
    name: '化学与化工学院',
    nameEn: 'School of Chemistry and Chemical Engineering',
    foundedYear: 1952,
    weight: 6,
    programmes: [
      { name: '化学', since: 1952, master: 1978, doctor: 1982 },
      { name: '应用化学', since: 1988, associate: [1988, 2001], master: 1993 },
      { name: '化学工程与工艺', since: 1958, master: 1981, doctor: 1990 },
    ],
  },
  {
    code: 'PHYS',
    name: '物理学院',
    nameEn: 'School of Physics',
    foundedYear: 1952,
    weight: 4,
    programmes: [
      { name: '物理学', since: 1952, master: 1978, doctor: 1982 },
      { name: '应用物理学', since: 1985, master: 1990 },
      { name: '光电信息科学与工程', since: 2000, master: 2004, doctor: 2010 },
    ],
  },
  {
    code: 'MATH',
    name: '数学科学学院',
    nameEn: 'School of Mathematical Sciences',
    foundedYear: 1952,
    weight: 4,
    programmes: [
      { name: '数学与应用数学', since: 1952, master: 1978, doctor: 1982 },
      { name: '统计学', since: 1985, master: 1990, doctor: 2003 },
      { name: '信息与计算科学', since: 1998, master: 2002 },
    ],
  },
  {
    code: 'LIFE',
    name: '生命科学学院',
    nameEn: 'School of Life Sciences',
    foundedYear: 1960,
    weight: 5,
    programmes: [
      { name: '生物科学', since: 1960, master: 1979, doctor: 1985 },
      { name: '生物技术', since: 1994, master: 1998, doctor: 2004 },
      { name: '生态学', since: 2002, master: 2004, doctor: 2010 },
    ],
  },
  {
    code: 'MED',
    name: '医学院',
    nameEn: 'School of Medicine',
    foundedYear: 1956,
    weight: 9,
    programmes: [
      { name: '临床医学', since: 1956, master: 1978, doctor: 1983 },
      { name: '护理学', since: 1999, associate: [1980, 2004], master: 2006 },
      { name: '药学', since: 1978, master: 1985, doctor: 1998 },
      { name: '预防医学', since: 1982, master: 1988, doctor: 2000 },
    ],
  },
  {
    code: 'ECON',
    name: '经济学院',
    nameEn: 'School of Economics',
    foundedYear: 1979,
    weight: 8,
    programmes: [
      { name: '经济学', since: 1979, master: 1982, doctor: 1990 },
      { name: '金融学', since: 1985, associate: [1986, 2000], master: 1990, doctor: 1998 },
      { name: '国际经济与贸易', since: 1993, associate: [1993, 2002], master: 1998 },
      { name: '财政学', since: 1984, master: 1993 },
    ],
  },
  {
    code: 'MGMT',
    name: '管理学院',
    nameEn: 'School of Management',
    foundedYear: 1984,
    weight: 9,
    programmes: [
      { name: '工商管理', since: 1984, master: 1991, doctor: 2000 },
      { name: '会计学', since: 1984, associate: [1984, 2004], master: 1990, doctor: 2003 },
      { name: '市场营销', since: 1993, associate: [1993, 2003], master: 2000 },
      { name: '人力资源管理', since: 1998, master: 2004 },
    ],
  },
  {
    code: 'LAW',
    name: '法学院',
    nameEn: 'Law School',
    foundedYear: 1979,
    weight: 5,
    programmes: [
      { name: '法学', since: 1979, associate: [1985, 2000], master: 1983, doctor: 1996 },
      { name: '知识产权', since: 2007, master: 2010 },
    ],
  },
  {
    code: 'CHN',
    name: '文学院',
    nameEn: 'School of Chinese Language and Literature',
    foundedYear: 1952,
    weight: 4,
    programmes: [
      { name: '汉语言文学', since: 1952, master: 1978, doctor: 1984 },
      { name: '汉语国际教育', since: 2004, master: 2008 },
      { name: '古典文献学', since: 1983, master: 1986, doctor: 1996 },
    ],
  },
  {
    code: 'FL',
    name: '外国语学院',
    nameEn: 'School of Foreign Languages',
    foundedYear: 1963,
    weight: 5,
    programmes: [
      { name: '英语', since: 1963, associate: [1980, 2002], master: 1985, doctor: 2003 },
      { name: '日语', since: 1975, master: 1993 },
      { name: '法语', since: 1980, master: 2000 },
      { name: '翻译', since: 2007, master: 2008 },
    ],
  },
  {
    code: 'JC',
    name: '新闻与传播学院',
    nameEn: 'School of Journalism and Communication',
    foundedYear: 1998,
    weight: 4,
    programmes: [
      { name: '新闻学', since: 1998, master: 2001, doctor: 2012 },
      { name: '广告学', since: 1998, master: 2004 },
      { name: '网络与新媒体', since: 2012, master: 2016 },
    ],
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
