/**
 * Where alumni live, and the regional chapters (地区校友会) that gather them. The
 * university itself is imagined in Wuhan (湖北), so Hubei weighs more than its size.
 */
export interface ProvinceData {
  province: string;
  /** Share of domestic alumni living there. */
  weight: number;
  cities: readonly (readonly [city: string, weight: number])[];
}

export const PROVINCES: readonly ProvinceData[] = [
  { province: '北京市', weight: 9, cities: [['北京市', 1]] },
  { province: '天津市', weight: 2, cities: [['天津市', 1]] },
  { province: '河北省', weight: 2, cities: [['石家庄市', 3], ['保定市', 2], ['唐山市', 2]] },
  { province: '山西省', weight: 1, cities: [['太原市', 3], ['大同市', 1]] },
  { province: '内蒙古自治区', weight: 0.6, cities: [['呼和浩特市', 2], ['包头市', 1]] },
  { province: '辽宁省', weight: 1.5, cities: [['沈阳市', 3], ['大连市', 3]] },
  { province: '吉林省', weight: 0.8, cities: [['长春市', 1]] },
  { province: '黑龙江省', weight: 0.8, cities: [['哈尔滨市', 1]] },
  { province: '上海市', weight: 8, cities: [['上海市', 1]] },
  { province: '江苏省', weight: 5, cities: [['南京市', 4], ['苏州市', 3], ['无锡市', 1.5], ['常州市', 1]] },
  { province: '浙江省', weight: 5, cities: [['杭州市', 5], ['宁波市', 2], ['温州市', 1]] },
  { province: '安徽省', weight: 2, cities: [['合肥市', 3], ['芜湖市', 1]] },
  { province: '福建省', weight: 2, cities: [['福州市', 2], ['厦门市', 2], ['泉州市', 1]] },
  { province: '江西省', weight: 1.5, cities: [['南昌市', 3], ['九江市', 1]] },
  { province: '山东省', weight: 3, cities: [['济南市', 3], ['青岛市', 3], ['烟台市', 1]] },
  { province: '河南省', weight: 3, cities: [['郑州市', 4], ['洛阳市', 1]] },
  { province: '湖北省', weight: 18, cities: [['武汉市', 10], ['宜昌市', 1], ['襄阳市', 1], ['荆州市', 0.7]] },
  { province: '湖南省', weight: 3, cities: [['长沙市', 4], ['株洲市', 1]] },
  { province: '广东省', weight: 10, cities: [['广州市', 4], ['深圳市', 5], ['东莞市', 1], ['佛山市', 1], ['珠海市', 0.6]] },
  { province: '广西壮族自治区', weight: 1, cities: [['南宁市', 2], ['桂林市', 1]] },
  { province: '海南省', weight: 0.5, cities: [['海口市', 2], ['三亚市', 1]] },
  { province: '重庆市', weight: 2, cities: [['重庆市', 1]] },
  { province: '四川省', weight: 3, cities: [['成都市', 5], ['绵阳市', 1]] },
  { province: '贵州省', weight: 0.8, cities: [['贵阳市', 1]] },
  { province: '云南省', weight: 0.8, cities: [['昆明市', 1]] },
  { province: '陕西省', weight: 2, cities: [['西安市', 1]] },
  { province: '甘肃省', weight: 0.5, cities: [['兰州市', 1]] },
  { province: '青海省', weight: 0.2, cities: [['西宁市', 1]] },
  { province: '宁夏回族自治区', weight: 0.2, cities: [['银川市', 1]] },
  { province: '新疆维吾尔自治区', weight: 0.6, cities: [['乌鲁木齐市', 1]] },
  { province: '西藏自治区', weight: 0.1, cities: [['拉萨市', 1]] },
  { province: '香港特别行政区', weight: 0.8, cities: [['香港', 1]] },
];

export interface AbroadData {
  country: string;
  weight: number;
  places: readonly (readonly [province: string | null, city: string, weight: number])[];
}

