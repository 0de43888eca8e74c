/**
 * Texts of the demo: training courses, appraisal feedback, honours, contact and
 * feedback notes, and the bilingual stories and events for the website.
 */

export type TrainingArea = 'alumni_work' | 'social_skills' | 'data_management' | 'professional';

export interface CourseData {
  title: string;
  /** The course's name in English, shown to staff whose admin speaks English. */
  titleEn: string;
  area: TrainingArea;
  hours: number;
  mandatory: boolean;
  description: string;
}

export const COURSES: readonly CourseData[] = [
  {
    title: '校友工作概论与校友关系管理',
    titleEn: 'Introduction to Alumni Work and Alumni Relations',
    area: 'alumni_work',
    hours: 4,
    mandatory: true,
    description: '校友工作的目标与组织体系，“年级—学院—地区—行业”四维联络机制，校友关系的建立与维护。',
  },
  {
    title: '校友网络建设与资源对接实务',
    titleEn: 'Building the Alumni Network and Matching Its Resources',
    area: 'alumni_work',
    hours: 6,
    mandatory: true,
    description: '如何梳理班级与地区校友网络，如何对接校友资源服务学校发展与校友成长。',
  },
  {
    title: '校友企业合作与校友资源开发',
    titleEn: 'Working with Alumni Enterprises',
    area: 'alumni_work',
    hours: 3,
    mandatory: false,
    description: '校友企业走访、产学研合作与实习就业基地建设的案例分析。',
  },
  {
    title: '沟通技巧与公务礼仪',
    titleEn: 'Communication Skills and Professional Etiquette',
    area: 'social_skills',
    hours: 4,
    mandatory: true,
    description: '电话、走访与聚会中的沟通要点，正式场合的礼仪规范。',
  },
  {
    title: '公共关系与危机沟通',
    titleEn: 'Public Relations and Crisis Communication',
    area: 'social_skills',
    hours: 3,
    mandatory: false,
    description: '校友活动中的媒体沟通、舆情应对与公共关系维护。',
  },
  {
    title: '跨文化交流与海外校友工作',
    titleEn: 'Intercultural Communication and Alumni Abroad',
    area: 'social_skills',
    hours: 3,
    mandatory: false,
    description: '海外校友会的组织特点，跨文化沟通中的常见误区与应对。',
  },
  {
    title: '校友信息管理系统操作',
    titleEn: 'Using the Alumni Records System',
    area: 'data_management',
    hours: 2,
    mandatory: true,
    description: '在系统中维护校友信息、提交变更、记录联络与反馈。',
  },
  {
    title: '数据分析入门：用数据了解校友',
    titleEn: 'Data Analysis Basics: Knowing Alumni through Data',
    area: 'data_management',
    hours: 4,
    mandatory: false,
    description: '常用表格与可视化工具，覆盖率、活跃度等指标的解读。',
  },
  {
    title: '个人信息保护与数据安全',
    titleEn: 'Personal Data Protection and Data Security',
    area: 'data_management',
    hours: 3,
    mandatory: true,
    description: '《个人信息保护法》与 GDPR 要点：最小必要、同意与撤回、数据出境、泄露处置。',
  },
  {
    title: '团队协作与志愿者管理',
    titleEn: 'Teamwork and Managing Volunteers',
    area: 'professional',
    hours: 3,
    mandatory: true,
    description: '联络员团队的分工协作、志愿者招募与激励。',
  },
  {
    title: '领导力与组织能力提升',
    titleEn: 'Leadership and Organising Skills',
    area: 'professional',
    hours: 4,
    mandatory: false,
    description: '校友会骨干的领导力训练：目标设定、会议组织与冲突处理。',
  },
  {
    title: '创新思维与活动策划',
    titleEn: 'Creative Thinking and Event Planning',
    area: 'professional',
    hours: 3,
    mandatory: false,
    description: '从需求出发设计校友活动：创业沙龙、行业论坛与返校日的策划实务。',
  },
];

export const TRAINERS: readonly string[] = [
  '王明远 教授',
  '李婧 副研究员',
  '陈国栋 老师',
  '赵思敏 律师',
  '刘晓峰 校友',
  '周雅 老师',
  '孙浩 高级工程师',
];

