/** The organ-name grammar (lib/entities/organs.ts) on sentences written for it, and the 主送机关 guard. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalAgency, findAgencies, isCentralIssuer, issuerLocality } from '../pipeline/lib/entities/agencies.js';
import { findOrgans } from '../pipeline/lib/entities/organs.js';
import { boundaries } from '../pipeline/lib/jieba.js';
import { isAddresseeList } from '../pipeline/lib/segment/parts.js';
import { processDocument } from '../pipeline/pipeline.js';
import { ROOT, SHARED } from './helpers/paths.js';
import { bestTime } from './helpers/timing.js';

const organs = (text: string) => findOrgans(text, boundaries(text)).map((o) => o.name);

describe('the organ-name grammar', () => {
  it('reads a jurisdiction at any level from the gazetteer, the organ and its sub-units', () => {
    expect(organs('福建省公安厅经侦总队昨日通报了案件进展。')).toEqual(['福建省公安厅经侦总队']);
    expect(organs('原告不服，向上海市杨浦区法院提起诉讼。')).toEqual(['上海市杨浦区法院']);
    expect(organs('此案由北京市第一中级人民法院审理。')).toEqual(['北京市第一中级人民法院']);
    expect(organs('材料已报送黔东南州政府。')).toEqual(['黔东南州政府']); // 黔东南苗族侗族自治州 → 黔东南州
    expect(organs('崇礼县政府发布通告。')).toEqual(['崇礼县政府']); // now 崇礼区: the short form and a level word
    expect(organs('市住建委和区房管局联合检查。')).toEqual(['市住建委', '区房管局']);
    expect(organs('国家发改委财政金融司负责人介绍。')).toEqual(['国家发改委财政金融司']);
  });

  it('finds central organs and their short forms, and foreign bodies apart from Chinese ones', () => {
    expect(organs('央行宣布下调存款准备金率，银监会随即发文。')).toEqual(['央行', '银监会']);
    expect(organs('美国国务院发言人表示。')).toEqual(['美国国务院']);
    expect(organs('美军与俄海军在黑海对峙。')).toEqual(['美军', '俄海军']);
    const found = findOrgans('美国国务院和国务院', boundaries('美国国务院和国务院'));
    expect(found.map((o) => [o.name, o.country])).toEqual([['美国国务院', '美国'], ['国务院', null]]);
  });

  it('keeps generic organs of laws as collectives', () => {
    const text = '县级以上地方人民政府应当加强领导，国务院有关部门按照职责分工负责，国务院卫生行政部门负责监督管理。';
    expect(findOrgans(text, boundaries(text)).map((o) => [o.name, o.group])).toEqual([
      ['县级以上地方人民政府', true],
      ['国务院有关部门', true],
      ['国务院卫生行政部门', true],
    ]);
    // two organs joined by 和 are two, whatever their suffix
    expect(organs('美国国务院和国务院新闻办公室')).toEqual(['美国国务院', '国务院新闻办公室']);
  });

  it('stops at a person’s title, a venue, a company and a direction', () => {
    expect(organs('公安局长王某到场。')).toEqual([]);
    expect(organs('市委常委张某出席。')).toEqual([]); // 市委常委 is one word, a title
    expect(organs('中美军事交流。')).toEqual([]);
    expect(organs('上海光大会展中心举办车展，北京万科有限公司参展。')).toEqual([]);
    expect(organs('贵州西南部降雨，莫斯科斯巴达队获胜。')).toEqual([]);
    expect(organs('工作会议上，市场部经理发言。')).toEqual([]);
    expect(organs('优化总体布局和空间布局，军队转业干部随迁。')).toEqual(['军队']);
    // 会同 is a county's short form and a verb: 会同 + 市商务局 is the bureau alone
    expect(organs('市房管中心会同市商务局制定细则。')).toEqual(['市商务局']);
  });

  it('splits two organs written together on a signature line, keeps a central organ’s local branch whole', () => {
    expect(organs('佛山市住房和城乡建设局佛山市自然资源局')).toEqual(['佛山市住房和城乡建设局', '佛山市自然资源局']);
    expect(organs('国家税务总局佛山市税务局')).toEqual(['国家税务总局佛山市税务局']);
  });

  it('finds no organ inside a book or film title', () => {
    expect(organs('他主演了《北京市公安局刑侦支队》一剧，北京市公安局表示支持。')).toEqual(['北京市公安局']);
  });

  it('finds no organ inside a quoted form’s name, and reads 人社部门 as no 人社部 (files-07)', () => {
    expect(organs('须提供学信网的“教育部学历证书电子注册备案表”1份，及教育部留学服务中心出具的证明。')).toEqual(['教育部留学服务中心']);
    // a quoted name that is no document's is read as usual
    expect(organs('开展“北京市公安局开放日”活动。')).toEqual(['北京市公安局']);
    expect(organs('由省、市、县（区）人社部门制发，区人社部门进行公示。')).not.toContain('区人社部');
    expect(organs('由省、市、县（区）人社部门制发，区人社部门进行公示。')).not.toContain('人社部');
    expect(organs('将材料报送至长乐区人事人才中心，区不动产登记和交易中心复审。')).toEqual(['长乐区人事人才中心', '区不动产登记和交易中心']);
  });

  it('is linear in its input', () => {
    const unit = '四川省成都市锦江区人民政府办公室会同市公安局刑侦支队、国务院有关部门和美国国务院开展工作。';
    // the best of three runs: one run can take a collection or a compilation that says nothing of the grammar
    const time = (n: number) => {
      const text = unit.repeat(n);
      const b = boundaries(text);
      return bestTime(() => findOrgans(text, b));
    };
    time(50);
    expect(time(2000) / Math.max(time(200), 1)).toBeLessThan(30);
  });
});

const CLUENER = join(SHARED, 'corpus', 'cluener', 'train.jsonl');
describe.skipIf(!existsSync(CLUENER))('on CLUENER2020 (train)', () => {
  const records = readFileSync(CLUENER, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; label: Record<string, Record<string, unknown>> });

  it('scores precision ≥ 0.75 and F1 ≥ 0.7 on the government spans (the number `npm run eval:cluener` prints)', () => {
    let tp = 0, fp = 0, fn = 0;
    for (const { text, label } of records) {
      const gold = new Set(Object.keys(label.government ?? {}));
      const found = new Set(findAgencies(text, boundaries(text), { named: [], issuer: null }).map((c) => c.surface));
      for (const n of found) gold.has(n) ? tp++ : fp++;
      for (const n of gold) if (!found.has(n)) fn++;
    }
    const p = tp / (tp + fp), r = tp / (tp + fn);
    expect(p).toBeGreaterThanOrEqual(0.75);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.7);
  }, 120_000);

  // a prose "agency" has a verb, a particle or a sentence mark inside (有关 collectives aside: 仙游县政府有关部门)
  const PROSE = /[，。；：！？、“”]|的|了|是|在|将|有(?!关)|并/;

  it('never names a clause of prose as an agency, in the finder', () => {
    const clauses: string[] = [];
    for (const { text } of records.slice(0, 3000)) {
      for (const c of findAgencies(text, boundaries(text), { named: [], issuer: null })) {
        if (PROSE.test(c.surface) && !/^(?:国务院|县级以上|各)/.test(c.surface)) clauses.push(c.surface);
      }
    }
    expect(clauses).toEqual([]);
  }, 120_000);

  it('never names a clause of prose as an agency, in the whole pipeline, on the records that produced them', () => {
    // the 97 records where the pipeline's issuer, title or addressee reading once gave prose "agencies" (the fixture says how they were found)
    const { records: lines } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'entities', 'cluener-prose-records.json'), 'utf8')) as { records: number[] };
    expect(lines.length).toBeGreaterThan(90);
    const clauses: string[] = [];
    for (const line of lines) {
      const doc = processDocument({ file: 'record.txt', bytes: Buffer.from(records[line]!.text) }).document;
      for (const e of doc?.entities ?? []) {
        if ((e.type === 'agency' || e.type === 'agencyGroup') && PROSE.test(e.name['zh-Hans']) && !/^(?:国务院|县级以上|各)/.test(e.name['zh-Hans'])) clauses.push(e.name['zh-Hans']);
      }
    }
    expect(clauses).toEqual([]);
  }, 120_000);
});

describe('主送机关', () => {
  it('is a list of organs, not a line of prose that ends in a colon', () => {
    expect(isAddresseeList('各省、自治区、直辖市人民政府，国务院各部委、各直属机构')).toBe(true);
    expect(isAddresseeList('各区（市）县政府（管委会），市政府各部门，有关单位')).toBe(true);
    expect(isAddresseeList('市卫生健康委在发布会上公布了以下几点')).toBe(false);
    expect(isAddresseeList('具体措施如下')).toBe(false);
  });
});

describe('canonical names by the document’s jurisdiction', () => {
  const canon = (name: string, issuer: string | null) => canonicalAgency(name, issuerLocality(issuer), isCentralIssuer(issuer));
  it('gives a bare organ the jurisdiction of the issuer', () => {
    expect(canon('知识产权局', '国务院办公厅')).toBe('国家知识产权局');
    expect(canon('统计局', '国务院')).toBe('国家统计局');
    expect(canon('知识产权局', '四川省人民政府')).toBe('四川省知识产权局');
    expect(canon('省知识产权局', '四川省人民政府')).toBe('四川省知识产权局');
    expect(canon('区房管局', '四川省成都市锦江区人民政府')).toBe('锦江区房产管理局');
    // a central organ stays central in a local document
    expect(canon('财政部', '四川省人民政府')).toBe('财政部');
    expect(canon('央行', '成都市人民政府')).toBe('中国人民银行');
  });

  it('reads a class of organs, a bare organ word and a level word below the issuer’s as collectives (files-07, -09, -12)', () => {
    const types = (text: string, issuer: string | null) => Object.fromEntries(findAgencies(text, boundaries(text), { named: [], issuer }).map((c) => [c.surface, c.type]));
    expect(types('依法移送司法机关查处，提供离婚证书或法院离婚判决书。', null)).toEqual({ 司法机关: 'agencyGroup', 法院: 'agencyGroup' });
    expect(types('区人民政府确定的部门配合市人民政府工作。', '北京市人民政府')).toMatchObject({ 区人民政府: 'agencyGroup', 市人民政府: 'agency' });
    // in a district's own document 区 is that district
    expect(types('由区住建局会同区财政局审核。', '福州市长乐区人民政府')).toEqual({ 区住建局: 'agency', 区财政局: 'agency' });
    expect(types('书面报告区住房城乡建设局。', '江门市住房和城乡建设局')).toEqual({ 区住房城乡建设局: 'agencyGroup' });
  });

  it('reads an addressee item of whole organs joined by 、 as each of them, one whose names share a head as one collective (pages-04, pages-13)', () => {
    const read = (item: string) => findAgencies(item, boundaries(item), { named: [{ name: item }], issuer: null }).map((c) => `${c.type}:${c.surface}`);
    expect(read('各房地产交易中心、市房屋状况信息中心')).toEqual(['agencyGroup:各房地产交易中心', 'agency:市房屋状况信息中心']);
    expect(read('葛店经开区、临空经济区管委会')[0]).toBe('agencyGroup:葛店经开区、临空经济区管委会');
  });

  it('splits a named issuer written as two organs one after the other (files-09)', () => {
    const text = '江门市住房和城乡建设局江门市财政局关于印发方案的通知';
    const found = findAgencies(text, boundaries(text), { named: [{ name: '江门市住房和城乡建设局江门市财政局' }], issuer: '江门市住房和城乡建设局江门市财政局' });
    expect(found.map((c) => c.surface)).toEqual(['江门市住房和城乡建设局', '江门市财政局']);
  });

  it('expands a place’s short form and the organ’s short form', () => {
    expect(canon('成都发改委', null)).toBe('成都市发展和改革委员会');
    expect(canon('北京市住建委', null)).toBe('北京市住房和城乡建设委员会');
    expect(canon('黔东南州政府', null)).toBe('黔东南苗族侗族自治州人民政府');
    expect(canon('最高法', null)).toBe('最高人民法院');
  });
});