/** Alumni abroad: ISO 3166-1 country codes, regions and cities. */
export const ABROAD: readonly AbroadData[] = [
  {
    country: 'US',
    weight: 40,
    places: [
      ['California', 'San Jose', 3],
      ['California', 'San Francisco', 3],
      ['California', 'Palo Alto', 1.5],
      ['California', 'Los Angeles', 2],
      ['New York', 'New York', 4],
      ['Massachusetts', 'Boston', 2],
      ['Washington', 'Seattle', 2.5],
      ['Texas', 'Houston', 1],
      ['Illinois', 'Chicago', 1],
    ],
  },
  { country: 'CA', weight: 9, places: [['Ontario', 'Toronto', 2], ['British Columbia', 'Vancouver', 2]] },
  {
    country: 'GB',
    weight: 10,
    places: [['England', 'London', 4], ['England', 'Manchester', 1], ['Scotland', 'Edinburgh', 1]],
  },
  { country: 'DE', weight: 6, places: [['Bavaria', 'Munich', 2], ['Berlin', 'Berlin', 2]] },
  { country: 'FR', weight: 3, places: [['Île-de-France', 'Paris', 1]] },
  { country: 'JP', weight: 7, places: [['Tokyo', 'Tokyo', 3], ['Osaka', 'Osaka', 1]] },
  { country: 'SG', weight: 9, places: [[null, 'Singapore', 1]] },
  { country: 'AU', weight: 8, places: [['New South Wales', 'Sydney', 2], ['Victoria', 'Melbourne', 2]] },
  { country: 'KR', weight: 2, places: [['Seoul', 'Seoul', 1]] },
];

/** Share of alumni who live abroad. */
export const ABROAD_SHARE = 0.08;

export type ChapterStatus = 'active' | 'dormant' | 'dissolved';

export interface ChapterData {
  name: string;
  nameEn: string;
  country: string;
  province: string | null;
  city: string | null;
  foundedOn: string;
  status: ChapterStatus;
  /** Which alumni it gathers: a province, or a list of cities (branches and abroad chapters), or a whole country. */
  match: { province?: string; cities?: readonly string[]; country?: string };
  /** Large chapters have more liaison seats. */
  size: number;
}

const province = (
  name: string,
  nameEn: string,
  prov: string,
  city: string,
  foundedOn: string,
  size = 1,
  status: ChapterStatus = 'active'
): ChapterData => ({
  name,
  nameEn,
  country: 'CN',
  province: prov,
  city,
  foundedOn,
  status,
  match: { province: prov },
  size,
});

const branch = (name: string, nameEn: string, prov: string, city: string, foundedOn: string, size = 1): ChapterData => ({
  name,
  nameEn,
  country: 'CN',
  province: prov,
  city,
  foundedOn,
  status: 'active',
  match: { cities: [city] },
  size,
});

const abroad = (
  name: string,
  nameEn: string,
  country: string,
  prov: string | null,
  city: string,
  foundedOn: string,
  cities?: readonly string[],
  size = 1
): ChapterData => ({
  name,
  nameEn,
  country,
  province: prov,
  city,
  foundedOn,
  status: 'active',
  match: cities ? { cities } : { country },
  size,
});