export const TRAINING_VENUES: readonly string[] = [
  '主校区校友之家一楼报告厅',
  '主校区图书馆学术报告厅',
  '东校区国际交流中心 203 会议室',
  '校友会深圳服务中心',
];

export const NOMINATION_REASONS: Readonly<Record<'cohort' | 'college' | 'region' | 'industry', readonly string[]>> = {
  cohort: [
    '毕业时由学院任命为班级联络员，在校期间担任班长。',
    '在校期间任团支书，与班级同学联系紧密。',
    '原联络员工作变动，经班级同学推选接任。',
  ],
  college: [
    '学院校友工作委员会推荐，长期参与学院校友活动。',
    '学院分管校友工作的教师，负责院级校友信息维护。',
    '在本院校友中威望高，热心组织返校活动。',
  ],
  region: [
    '地区校友会理事会推荐，组织过多次校友聚会。',
    '在当地工作多年，熟悉当地校友情况。',
    '地区校友会秘书处骨干，负责会员联络。',
  ],
  industry: [
    '在行业内深耕多年，担任企业高管，校友人脉广泛。',
    '曾牵头组织行业校友沙龙，帮助多名校友就业。',
    '行业协会理事，具有较高社会影响力，愿意为校友职业发展提供帮助。',
    '创办的企业与学校共建实习基地，推动校企合作。',
    '在行业权威机构任职，熟悉政策与行业动态。',
  ],
};

export const END_NOTES: Readonly<Record<string, readonly string[]>> = {
  term_over: ['任期届满，已完成工作交接。', '任期届满，经考核后不再续任。'],
  resigned: ['因工作调动申请辞去联络员职务。', '因出国深造辞任，已移交班级通讯录。'],
  removed: ['连续两个考核周期未履职，经校友工作委员会决定免去职务。'],
  deceased: ['联络员不幸病逝，学校致以深切哀悼。'],
  replaced: ['经班级同学推选，由新任联络员接替。', '地区校友会换届，由新一届理事会成员接任。'],
};

export const APPRAISAL_FEEDBACK: Readonly<Record<'excellent' | 'good' | 'pass' | 'fail', readonly string[]>> = {
  excellent: ['联络工作扎实，校友信息更新及时，组织活动成效显著。', '积极发掘校友典型事迹，案例分析深入。'],
  good: ['能够按时完成联络任务，建议加强与校友的日常互动。', '工作认真，信息维护较好，活动组织可进一步丰富。'],
  pass: ['基本完成联络任务，校友信息更新不够及时。', '建议参加“沟通技巧”培训，提高联络频次。'],
  fail: ['本周期联络记录较少，请与学院校友工作负责人沟通改进。'],
};

export const CONTACT_SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  visit: ['走访校友，了解近况并更新工作单位信息。', '到校友企业走访，洽谈实习岗位合作。'],
  call: ['电话联系，核实联系方式与所在城市。', '电话沟通返校活动安排。'],
  message: ['短信通知校庆活动信息。', '发送联络员新春问候。'],
  gathering: ['组织班级小聚，收集同学近况。', '参加地区校友会年会，与新会员交流。'],
  email: ['邮件发送校友通讯与活动邀请。', '邮件确认校友信息更正申请。'],
  wechat: ['微信群通知活动报名。', '微信沟通校友就业需求。'],
};

export const FEEDBACK_TEXTS: Readonly<Record<string, readonly string[]>> = {
  career_help: ['正在考虑转行做数据分析，希望联系同行业的校友请教。', '公司需要招聘应届毕业生，希望对接就业指导中心。'],
  cooperation: ['公司希望与学院共建实习基地，请问对接人是谁？', '希望学校组织行业内的校友交流活动，我们可以提供场地。'],
  suggestion: ['建议设立校友讲座基金，邀请校友回校分享。', '建议为毕业三十年的班级组织专场聚会。', '校友通讯内容很好，希望增加海外校友的报道。'],
  complaint: ['多次收到重复的活动通知短信。', '在线报名系统无法提交，请尽快处理。'],
  data_correction: ['本人工作单位已变更，请更新资料。', '本人已迁居外地，请更新所在城市。'],
  other: ['孩子准备报考母校，想了解开放日安排。', '返校日安排紧凑，建议增加院系参观时间。'],
};

