/** Laws' histories and ROC dates, on lines written as the corpus's laws write them. */
import { describe, expect, it } from 'vitest';
import { isHistoryLine, readHistory, readNumberedHistory } from '../pipeline/lib/law-history.js';
import { splitLines } from '../pipeline/lib/lines.js';
import { findRocDate, parseRocDateLine, rocIso } from '../pipeline/lib/roc-date.js';
import { matchHeading, parseDateLine } from '../pipeline/lib/gbt9704.js';
import { bestTime } from './helpers/timing.js';

const events = (line: string) => readHistory(line).map((e) => [e.iso, e.action, e.organ ? line.slice(e.organ.start, e.organ.end) : null]);

describe('ROC dates', () => {
  it('adds 1911 to the year, in Arabic or Chinese numerals, either script', () => {
    expect(parseRocDateLine('中華民國113年5月10日')).toBe('2024-05-10');
    expect(parseRocDateLine('中华民国94年4月29日')).toBe('2005-04-29');
    expect(parseRocDateLine('中華民國95年2月22日（補登）')).toBe('2006-02-22');
    expect(parseRocDateLine('民國 103 年 03 月 05 日')).toBe('2014-03-05');
    expect(rocIso('一百零二', '七', '十九')).toBe('2013-07-19');
    expect(rocIso('一百十一', '七', '二十七')).toBe('2022-07-27');
    expect(findRocDate('行政院於中華民國94年4月27日第2937次會議通過')).toMatchObject({ iso: '2005-04-27', start: 4 });
  });
  it('is a 成文日期 line too, but not a sentence that holds one, nor an impossible date', () => {
    expect(parseDateLine('中华民国97年6月26日')).toBe('2008-06-26');
    expect(parseDateLine('行政院于中华民国94年4月27日第2937次会议通过')).toBeNull();
    expect(parseRocDateLine('中華民國94年13月1日')).toBeNull();
    expect(parseDateLine('2024年1月3日')).toBe('2024-01-03');
  });
});