export const CHAPTERS: readonly ChapterData[] = [
  province('北京校友会', 'Beijing Alumni Association', '北京市', '北京市', '1985-10-12', 3),
  province('天津校友会', 'Tianjin Alumni Association', '天津市', '天津市', '1992-05-16'),
  province('河北校友会', 'Hebei Alumni Association', '河北省', '石家庄市', '2003-09-20'),
  province('山西校友会', 'Shanxi Alumni Association', '山西省', '太原市', '2006-04-22'),
  province('内蒙古校友会', 'Inner Mongolia Alumni Association', '内蒙古自治区', '呼和浩特市', '2010-08-07', 1, 'dormant'),
  province('辽宁校友会', 'Liaoning Alumni Association', '辽宁省', '沈阳市', '1998-06-13'),
  province('吉林校友会', 'Jilin Alumni Association', '吉林省', '长春市', '2005-07-09'),
  province('黑龙江校友会', 'Heilongjiang Alumni Association', '黑龙江省', '哈尔滨市', '2004-01-10'),
  province('上海校友会', 'Shanghai Alumni Association', '上海市', '上海市', '1986-11-08', 3),
  province('江苏校友会', 'Jiangsu Alumni Association', '江苏省', '南京市', '1993-03-27', 2),
  branch('江苏校友会苏州分会', 'Suzhou Branch, Jiangsu Alumni Association', '江苏省', '苏州市', '2012-10-20'),
  province('浙江校友会', 'Zhejiang Alumni Association', '浙江省', '杭州市', '1995-12-02', 2),
  branch('浙江校友会宁波分会', 'Ningbo Branch, Zhejiang Alumni Association', '浙江省', '宁波市', '2014-05-18'),
  province('安徽校友会', 'Anhui Alumni Association', '安徽省', '合肥市', '2001-04-14'),
  province('福建校友会', 'Fujian Alumni Association', '福建省', '福州市', '1999-11-06'),
  branch('福建校友会厦门分会', 'Xiamen Branch, Fujian Alumni Association', '福建省', '厦门市', '2011-03-19'),
  province('江西校友会', 'Jiangxi Alumni Association', '江西省', '南昌市', '2002-09-28'),
  province('山东校友会', 'Shandong Alumni Association', '山东省', '济南市', '1997-08-23'),
  branch('山东校友会青岛分会', 'Qingdao Branch, Shandong Alumni Association', '山东省', '青岛市', '2013-07-06'),
  province('河南校友会', 'Henan Alumni Association', '河南省', '郑州市', '2000-10-15'),
  province('湖北校友会', 'Hubei Alumni Association', '湖北省', '武汉市', '1984-05-04', 4),
  province('湖南校友会', 'Hunan Alumni Association', '湖南省', '长沙市', '1996-06-29'),
  province('广东校友会', 'Guangdong Alumni Association', '广东省', '广州市', '1988-12-10', 2),
  branch('广东校友会深圳分会', 'Shenzhen Branch, Guangdong Alumni Association', '广东省', '深圳市', '1994-09-24', 3),
  province('广西校友会', 'Guangxi Alumni Association', '广西壮族自治区', '南宁市', '2003-11-22'),
  province('海南校友会', 'Hainan Alumni Association', '海南省', '海口市', '2008-02-23'),
  province('重庆校友会', 'Chongqing Alumni Association', '重庆市', '重庆市', '1998-04-18'),
  province('四川校友会', 'Sichuan Alumni Association', '四川省', '成都市', '1995-05-20', 2),
  province('贵州校友会', 'Guizhou Alumni Association', '贵州省', '贵阳市', '2009-06-06'),
  province('云南校友会', 'Yunnan Alumni Association', '云南省', '昆明市', '2006-10-28'),
  province('陕西校友会', 'Shaanxi Alumni Association', '陕西省', '西安市', '1997-09-13'),
  province('甘肃校友会', 'Gansu Alumni Association', '甘肃省', '兰州市', '2011-08-20', 1, 'dormant'),
  province('青海校友会', 'Qinghai Alumni Association', '青海省', '西宁市', '2010-07-17', 1, 'dissolved'),
  province('新疆校友会', 'Xinjiang Alumni Association', '新疆维吾尔自治区', '乌鲁木齐市', '2012-09-08'),
  province('香港校友会', 'Hong Kong Alumni Association', '香港特别行政区', '香港', '2002-12-14'),
  abroad('北美（硅谷）校友会', 'North America (Silicon Valley) Alumni Association', 'US', 'California', 'San Jose', '1999-04-10', ['San Jose', 'San Francisco', 'Palo Alto'], 2),
  abroad('北美（纽约）校友会', 'North America (New York) Alumni Association', 'US', 'New York', 'New York', '2001-10-06', ['New York', 'Boston']),
  abroad('北美（西雅图）校友会', 'North America (Seattle) Alumni Association', 'US', 'Washington', 'Seattle', '2010-05-15', ['Seattle']),
  abroad('加拿大校友会', 'Canada Alumni Association', 'CA', 'Ontario', 'Toronto', '2005-06-18'),
  abroad('英国校友会', 'UK Alumni Association', 'GB', 'England', 'London', '2003-11-15'),
  abroad('德国校友会', 'Germany Alumni Association', 'DE', 'Bavaria', 'Munich', '2008-10-03'),
  abroad('法国校友会', 'France Alumni Association', 'FR', 'Île-de-France', 'Paris', '2012-03-24'),
  abroad('日本校友会', 'Japan Alumni Association', 'JP', 'Tokyo', 'Tokyo', '2000-09-09'),
  abroad('新加坡校友会', 'Singapore Alumni Association', 'SG', null, 'Singapore', '2004-08-14'),
  abroad('澳大利亚校友会', 'Australia Alumni Association', 'AU', 'New South Wales', 'Sydney', '2006-02-11'),
];