export const FEEDBACK_ANSWERS: readonly string[] = [
  '感谢反馈，已转交相关部门，将在活动安排中考虑。',
  '已核实并更新您的资料，谢谢！',
  '问题已修复，给您带来不便深表歉意。',
  '已与就业指导中心对接，负责老师会与您联系。',
];

/** A rich text body in Strapi's "blocks" format. */
export type TextNode = { type: 'text'; text: string; bold?: boolean; italic?: boolean };
export type Block =
  | { type: 'paragraph'; children: TextNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: TextNode[] }
  | { type: 'quote'; children: TextNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: { type: 'list-item'; children: TextNode[] }[] };

export const p = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] });
export const h2 = (text: string): Block => ({ type: 'heading', level: 2, children: [{ type: 'text', text }] });
export const quote = (text: string): Block => ({ type: 'quote', children: [{ type: 'text', text, italic: true }] });
export const ul = (items: string[]): Block => ({
  type: 'list',
  format: 'unordered',
  children: items.map((text) => ({ type: 'list-item', children: [{ type: 'text', text }] })),
});

export interface Localized {
  title: string;
  summary: string;
  body: Block[];
}

/** What a story or event template is written about. */
export interface TemplateContext {
  person: { name: string; nameEn: string; gradYear: number };
  college: { name: string; nameEn: string };
  chapter: { name: string; nameEn: string } | null;
  industry: { name: string; nameEn: string } | null;
  year: number;
}

export interface StoryTemplate {
  slug: string;
  /** The story's pronouns are written for this gender (null: none used). */
  gender: 'male' | 'female' | null;
  /** What the story is tagged with; the generator picks matching records. */
  college: string;
  chapter: string | null;
  industry: string | null;
  write: (c: TemplateContext) => { 'zh-Hans': Localized; en: Localized };
}