describe('a law’s history', () => {
  it('reads a date in Chinese numerals (二〇二五年十二月一日), as Party plenary notes write it, and not an ROC year', () => {
    expect(events('（二〇二五年十二月一日中国共产党安徽省第十一届委员会第十一次全体会议通过）')).toEqual([['2025-12-01', 'adopted', '中国共产党安徽省第十一届委员会']]);
    expect(isHistoryLine('二〇二五年十二月一日')).toBe(false);
    expect(events('中华民国九十四年六月二十九日行政院令订定发布')[0]![0]).toBe('2005-06-29');
  });
  it('reads a people’s congress adoption and approval', () => {
    expect(events('2018年3月31日 河南省第十三届人民代表大会常务委员会第二次会议批准')).toEqual([['2018-03-31', 'approved', '河南省第十三届人民代表大会常务委员会']]);
    expect(events('（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）')).toEqual([['2021-06-10', 'adopted', '第十三届全国人民代表大会常务委员会']]);
  });
  it('reads the courts, the State Council, decrees and announcements', () => {
    expect(events('2021年11月15日 最高人民法院审判委员会第1850次会议通过')).toEqual([['2021-11-15', 'adopted', '最高人民法院审判委员会']]);
    expect(events('1998年11月28日 中华人民共和国国务院令第254号发布　')).toEqual([['1998-11-28', 'promulgated', '中华人民共和国国务院']]);
    expect(events('1995年7月28日 国务院发布　')).toEqual([['1995-07-28', 'promulgated', '国务院']]);
    expect(events('1999年6月25日 最高人民法院公告公布')).toEqual([['1999-06-25', 'promulgated', '最高人民法院']]);
    expect(events('2022年1月1日 施行')).toEqual([['2022-01-01', 'effective', null]]);
    expect(events('（2020年1月1日某某市人民政府令第1号公布，自2020年3月1日起施行）')).toEqual([
      ['2020-01-01', 'promulgated', '某某市人民政府'],
      ['2020-03-01', 'effective', null],
    ]);
  });
  it('reads revisions, and a cited title’s words are not the action', () => {
    expect(events('2013年12月7日 《国务院关于修改部分行政法规的决定》第一次修订　')).toEqual([['2013-12-07', 'revised', null]]);
    expect(events('2011年10月29日 第十一届全国人民代表大会常务委员会第二十三次会议《关于修改<中华人民共和国居民身份证法>的决定》修正')).toEqual([
      ['2011-10-29', 'amended', '第十一届全国人民代表大会常务委员会'],
    ]);
    expect(events('2006年7月28日 北京市第十二届人民代表大会常务委员会第二十九次会议通过的《北京市宗教事务条例修正案》修正')).toEqual([['2006-07-28', 'amended', '北京市第十二届人民代表大会常务委员会']]);
    expect(events('2014年4月29日 淄博市第十四届人民代表大会常务委员会第十九次会议通过修订')).toEqual([['2014-04-29', 'revised', '淄博市第十四届人民代表大会常务委员会']]);
  });
  it('reads several events on one line, a date without its own action taking the next one', () => {
    expect(events('2009年9月21日 最高人民法院审判委员会第1474次会议、2009年9月28日最高人民检察院第十一届检察委员会第20次会议通过')).toEqual([
      ['2009-09-21', 'adopted', '最高人民法院审判委员会'],
      ['2009-09-28', 'adopted', '最高人民检察院第十一届检察委员会'],
    ]);
    const line =
      '1995年12月14日 山东省第八届人民代表大会常务委员会第十九次会议批准1995年12月14日青岛市人民代表大会公告公布施行根据2004年5月27日山东省第十届人民代表大会常务委员会第八次会议批准的2004年5月11日青岛市第十三届人民代表大会常务委员会第十一次会议《关于修改〈青岛市单位内部治安保卫工作条例〉等十九件地方性法规的决定》第一次修正';
    expect(events(line).map(([d, a]) => [d, a])).toEqual([
      ['1995-12-14', 'approved'],
      ['1995-12-14', 'promulgated'],
      ['2004-05-27', 'amended'],
      ['2004-05-11', 'amended'],
    ]);
  });
  it('reads a Taiwan 沿革 line in the ROC calendar', () => {
    expect(events('中华民国九十四年六月二十九日行政院农业委员会农授粮字第 0941057 981 号令订定发布全文 35 条；并自植物品种及种苗法施行之日施行')).toEqual([
      ['2005-06-29', 'promulgated', '行政院农业委员会'],
    ]);
  });
  it('is a line that begins with a date and names an action', () => {
    expect(isHistoryLine('2022年1月1日 施行')).toBe(true);
    expect(isHistoryLine('2024年1月3日')).toBe(false);
    expect(isHistoryLine('为了规范管理，2024年1月1日起施行本办法。')).toBe(false);
  });
  it('is linear in the length of the line', () => {
    const one = '2004年5月27日山东省第十届人民代表大会常务委员会第八次会议批准的';
    // the best of three runs, so a busy machine does not decide
    const time = (n: number) => {
      const line = one.repeat(n) + '修正';
      return bestTime(() => readHistory(line), 5);
    };
    time(1000);
    // ten times the input in well under a hundred times the time (quadratic would be 100×: seconds here, for 1.6 M characters);
    // the floor leaves room for a loaded machine
    expect(time(40_000)).toBeLessThan(Math.max(1500, time(4000) * 30));
  });
  it('reads article markers in time linear in the line', () => {
    const time = (n: number) => {
      const lines = [`第${'一'.repeat(n)}`, `第${'1'.repeat(n)}-`, `第一条第${'二'.repeat(n)}`];
      return bestTime(() => {
        for (const l of lines) matchHeading(l);
      });
    };
    time(1000);
    expect(time(100_000)).toBeLessThan(Math.max(250, time(10_000) * 30));
  });
});

