/** extract: every entity type on the sample, on gov.cn pages and on sentences the lexicon has never seen. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTerms } from '../pipeline/lib/entities/terms.js';
import { findTargets } from '../pipeline/lib/entities/time.js';
import { boundaries, pieces } from '../pipeline/lib/jieba.js';
import { termLexicon, placeLexicon } from '../pipeline/lib/lexicon.js';
import { processDocument } from '../pipeline/pipeline.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
import { SAMPLE, SHARED, acceptance } from './helpers/paths.js';

const run = (text: string, file = 'x.txt') => processDocument({ file, bytes: Buffer.from(text) }).document!;
const named = (doc: GongwenDocument, ...types: string[]) =>
  doc.entities.filter((e) => types.includes(e.type)).flatMap((e) => [e.name['zh-Hans'], ...(e.forms ?? [])]);
const expected = acceptance() as ReturnType<typeof acceptance> & { technologiesSample: string[]; placesSample: string[]; programmesSample: string[]; timeHorizons: string[] };

describe('the sample', () => {
  const doc = processDocument({ file: 'sample.txt', bytes: readFileSync(SAMPLE) }).document!;

  it('finds every technology, place, programme and time horizon of the acceptance samples', () => {
    expect(expected.technologiesSample.filter((t) => !named(doc, 'technology', 'industry').includes(t))).toEqual([]);
    expect(expected.placesSample.filter((t) => !named(doc, 'place').includes(t) && !doc.entities.some((e) => e.type === 'place' && e.id === `place:${t}`))).toEqual([]);
    expect(expected.programmesSample.filter((t) => !named(doc, 'programme').includes(t))).toEqual([]);
    expect(expected.timeHorizons.filter((t) => !named(doc, 'timeHorizon').includes(t))).toEqual([]);
  });

  it('finds the technology sample from the patterns alone, without the lexicon', () => {
    // the lexicon happens to list every sampled term: measure what the enumerations, 攻关X and 培育X细分领域 find on their own
    const found = findTerms(doc.text['zh-Hans'], new Map()).map((c) => c.surface);
    const missed = expected.technologiesSample.filter((t) => !found.includes(t));
    expect(missed).toEqual(['固体氧化物燃料电池']); // named once, in “探索固体氧化物燃料电池、液流电化学电池技术路线”, no closing 等
  });

  it('gives each organ one entity with its canonical name, whatever short form the notes use', () => {
    const fagaiwei = doc.entities.find((e) => e.id === 'agency:成都市发展和改革委员会')!;
    expect(fagaiwei.name['zh-Hans']).toBe('市发改委');
    expect(fagaiwei.canonical).toBe('成都市发展和改革委员会');
    const twin = doc.entities.find((e) => e.name['zh-Hans'] === '市经信局市新经济委')!;
    expect(twin.canonical).toBe('成都市经济和信息化局／成都市新经济发展委员会');
    // the note roles point at these entities
    const note = doc.responsibilities.find((r) => r.id === 's5.5.r1')!;
    expect(note.lead).toEqual(['agency:成都市发展和改革委员会']);
  });

  it('gives terms the category their enumeration names', () => {
    const category = (name: string) => doc.entities.find((e) => e.name['zh-Hans'] === name)?.category;
    expect(category('结构化疾病数据库')).toBe('technology'); // …等核心技术
    expect(category('核医药')).toBe('field'); // …等细分领域
    expect(category('环保型高分子材料')).toBe('technology'); // …等关键技术
    expect(category('石墨烯薄膜')).toBe('material');
  });
});

describe('agencies', () => {
  it('merge the short and full forms of one organ, under the issuer’s place', () => {
    const doc = run('成都市人民政府关于加快发展的意见\n一、重点任务\n（一）加强统筹。[责任单位：市发改委，市财政局]\n（二）加强协调。[责任单位：市发展改革委]\n成都市发展和改革委员会负责牵头。\n成都市人民政府\n2024年5月1日');
    const e = doc.entities.filter((x) => x.id === 'agency:成都市发展和改革委员会');
    expect(e).toHaveLength(1);
    expect(e[0]!.forms).toEqual(['市发改委', '市发展改革委', '成都市发展和改革委员会']);
    expect(e[0]!.mentions).toHaveLength(3);
  });
  it('merge a State Council ministry’s short forms', () => {
    const doc = run('国务院关于加快发展的意见\n一、重点任务\n（一）加强统筹。（发展改革委、财政部负责）\n（二）加强协调。（国家发展改革委牵头，商务部参与）\n国务院\n2024年5月1日');
    expect(doc.entities.filter((x) => x.id === 'agency:国家发展和改革委员会').map((x) => x.forms)).toEqual([['发展改革委', '国家发展改革委']]);
  });
  it('tell collectives from organs: 各…, 有关部门, 国务院各部委、各直属机构', () => {
    const doc = run('国务院办公厅关于加快发展的意见\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、重点任务\n（一）加强统筹。（国家发展改革委、有关部门按职责分工负责）\n国务院办公厅\n2024年5月1日');
    const types = Object.fromEntries(doc.entities.filter((e) => e.type.startsWith('agency')).map((e) => [e.name['zh-Hans'], e.type]));
    expect(types).toMatchObject({ '各省、自治区、直辖市人民政府': 'agencyGroup', '国务院各部委、各直属机构': 'agencyGroup', 有关部门: 'agencyGroup', 国家发展改革委: 'agency', 国务院办公厅: 'agency' });
  });
});

describe('patterns that generalise beyond the lexicon', () => {
  it('reads the items of an enumeration closed by its kind, with their category', () => {
    const doc = run('国务院关于加快发展的意见\n一、重点任务\n加快攻关高温超导、固态电池、钙钛矿光伏等关键技术，前瞻布局深海采矿、空间太阳能电站等细分领域，积极发展银发经济产业。');
    const terms = Object.fromEntries(doc.entities.filter((e) => e.type === 'technology' || e.type === 'industry').map((e) => [e.name['zh-Hans'], e.category]));
    for (const t of ['高温超导', '固态电池', '钙钛矿光伏', '深海采矿', '空间太阳能电站', '银发经济产业']) expect(termLexicon().has(t)).toBe(false);
    expect(terms).toMatchObject({ 高温超导: 'technology', 固态电池: 'technology', 钙钛矿光伏: 'technology', 深海采矿: 'field', 空间太阳能电站: 'field', 银发经济产业: 'industry' });
  });
  it('finds named zones that the gazetteer lacks, and not generic ones', () => {
    const doc = run('国务院关于加快发展的意见\n一、重点任务\n支持浙江自贸试验区和上海张江高新区先行先试，以共建中关村科学城为抓手，充分发挥综合保税区作用，推动各新区协同发展。');
    const places = named(doc, 'place');
    for (const p of ['浙江自贸试验区', '上海张江高新区', '中关村科学城']) expect(placeLexicon().has(p)).toBe(false);
    expect(places).toEqual(expect.arrayContaining(['浙江自贸试验区', '上海张江高新区', '中关村科学城']));
    expect(places.filter((p) => p.includes('综合保税区') || p.includes('各新区'))).toEqual([]);
  });
  it('reads quoted programmes and leaves quoted slogans', () => {
    const doc = run('国务院关于加快发展的意见\n一、重点任务\n深入开展“光盘行动”，实施“万企帮万村”行动，推广“互联网+”模式，坚持“摸着石头过河”，落实“十四五”规划。');
    expect(named(doc, 'programme').sort()).toEqual(['“十四五”规划', '万企帮万村', '光盘行动'].sort());
  });
  it('reads programmes launched by their verb, and not generic ones', () => {
    const doc = run('国务院关于加快发展的意见\n一、重点任务\n深入实施快递下乡工程，组织实施好现代职业教育质量提升计划、产教融合工程，推进重大工程，实施人才发展规划和年度计划。');
    expect(named(doc, 'programme').sort()).toEqual(['快递下乡工程', '现代职业教育质量提升计划'].sort());
  });
  it('reads targets with their year, value and unit (gov.cn)', () => {
    const doc = processDocument({ file: 'govcn-07.html', bytes: readFileSync(join(SHARED, 'corpus', 'govcn', 'govcn-07.html')) }).document!;
    const targets = doc.entities.filter((e) => e.type === 'target');
    expect(targets.map((t) => [t.name['zh-Hans'], t.year, t.quantity])).toContainEqual(['秸秆综合利用率达到85%以上', 2020, { value: 85, unit: '%' }]);
    const sport = processDocument({ file: 'govcn-34.html', bytes: readFileSync(join(SHARED, 'corpus', 'govcn', 'govcn-34.html')) }).document!;
    expect(sport.entities.find((e) => e.type === 'target')).toMatchObject({ year: 2025, quantity: { value: 2, unit: '万亿元' } });
    // counts in 万 and 亿, every quantity of the sentence
    const counts = run('国务院关于加快发展的意见\n一、发展目标\n到2025年，建成5G基站3万个，培育专精特新企业1.2万家，建设标准厂房100万平方米。').entities.filter((e) => e.type === 'target');
    expect(counts.map((t) => [t.name['zh-Hans'], t.quantity])).toEqual([
      ['建成5G基站3万个', { value: 3, unit: '万个' }],
      ['培育专精特新企业1.2万家', { value: 1.2, unit: '万家' }],
      ['建设标准厂房100万平方米', { value: 100, unit: '万平方米' }],
    ]);
    const horizons = named(run('国务院关于加快发展的意见\n一、重点任务\n未来3至5年，近期重点推进试点，到2030年基本建成，“十四五”时期全面推开。'), 'timeHorizon');
    expect(horizons.sort()).toEqual(['“十四五”时期', '到2030年', '近期', '未来3至5年'].sort());
    const ranges = run('某某市数字经济三年行动计划（2024—2026年）\n一、发展目标\n2024-2025年重点推进试点，到2026年全面推广。').entities.filter((e) => e.type === 'timeHorizon');
    expect(ranges.map((e) => [e.name['zh-Hans'], e.year])).toEqual([
      ['2024—2026年', 2026],
      ['2024-2025年', 2025],
      ['到2026年', 2026],
    ]);
  });
});

describe('targets', () => {
  it('gives no empty target to a quantity the previous target\'s clause ran past', () => {
    // from a page of pages/ (苏州 消费券): the first clause runs on past 10000元 to the comma
    const text = '到2023年，建筑面积在90平方米以上按照10000元/套标准发放普惠消费券，90平方米以下按照5000元/套标准发放。';
    const targets = findTargets(text, [{ start: 0, end: text.length }]);
    expect(targets.map((t) => [t.surface, t.quantity])).toEqual([
      ['建筑面积在90平方米以上按照10000元/套标准发放普惠消费券', { value: 90, unit: '平方米' }],
      ['90平方米以下按照5000元/套标准发放', { value: 90, unit: '平方米' }],
    ]);
    for (const t of targets) for (const s of t.spans!) expect(s.end).toBeGreaterThan(s.start);
  });
  it('reads a number only from the start of its digits', () => {
    const text = '到2025年，产值达到12345亿元。';
    expect(findTargets(text, [{ start: 0, end: text.length }]).map((t) => t.quantity)).toEqual([{ value: 12345, unit: '亿元' }]);
  });
});

describe('jieba on a very long line', () => {
  it('is given pieces of at most 4096 characters, cut after a mark where there is one', () => {
    const line = '[责任单位：'.repeat(3000) + '市科技局牵头'.repeat(1000);
    const parts = [...pieces(line)];
    expect(parts.map((p) => p.text).join('')).toBe(line);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(4096);
      expect(line.slice(p.start, p.start + p.text.length)).toBe(p.text);
    }
    // in the run of notes a piece ends after ：; in the run without marks it is cut where it must be
    expect(parts[0]!.text.endsWith('：')).toBe(true);
    expect([...pieces('短句。')]).toEqual([{ start: 0, text: '短句。' }]);
  });
  it('gives the same word boundaries as a whole cut on a line of ordinary length', () => {
    const text = '成都市人民政府关于前瞻培育未来产业构筑高质量发展新动能的实施意见\n市科技局、市发改委按职责分工负责。';
    const b = boundaries(text);
    expect([...b.starts].flatMap((x, i) => (x ? [i] : []))).toContain(text.indexOf('市科技局'));
  });
});