export const STORY_TEMPLATES: readonly StoryTemplate[] = [
  {
    slug: 'from-the-lab-to-silicon-valley',
    gender: 'male',
    college: 'CS',
    chapter: '北美（硅谷）校友会',
    industry: 'I',
    write: (c) => ({
      'zh-Hans': {
        title: `${c.person.name}：从实验室到硅谷的创业路`,
        summary: `${c.person.gradYear}届校友${c.person.name}在硅谷创办人工智能公司，并牵头组建北美校友创业互助小组。`,
        body: [
          p(`${c.person.gradYear}年，${c.person.name}从${c.college.name}毕业，带着一台旧笔记本电脑去了美国。`),
          h2('一次失败，两次重来'),
          p('第一家公司没有撑过十八个月。复盘时，他发现最缺的不是技术，而是能说真话的同行。'),
          quote('校友群里的一句“我来帮你看看”，比任何融资都珍贵。'),
          p(`如今，他在${c.chapter?.name ?? '北美校友会'}组织每月一次的创业分享会，已帮助二十多位校友完成第一轮融资。`),
        ],
      },
      en: {
        title: `${c.person.nameEn}: from the lab to a Silicon Valley start-up`,
        summary: `Class of ${c.person.gradYear}, ${c.person.nameEn} founded an AI company in Silicon Valley and started a mutual-aid group for alumni founders.`,
        body: [
          p(`In ${c.person.gradYear}, ${c.person.nameEn} graduated from the ${c.college.nameEn} and left for the United States with an old laptop.`),
          h2('One failure, two new starts'),
          p('The first company did not survive eighteen months. Looking back, what was missing was not technology but peers who would tell the truth.'),
          quote('"Let me take a look" from a fellow alumnus was worth more than any funding round.'),
          p(`Today he runs a monthly founders' evening with the ${c.chapter?.nameEn ?? 'North America chapter'}, which has helped more than twenty alumni close their first round.`),
        ],
      },
    }),
  },
  {
    slug: 'rural-revival-seed-breeder',
    gender: 'female',
    college: 'LIFE',
    chapter: null,
    industry: 'A',
    write: (c) => ({
      'zh-Hans': {
        title: `把论文写在大地上：${c.person.name}的育种十五年`,
        summary: `${c.person.name}扎根基层十五年，培育的抗旱品种在西部三省推广。`,
        body: [
          p(`毕业于${c.college.name}的${c.person.name}，选择回到家乡的农业科学研究所。`),
          ul(['培育抗旱小麦新品种 3 个', '带动 1200 户农户增收', '每年接收母校学生实习']),
          p('“田间就是实验室。”这是她常对实习学弟学妹说的话。'),
        ],
      },
      en: {
        title: `Writing the thesis in the fields: ${c.person.nameEn}'s fifteen years of seed breeding`,
        summary: `${c.person.nameEn} has spent fifteen years in rural research; her drought-resistant varieties are grown across three western provinces.`,
        body: [
          p(`A graduate of the ${c.college.nameEn}, ${c.person.nameEn} chose to return to the agricultural research institute of her home county.`),
          ul(['3 new drought-resistant wheat varieties', 'higher incomes for 1,200 farming households', 'internships for students of her alma mater every year']),
          p('"The field is the laboratory," she tells the students who come to work with her.'),
        ],
      },
    }),
  },
  {
    slug: 'class-monitor-for-thirty-years',
    gender: 'male',
    college: 'ME',
    chapter: null,
    industry: null,
    write: (c) => ({
      'zh-Hans': {
        title: `三十年的班长：${c.person.name}和他的班级通讯录`,
        summary: `毕业三十年，班长${c.person.name}仍保存着全班每一位同学的联系方式。`,
        body: [
          p(`${c.person.gradYear}年毕业那天，${c.person.name}在笔记本上写下了全班同学的家庭地址。`),
          p('此后三十年，这本通讯录换了四个版本，从纸质到电子表格，再到学校的校友信息系统。'),
          quote('班长不是一个头衔，而是一份承诺。'),
          p('今年返校日，全班四十二人中有三十九人回到了母校。'),
        ],
      },
      en: {
        title: `Class monitor for thirty years: ${c.person.nameEn} and the class directory`,
        summary: `Thirty years after graduation, class monitor ${c.person.nameEn} still keeps every classmate's contact details.`,
        body: [
          p(`On graduation day in ${c.person.gradYear}, ${c.person.nameEn} wrote down the home address of every classmate in a notebook.`),
          p("Over thirty years the directory went through four versions: paper, a spreadsheet, and now the university's alumni system."),
          quote('Being class monitor is not a title, it is a promise.'),
          p('At this year\'s homecoming, thirty-nine of the forty-two classmates came back.'),
        ],
      },
    }),
  },
  {
    slug: 'doctor-on-the-plateau',
    gender: 'male',
    college: 'MED',
    chapter: '新疆校友会',
    industry: 'Q',
    write: (c) => ({
      'zh-Hans': {
        title: `援疆医生${c.person.name}：在天山脚下守护生命`,
        summary: `${c.person.name}主动报名援疆，三年间带教当地医生四十余名。`,
        body: [
          p(`${c.person.name}是${c.college.name}${c.person.gradYear}届毕业生，现任某三甲医院心内科副主任医师。`),
          h2('把技术留下来'),
          p('援疆期间，他牵头开展了当地首例心脏介入手术，并建立了远程会诊机制。'),
          p(`${c.chapter?.name ?? '当地校友会'}的校友们为他的团队募集了培训设备。`),
        ],
      },
      en: {
        title: `${c.person.nameEn}, a doctor at the foot of the Tianshan`,
        summary: `${c.person.nameEn} volunteered for a medical aid mission in Xinjiang and trained more than forty local doctors in three years.`,
        body: [
          p(`${c.person.nameEn} graduated from the ${c.college.nameEn} in ${c.person.gradYear} and is now an associate chief cardiologist.`),
          h2('Leaving the skills behind'),
          p('During the mission he led the first cardiac intervention in the region and set up remote consultations.'),
          p(`Alumni of the ${c.chapter?.nameEn ?? 'local chapter'} raised money for his team's training equipment.`),
        ],
      },
    }),
  },
  {
    slug: 'entrepreneur-endows-scholarship',
    gender: null,
    college: 'ME',
    chapter: '广东校友会深圳分会',
    industry: 'C',
    write: (c) => ({
      'zh-Hans': {
        title: `校友企业家${c.person.name}设立“启航奖学金”`,
        summary: `${c.person.name}捐资设立奖学金，每年资助五十名家庭经济困难学生。`,
        body: [
          p(`${c.person.name}创办的精密制造企业已成为行业龙头。`),
          p('“当年我靠助学金读完大学，现在轮到我了。”'),
          ul(['每年资助 50 名学生', '提供暑期实习岗位 30 个', '设立校友导师计划']),
        ],
      },
      en: {
        title: `Alumnus entrepreneur ${c.person.nameEn} endows the "Set Sail" scholarship`,
        summary: `${c.person.nameEn} has endowed a scholarship that supports fifty students from low-income families every year.`,
        body: [
          p(`The precision manufacturing company ${c.person.nameEn} founded now leads its sector.`),
          p('"I finished university on a grant. Now it is my turn."'),
          ul(['50 students supported each year', '30 summer internships', 'an alumni mentor programme']),
        ],
      },
    }),
  },
  {
    slug: 'welcoming-new-students-in-london',
    gender: null,
    college: 'FL',
    chapter: '英国校友会',
    industry: 'P',
    write: (c) => ({
      'zh-Hans': {
        title: `伦敦的第一顿饭：英国校友会的迎新传统`,
        summary: `每年九月，${c.person.name}和英国校友会的联络员们在伦敦迎接来自母校的新留学生。`,
        body: [
          p(`${c.person.name}毕业于${c.college.name}，在伦敦一所大学任教。`),
          p('从接机、租房到第一顿家乡饭，校友会的联络员们帮新同学度过最难的第一周。'),
          quote('我们都曾是第一次离家的人。'),
        ],
      },
      en: {
        title: 'The first dinner in London: how the UK chapter welcomes new students',
        summary: `Every September, ${c.person.nameEn} and the liaisons of the UK Alumni Association welcome new students from the university in London.`,
        body: [
          p(`${c.person.nameEn}, a graduate of the ${c.college.nameEn}, teaches at a university in London.`),
          p("From airport pick-ups and flat hunting to the first taste of home, the chapter's liaisons help newcomers through the hardest first week."),
          quote('We were all once away from home for the first time.'),
        ],
      },
    }),
  },
];