describe('a numbered history as the law database prints it (沿革, zh-Hans)', () => {
  const isHeading = (line: string) => typeof matchHeading(line)?.level === 'string';
  const read = (text: string) => {
    const block = readNumberedHistory(splitLines(text), isHeading)!;
    return { lines: block.lines, events: block.events.map((e) => [e.iso, e.action, e.organ ? text.slice(e.organ.start, e.organ.end) : null, text.slice(e.start, e.end)]) };
  };
  it('joins an entry’s wrapped lines, so an action split over two lines is read, and maps the spans back to the text', () => {
    const text = ['1.中华民国八十八年六月二十九日交通部（88）交人发字第 8844 号令订', '定发布全文 14 条；并自八十八年七月一日起施行', '2.中华民国九十二年一月十日交通部交人发字第 092B000001 号令发布废', '止', '第 1 条', '本规则依…订定之。'].join('\n');
    expect(read(text)).toEqual({
      lines: 4,
      events: [
        ['1999-06-29', 'promulgated', '交通部', '中华民国八十八年六月二十九日交通部（88）交人发字第 8844 号令订\n定发布'],
        ['2003-01-10', 'abolished', '交通部', '中华民国九十二年一月十日交通部交人发字第 092B000001 号令发布废\n止'],
      ],
    });
  });
  it('reads the notes under an entry (a line that starts with a date, unnumbered) as no events, and a reference as no article', () => {
    const text = [
      '1.中华民国九十四年六月二十九日行政院农业委员会农授粮字第 0941057',
      '981 号令订定发布全文 35 条；并自植物品种及种苗法施行之日施行',
      '中华民国一百零二年七月十九日行政院院台规字第 1020141353 号公告',
      '第 6 条第 2 款所列由「行政院卫生署」代表担任委员事项，自一百',
      '零二年七月二十三日起改由「卫生福利部」代表担任',
      '2.中华民国一百零一年十月五日行政院农业委员会农粮字第 1011050336',
      '号令修正发布第 29、35 条条文；并自发布日施行',
      '第 1 条',
    ].join('\n');
    const r = read(text);
    expect(r.lines).toBe(7);
    // the database writes references with spaces: 第 6 条第 2 款, 第 3 条条文 cite, they are no article
    expect(matchHeading('第 6 条第 2 款所列由「行政院卫生署」代表担任委员事项')).toBeNull();
    expect(matchHeading('第 3 条条文')).toBeNull();
    expect(matchHeading('第 6 条')?.level).toBe('条');
    expect(r.events.map((e) => e.slice(0, 3))).toEqual([
      ['2005-06-29', 'promulgated', '行政院农业委员会'],
      ['2012-10-05', 'amended', '行政院农业委员会'],
    ]);
  });
  it('names the organ before a document number’s code: 总统, 法务部, a centre', () => {
    const organ = (line: string) => events(line)[0]?.[2];
    expect(organ('中华民国六十三年十二月二十八日总统（63）台统（一）义字第 5903号令制定公布全文 70 条')).toBe('总统');
    expect(organ('中华民国九十一年十二月十一日总统华总一义字第 09100239050 号令修正公布第 5 条条文')).toBe('总统');
    expect(organ('中华民国八十九年一月十二日法务部（89）法令字第 002516 号令订定发布全文 9 条')).toBe('法务部');
    expect(organ('中华民国一百零二年十二月二十七日国立台湾工艺研究发展中心艺莺研字第 10230034512 号令订定发布全文 5 条')).toBe('国立台湾工艺研究发展中心');
    expect(organ('中华民国八十四年十月四日行政院台 84 内字第 35141 号令发布废止')).toBe('行政院');
    expect(organ('中华民国九十一年六月十九日经济部经标字第 09104614150 号令订定发布全文 17 条')).toBe('经济部');
  });
  it('is none when the lines do not start with entry 1', () => {
    expect(readNumberedHistory(splitLines('第 1 条\n本法…'), isHeading)).toBeNull();
    expect(readNumberedHistory(splitLines('2.中华民国九十二年一月十日交通部令发布废止'), isHeading)).toBeNull();
  });
});
