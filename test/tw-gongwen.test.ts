/** Taiwan 公文: the header of a 函/令/公告 (lib/tw-gongwen.ts), on hand-made and gazette-shaped lines (zh-Hans). */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../pipeline/lib/lines.js';
import { readTaiwanHeader, splitOrgans, TW_SIGNER } from '../pipeline/lib/tw-gongwen.js';

const read = (text: string) => {
  const h = readTaiwanHeader(splitLines(text), 0);
  if (!h) return null;
  const s = (r: { start: number; end: number }) => text.slice(r.start, r.end);
  return { next: h.next, kind: h.kind, issuers: h.issuers.map(s), date: h.date?.iso ?? null, numbers: h.numbers.map(s), addressees: h.addressees.map(s) };
};

describe('the header of a Taiwan 函, 令 or 公告', () => {
  it('reads a 函 written one field a line, with its labelled fields', () => {
    const text = ['经济部 函', '受文者：财政部', '发文日期：中华民国113年5月10日', '发文字号：经商字第11300012345号', '速别：普通件', '主旨：检送会议纪录一份，请查照。'].join('\n');
    expect(read(text)).toEqual({ next: 5, kind: '函', issuers: ['经济部'], date: '2024-05-10', numbers: ['经商字第11300012345号'], addressees: ['财政部'] });
  });
  it('reads the gazette’s header row (organ and 文別, date, number)', () => {
    expect(read('行政院函 | 中华民国94年4月29日\n院授主忠字第0940002788号\n主旨：检送原则一份，请查照。')).toMatchObject({
      next: 2,
      kind: '函',
      issuers: ['行政院'],
      date: '2005-04-29',
      numbers: ['院授主忠字第0940002788号'],
    });
    expect(read('行政院公平交易委员会函  |  中华民国98年8月12日公壹字第0980007814号\n主旨：准予备查，请查照。')).toMatchObject({ issuers: ['行政院公平交易委员会'], date: '2009-08-12', numbers: ['公壹字第0980007814号'] });
  });
  it('reads a joint 函 or 令: every organ and every number', () => {
    expect(read('行政院 | 函 | 中华民国95年2月22日（补登）\n院台法字第0950006081-A号\n司法院\n院台厅民二字第0950002058号\n主旨：函送要点1份。')).toMatchObject({
      kind: '函',
      issuers: ['行政院', '司法院'],
      date: '2006-02-22',
      numbers: ['院台法字第0950006081-A号', '院台厅民二字第0950002058号'],
    });
    expect(read('法务部内政部　　 | 令 | 中华民国93年12月29日（补登）\n法令字第0930804714号\n内授中社字第0930701776号\n修正「律师法施行细则」第七条条文')).toMatchObject({
      kind: '令',
      issuers: ['法务部', '内政部'],
      numbers: ['法令字第0930804714号', '内授中社字第0930701776号'],
    });
  });
  it('reads 受文者 broken over two lines', () => {
    expect(read('全民健康保险争议审议委员会函 | 中华民国94年1月11日\n健争审字第0940001211号\n受 文\n者：陈月娇女士\n主旨：公示送达。')).toMatchObject({ next: 4, addressees: ['陈月娇女士'] });
  });
  it('is no mainland decree or notice, and no header without a date or number', () => {
    expect(read('中华人民共和国国务院令\n第707号\n现公布《条例》。')).toBeNull();
    expect(read('国务院办公厅函\n国办函〔2024〕1号\n各省人民政府：')).toBeNull();
    expect(read('经济部函\n主旨：检送纪录。')).toBeNull();
  });
});

describe('a joint issuer written as one name', () => {
  const names = (s: string) => splitOrgans(s, 0).map((r) => s.slice(r.start, r.end));
  it('splits where a second organ begins, never inside a subordinate organ', () => {
    expect(names('法务部内政部')).toEqual(['法务部', '内政部']);
    expect(names('行政院农业委员会行政院卫生署')).toEqual(['行政院农业委员会', '行政院卫生署']);
    expect(names('行政院农业委员会')).toEqual(['行政院农业委员会']);
    expect(names('交通部台湾区国道高速公路局')).toEqual(['交通部台湾区国道高速公路局']);
  });
});

describe('the 署名 of an official', () => {
  it('is a title and a name', () => {
    for (const s of ['院长谢长廷', '院长 谢长廷', '代理主任委员吴秀明', '署长叶金川', '部长陈定南']) expect(TW_SIGNER.test(s), s).toBe(true);
    for (const s of ['院长提示：', '部长指示各机关加强办理。']) expect(TW_SIGNER.test(s), s).toBe(false);
  });
});
