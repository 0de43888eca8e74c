/**
 * The sections (门类) of the national standard GB/T 4754-2017 《国民经济行业分类》, with
 * their official Chinese names and the usual English translations. Industry groups are
 * organised one per section.
 */
export interface IndustryData {
  code: string;
  name: string;
  nameEn: string;
}

export const INDUSTRY_SECTIONS: readonly IndustryData[] = [
  { code: 'A', name: '农、林、牧、渔业', nameEn: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', name: '采矿业', nameEn: 'Mining' },
  { code: 'C', name: '制造业', nameEn: 'Manufacturing' },
  {
    code: 'D',
    name: '电力、热力、燃气及水生产和供应业',
    nameEn: 'Production and supply of electricity, heat, gas and water',
  },
  { code: 'E', name: '建筑业', nameEn: 'Construction' },
  { code: 'F', name: '批发和零售业', nameEn: 'Wholesale and retail trade' },
  { code: 'G', name: '交通运输、仓储和邮政业', nameEn: 'Transport, storage and postal services' },
  { code: 'H', name: '住宿和餐饮业', nameEn: 'Accommodation and catering' },
  {
    code: 'I',
    name: '信息传输、软件和信息技术服务业',
    nameEn: 'Information transmission, software and information technology services',
  },
  { code: 'J', name: '金融业', nameEn: 'Finance' },
  { code: 'K', name: '房地产业', nameEn: 'Real estate' },
  { code: 'L', name: '租赁和商务服务业', nameEn: 'Leasing and business services' },
  { code: 'M', name: '科学研究和技术服务业', nameEn: 'Scientific research and technical services' },
  {
    code: 'N',
    name: '水利、环境和公共设施管理业',
    nameEn: 'Management of water conservancy, environment and public facilities',
  },
  { code: 'O', name: '居民服务、修理和其他服务业', nameEn: 'Resident services, repair and other services' },
  { code: 'P', name: '教育', nameEn: 'Education' },
  { code: 'Q', name: '卫生和社会工作', nameEn: 'Health and social work' },
  { code: 'R', name: '文化、体育和娱乐业', nameEn: 'Culture, sports and entertainment' },
  {
    code: 'S',
    name: '公共管理、社会保障和社会组织',
    nameEn: 'Public management, social security and social organisations',
  },
  { code: 'T', name: '国际组织', nameEn: 'International organisations' },
];

/** Invented employers, by section: Chinese names for alumni at home, English ones for alumni abroad. */
export const EMPLOYERS: Readonly<Record<string, { cn: readonly string[]; intl: readonly string[] }>> = {
  A: {
    cn: ['禾丰现代农业发展有限公司', '青田生态林业集团', '碧湖水产科技有限公司', '沃野种业股份有限公司'],
    intl: ['Greenfield Agritech Ltd.', 'Harvest Valley Farms'],
  },
  B: {
    cn: ['鼎岩矿业集团有限公司', '西岭能源开采有限公司', '金川地质勘查院'],
    intl: ['Ridgeway Mining Corp.'],
  },
  C: {
    cn: [
      '恒创精密机械股份有限公司',
      '华微半导体制造有限公司',
      '启航新能源汽车有限公司',
      '瑞丰化工集团',
      '博远智能装备有限公司',
      '长青医药制造有限公司',
      '光合新材料科技有限公司',
    ],
    intl: ['Northwind Semiconductor Inc.', 'Brightline Motors GmbH', 'Kestrel Precision Ltd.'],
  },
  D: {
    cn: ['华源电力设计院', '清泉水务集团', '东岳燃气有限公司', '晴川新能源发电有限公司'],
    intl: ['Bluegrid Energy plc'],
  },
  E: {
    cn: ['中建联合工程局（虚构）', '宏基建设集团', '筑城建筑设计研究院', '江城路桥工程有限公司'],
    intl: ['Arcstone Engineering Pty Ltd'],
  },
  F: {
    cn: ['优选商贸有限公司', '汇通供应链管理有限公司', '鲜丰连锁超市', '云购电子商务有限公司'],
    intl: ['Maple Trade Co.', 'Pacific Goods Distribution'],
  },
  G: {
    cn: ['通达物流集团', '江海航运有限公司', '迅捷快递有限公司', '城铁运营管理有限公司'],
    intl: ['Harbourline Logistics'],
  },
  H: {
    cn: ['望江酒店管理有限公司', '味道餐饮连锁', '云栖度假村'],
    intl: ['Lotus Hospitality Group'],
  },
  I: {
    cn: [
      '云启数智科技有限公司',
      '星河软件股份有限公司',
      '极光网络科技有限公司',
      '数峰信息技术有限公司',
      '蓝鲸云计算有限公司',
      '深蓝智能科技有限公司',
      '千帆通信技术有限公司',
    ],
    intl: ['Quantum Harbor Software Inc.', 'Bayview Cloud Systems', 'Silverline AI Labs', 'Redwood Data Inc.'],
  },
  J: {
    cn: ['汇丰源证券股份有限公司（虚构）', '长江信诚银行', '鼎泰基金管理有限公司', '安盛达保险股份有限公司', '融和资本投资管理有限公司'],
    intl: ['Granite Peak Capital', 'Lionsgate Securities Pte. Ltd.', 'Hudson Quant Partners'],
  },
  K: {
    cn: ['安居置业集团', '城光地产开发有限公司', '友邻物业服务有限公司'],
    intl: ['Crescent Realty'],
  },
  L: {
    cn: ['明德律师事务所', '正信会计师事务所', '博策管理咨询有限公司', '智联人力资源服务有限公司'],
    intl: ['Whitfield Consulting LLP', 'Clearview Advisory'],
  },
  M: {
    cn: ['国家某重点实验室（虚构）', '华科检测认证有限公司', '创源生物医药研究院', '天衡工程技术研究中心'],
    intl: ['Helix Research Institute', 'Aurora Biotech Inc.'],
  },
  N: {
    cn: ['绿水环境科技有限公司', '城市园林管理局（虚构）', '清源环保集团'],
    intl: ['Clearwater Environmental Ltd.'],
  },
  O: {
    cn: ['安心家政服务有限公司', '鑫诚汽车维修服务中心'],
    intl: ['Homecare Services Ltd.'],
  },
  P: {
    cn: ['本校', '江城第一中学', '育才实验学校', '某师范大学（虚构）', '启明职业技术学院'],
    intl: ['University of Westbridge', 'Northgate College'],
  },
  Q: {
    cn: ['本校附属第一医院', '本校附属第二医院', '江城市中心医院', '康宁社区卫生服务中心'],
    intl: ['St. Aldric Hospital', 'Harbour Medical Centre'],
  },
  R: {
    cn: ['江城日报社', '星光文化传媒有限公司', '长风出版社', '江城广播电视台'],
    intl: ['Blue Lantern Media'],
  },
  S: {
    cn: ['某市人民政府办公室', '某区发展和改革局', '某市社会保障局', '某省商务厅'],
    intl: ['Westbridge City Council'],
  },
  T: {
    cn: ['国际发展合作论坛驻华代表处（虚构）'],
    intl: ['Global Development Forum (invented)'],
  },
};

/** Job titles by section, in Chinese and English. */
export const JOB_TITLES: Readonly<Record<string, { cn: readonly string[]; intl: readonly string[] }>> = {
  A: { cn: ['农艺师', '技术员', '总经理', '育种工程师'], intl: ['Agronomist', 'Operations Manager'] },
  B: { cn: ['地质工程师', '采矿工程师', '安全总监'], intl: ['Geologist', 'Mining Engineer'] },
  C: {
    cn: ['工艺工程师', '研发工程师', '质量经理', '生产总监', '高级工程师', '总工程师'],
    intl: ['Process Engineer', 'R&D Engineer', 'Quality Manager'],
  },
  D: { cn: ['电气工程师', '运行值长', '项目经理'], intl: ['Electrical Engineer', 'Project Manager'] },
  E: { cn: ['结构工程师', '项目经理', '建筑师', '造价工程师'], intl: ['Structural Engineer', 'Architect'] },
  F: { cn: ['采购经理', '区域销售经理', '运营总监'], intl: ['Buyer', 'Sales Manager'] },
  G: { cn: ['物流经理', '调度主管', '运营总监'], intl: ['Logistics Manager', 'Operations Lead'] },
  H: { cn: ['酒店经理', '餐饮总监'], intl: ['Hotel Manager'] },
  I: {
    cn: ['软件工程师', '高级软件工程师', '算法工程师', '产品经理', '技术总监', '架构师', '首席技术官', '数据分析师'],
    intl: ['Software Engineer', 'Senior Software Engineer', 'Product Manager', 'Engineering Manager', 'Data Scientist'],
  },
  J: {
    cn: ['分析师', '投资经理', '风控经理', '客户经理', '基金经理', '副总裁'],
    intl: ['Analyst', 'Portfolio Manager', 'Vice President', 'Quant Researcher'],
  },
  K: { cn: ['投资拓展经理', '物业经理', '营销总监'], intl: ['Property Manager'] },
  L: { cn: ['律师', '合伙人', '注册会计师', '咨询顾问', '人力资源经理'], intl: ['Consultant', 'Associate', 'Partner'] },
  M: { cn: ['研究员', '副研究员', '工程师', '实验室主任'], intl: ['Research Scientist', 'Postdoctoral Fellow'] },
  N: { cn: ['环境工程师', '规划师'], intl: ['Environmental Engineer'] },
  O: { cn: ['店长', '技术主管'], intl: ['Service Manager'] },
  P: { cn: ['教师', '讲师', '副教授', '教授', '教务主任', '校长'], intl: ['Lecturer', 'Assistant Professor', 'Professor'] },
  Q: { cn: ['住院医师', '主治医师', '副主任医师', '主任医师', '护士长', '药剂师'], intl: ['Physician', 'Research Nurse'] },
  R: { cn: ['记者', '编辑', '主编', '制片人', '策划总监'], intl: ['Journalist', 'Editor', 'Producer'] },
  S: { cn: ['科员', '主任科员', '副处长', '处长'], intl: ['Programme Officer'] },
  T: { cn: ['项目官员', '顾问'], intl: ['Programme Officer', 'Policy Adviser'] },
};