export type EventType =
  | 'reunion'
  | 'symposium'
  | 'campus_visit'
  | 'recruiting'
  | 'lecture'
  | 'startup_salon'
  | 'forum'
  | 'culture'
  | 'other';

export interface EventTemplate {
  slug: string;
  type: EventType;
  organiser: { chapter: string } | { college: string } | { industry: string } | null;
  /** Days from "today" to the start; negative for past events. */
  startsInDays: number;
  hours: number;
  /** Registration opens this many days before the start (null: no registration). */
  registrationDays: number | null;
  capacity: number | null;
  online: boolean;
  venue: { 'zh-Hans': string; en: string } | null;
  title: { 'zh-Hans': string; en: string };
  summary: { 'zh-Hans': string; en: string };
}

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  {
    slug: 'homecoming-day',
    type: 'reunion',
    organiser: null,
    startsInDays: 45,
    hours: 8,
    registrationDays: 40,
    capacity: 2000,
    online: false,
    venue: { 'zh-Hans': '主校区体育馆及各学院', en: 'Main Campus Gymnasium and the colleges' },
    title: { 'zh-Hans': '校友返校日', en: 'Alumni Homecoming Day' },
    summary: {
      'zh-Hans': '毕业十周年、二十周年、三十周年的班级重返母校，参观校园、座谈交流。',
      en: 'Classes celebrating ten, twenty and thirty years since graduation return to campus for tours and talks.',
    },
  },
  {
    slug: 'shenzhen-startup-salon',
    type: 'startup_salon',
    organiser: { chapter: '广东校友会深圳分会' },
    startsInDays: 21,
    hours: 3,
    registrationDays: 20,
    capacity: 120,
    online: false,
    venue: { 'zh-Hans': '深圳市南山区校友会服务中心', en: 'Alumni Service Centre, Nanshan, Shenzhen' },
    title: { 'zh-Hans': '深圳校友创新创业沙龙', en: 'Shenzhen Alumni Start-up Salon' },
    summary: {
      'zh-Hans': '校友创业者分享融资与团队建设经验，现场对接投资人。',
      en: 'Alumni founders share what they learned about funding and building teams; investors attend.',
    },
  },
  {
    slug: 'it-industry-forum',
    type: 'forum',
    organiser: { industry: 'I' },
    startsInDays: 60,
    hours: 6,
    registrationDays: 30,
    capacity: 300,
    online: false,
    venue: { 'zh-Hans': '主校区学术交流中心报告厅', en: 'Academic Exchange Centre Auditorium, Main Campus' },
    title: { 'zh-Hans': '信息技术行业校友论坛', en: 'Alumni Forum on Information Technology' },
    summary: {
      'zh-Hans': '人工智能、数据安全与产业数字化：行业校友与在校师生共话未来。',
      en: 'AI, data security and digital industry: alumni in the sector meet students and faculty.',
    },
  },
  {
    slug: 'autumn-recruiting-fair',
    type: 'recruiting',
    organiser: { college: 'EE' },
    startsInDays: 14,
    hours: 5,
    registrationDays: 25,
    capacity: 80,
    online: false,
    venue: { 'zh-Hans': '东校区学生活动中心', en: 'Student Activity Centre, East Campus' },
    title: { 'zh-Hans': '校友企业秋季专场招聘会', en: 'Autumn Recruiting Fair of Alumni Companies' },
    summary: {
      'zh-Hans': '八十家校友企业提供实习与就业岗位，欢迎应届毕业生参加。',
      en: 'Eighty alumni companies offer internships and graduate jobs.',
    },
  },
  {
    slug: 'ai-and-education-lecture',
    type: 'lecture',
    organiser: { college: 'CS' },
    startsInDays: 10,
    hours: 2,
    registrationDays: 14,
    capacity: 500,
    online: true,
    venue: null,
    title: { 'zh-Hans': '名家讲坛：人工智能与未来教育', en: 'Distinguished Lecture: AI and the Future of Education' },
    summary: {
      'zh-Hans': '杰出校友在线讲座，面向全体校友与在校生开放。',
      en: 'An online lecture by a distinguished alumnus, open to all alumni and students.',
    },
  },
  {
    slug: 'beijing-chapter-annual-meeting',
    type: 'symposium',
    organiser: { chapter: '北京校友会' },
    startsInDays: -120,
    hours: 4,
    registrationDays: 30,
    capacity: 400,
    online: false,
    venue: { 'zh-Hans': '北京市海淀区某会议中心', en: 'Conference centre, Haidian, Beijing' },
    title: { 'zh-Hans': '北京校友会年会暨理事会换届', en: 'Beijing Chapter Annual Meeting and Council Election' },
    summary: {
      'zh-Hans': '回顾一年工作，选举新一届理事会，表彰优秀校友联络员。',
      en: 'A review of the year, the election of the new council and awards for outstanding liaisons.',
    },
  },
  {
    slug: 'campus-open-day-for-families',
    type: 'campus_visit',
    organiser: null,
    startsInDays: -200,
    hours: 5,
    registrationDays: 20,
    capacity: 600,
    online: false,
    venue: { 'zh-Hans': '主校区', en: 'Main Campus' },
    title: { 'zh-Hans': '校友家庭校园开放日', en: 'Campus Open Day for Alumni Families' },
    summary: {
      'zh-Hans': '带孩子回母校看看：实验室开放、校史馆参观与招生咨询。',
      en: 'Bring the family back: open laboratories, the university museum and admissions advice.',
    },
  },
  {
    slug: 'alumni-arts-festival',
    type: 'culture',
    organiser: { college: 'JC' },
    startsInDays: 90,
    hours: 3,
    registrationDays: null,
    capacity: null,
    online: false,
    venue: { 'zh-Hans': '主校区大礼堂', en: 'Great Hall, Main Campus' },
    title: { 'zh-Hans': '校友文化艺术节开幕演出', en: 'Alumni Arts Festival: Opening Performance' },
    summary: {
      'zh-Hans': '校友合唱团、话剧社与在校生同台演出。',
      en: 'The alumni choir and drama society perform with current students.',
    },
  },
];
