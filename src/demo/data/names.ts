/**
 * Common Chinese surnames with their pinyin, weighted roughly by how often they occur
 * (per cent of the population, rounded), and given-name characters by usage.
 */
export type Syllable = readonly [hanzi: string, pinyin: string];
export type WeightedSurname = readonly [hanzi: string, pinyin: string, weight: number];

export const SURNAMES: readonly WeightedSurname[] = [
  ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.5], ['刘', 'liu', 5.4], ['陈', 'chen', 4.6],
  ['杨', 'yang', 3.1], ['黄', 'huang', 2.4], ['赵', 'zhao', 2.0], ['吴', 'wu', 2.0], ['周', 'zhou', 1.9],
  ['徐', 'xu', 1.4], ['孙', 'sun', 1.4], ['马', 'ma', 1.3], ['朱', 'zhu', 1.2], ['胡', 'hu', 1.2],
  ['郭', 'guo', 1.1], ['何', 'he', 1.0], ['林', 'lin', 1.0], ['高', 'gao', 1.0], ['罗', 'luo', 0.9],
  ['郑', 'zheng', 0.8], ['梁', 'liang', 0.8], ['谢', 'xie', 0.6], ['宋', 'song', 0.6], ['唐', 'tang', 0.6],
  ['许', 'xu', 0.5], ['韩', 'han', 0.5], ['冯', 'feng', 0.5], ['邓', 'deng', 0.5], ['曹', 'cao', 0.5],
  ['彭', 'peng', 0.5], ['曾', 'zeng', 0.4], ['肖', 'xiao', 0.4], ['田', 'tian', 0.4], ['董', 'dong', 0.4],
  ['潘', 'pan', 0.3], ['袁', 'yuan', 0.3], ['蔡', 'cai', 0.3], ['蒋', 'jiang', 0.3], ['余', 'yu', 0.3],
  ['于', 'yu', 0.3], ['杜', 'du', 0.3], ['叶', 'ye', 0.3], ['程', 'cheng', 0.3], ['魏', 'wei', 0.3],
  ['苏', 'su', 0.3], ['吕', 'lv', 0.3], ['丁', 'ding', 0.3], ['任', 'ren', 0.3], ['卢', 'lu', 0.3],
  ['姚', 'yao', 0.2], ['沈', 'shen', 0.2], ['钟', 'zhong', 0.2], ['姜', 'jiang', 0.2], ['崔', 'cui', 0.2],
  ['谭', 'tan', 0.2], ['陆', 'lu', 0.2], ['范', 'fan', 0.2], ['汪', 'wang', 0.2], ['廖', 'liao', 0.2],
  ['石', 'shi', 0.2], ['金', 'jin', 0.2], ['韦', 'wei', 0.2], ['贾', 'jia', 0.2], ['夏', 'xia', 0.2],
  ['付', 'fu', 0.2], ['方', 'fang', 0.2], ['邹', 'zou', 0.2], ['熊', 'xiong', 0.2], ['白', 'bai', 0.2],
  ['孟', 'meng', 0.2], ['秦', 'qin', 0.2], ['邱', 'qiu', 0.2], ['侯', 'hou', 0.2], ['江', 'jiang', 0.2],
  ['尹', 'yin', 0.2], ['薛', 'xue', 0.2], ['闫', 'yan', 0.2], ['段', 'duan', 0.1], ['雷', 'lei', 0.1],
  ['龙', 'long', 0.1], ['黎', 'li', 0.1], ['史', 'shi', 0.1], ['陶', 'tao', 0.1], ['贺', 'he', 0.1],
  ['毛', 'mao', 0.1], ['郝', 'hao', 0.1], ['顾', 'gu', 0.1], ['龚', 'gong', 0.1], ['邵', 'shao', 0.1],
  ['万', 'wan', 0.1], ['覃', 'qin', 0.1], ['武', 'wu', 0.1], ['钱', 'qian', 0.1], ['戴', 'dai', 0.1],
  ['严', 'yan', 0.1], ['欧阳', 'ouyang', 0.05], ['上官', 'shangguan', 0.01], ['司马', 'sima', 0.01],
];

export const GIVEN_MALE: readonly Syllable[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'],
  ['斌', 'bin'], ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'],
  ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'],
  ['健', 'jian'], ['俊', 'jun'], ['帆', 'fan'], ['旭', 'xu'], ['宁', 'ning'], ['龙', 'long'], ['阳', 'yang'],
  ['建', 'jian'], ['国', 'guo'], ['志', 'zhi'], ['海', 'hai'], ['峰', 'feng'], ['博', 'bo'], ['晨', 'chen'],
  ['子', 'zi'], ['轩', 'xuan'], ['睿', 'rui'], ['泽', 'ze'], ['航', 'hang'], ['天', 'tian'], ['东', 'dong'],
  ['成', 'cheng'], ['振', 'zhen'], ['毅', 'yi'], ['文', 'wen'], ['思', 'si'], ['远', 'yuan'], ['嘉', 'jia'],
];

export const GIVEN_FEMALE: readonly Syllable[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'],
  ['霞', 'xia'], ['秀', 'xiu'], ['玲', 'ling'], ['燕', 'yan'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'],
  ['颖', 'ying'], ['琳', 'lin'], ['洁', 'jie'], ['倩', 'qian'], ['悦', 'yue'], ['欣', 'xin'], ['佳', 'jia'],
  ['怡', 'yi'], ['梦', 'meng'], ['雨', 'yu'], ['思', 'si'], ['晓', 'xiao'], ['文', 'wen'], ['丹', 'dan'],
  ['萍', 'ping'], ['红', 'hong'], ['琪', 'qi'], ['瑶', 'yao'], ['璐', 'lu'], ['晶', 'jing'], ['莉', 'li'],
  ['蕾', 'lei'], ['薇', 'wei'], ['彤', 'tong'], ['涵', 'han'], ['诗', 'shi'], ['嘉', 'jia'], ['清', 'qing'],
];

/** Reserved example domains (RFC 2606): generated addresses can never reach a real person. */
export const MAIL_DOMAINS: readonly (readonly [domain: string, weight: number])[] = [
  ['example.com', 5],
  ['example.net', 3],
  ['example.org', 2],
  ['mail.example.com', 2],
  ['alumni.example.edu', 1],
];
