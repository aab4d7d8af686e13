/** clean: each rule with a case where it must fire and one where it must not, and the edit-log round trip. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from '../pipeline/stages/clean.js';
import { MARKDOWN_PIECE, markdownPieces } from '../pipeline/rules/markdown-syntax.js';
import { processDocument } from '../pipeline/pipeline.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
import { rebuildRaw } from '../pipeline/lib/tracked-text.js';
import { isPinyinSyllable } from '../pipeline/rules/pinyin.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { shiftedGbk } from './helpers/corrupt.js';
import { SAMPLE, SHARED, acceptance } from './helpers/paths.js';

const cleanText = (text: string, format: 'text' | 'markdown' = 'text') => clean({ text, format }).text;
const RUBY = '網(wǎng)絡(luò)產(chǎn)業(yè)發(fā)展';

describe('pinyin annotations', () => {
  it('removes tone-marked annotations after Han characters', () => {
    expect(cleanText('網(wǎng)絡(luò)')).toBe('網絡');
  });
  it('never touches real parentheses', () => {
    for (const keep of ['各区（市）县政府（管委会）', '（一）总体要求', '网络安全(Cyber Security)', '第(3)项', '条件(a)成立']) {
      expect(cleanText(keep)).toBe(keep);
    }
  });
  it('removes neutral-tone and broken annotations only in a ruby scrape', () => {
    expect(cleanText(`${RUBY}的(de)`)).toBe('網絡產業發展的');
    expect(cleanText('好的(de)')).toBe('好的(de)');
    expect(cleanText(`${RUBY}。責?zé)任`)).toBe('網絡產業發展。責任');
    expect(cleanText('請問?zé)')).toBe('請問?zé)');
  });
  it('knows a syllable from a word', () => {
    expect(isPinyinSyllable('wǎng')).toBe(true);
    expect(isPinyinSyllable('zhuāng')).toBe(true);
    expect(isPinyinSyllable('xyz')).toBe(false);
    expect(isPinyinSyllable('Cyber')).toBe(false);
  });
  it('answers a syllable the same when asked again, after its answers were forgotten (at most 4096 are kept)', () => {
    const asked = ['wǎng', 'de', 'zhuāng', 'xyz', 'ng', 'lüè', 'Cyber', 'a'];
    const first = asked.map(isPinyinSyllable);
    expect(first).toEqual([true, true, true, false, false, true, false, true]);
    // five thousand other strings of a syllable's shape (and not) fill the memory past its bound
    for (let k = 0; k < 5000; k++) isPinyinSyllable(`${'bpmf'[k % 4]}${'aeiou'[k % 5]}${'aeiou'[(k >> 3) % 5]}${k}`);
    expect(asked.map(isPinyinSyllable)).toEqual(first);
  });
  it('leaves none of the 1739 annotations of the sample', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const annotation = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g;
    expect(raw.match(annotation)).toHaveLength(1739);
    const cleaned = clean({ text: raw, format: 'text' });
    expect(cleaned.text.match(annotation)).toBeNull();
    expect(cleaned.edits.filter((e) => e.kind.includes('pinyin-annotation')).length).toBeGreaterThan(1500);
  });
});

describe('corrupted bytes', () => {
  const sample = clean({ text: readFileSync(SAMPLE, 'utf8'), format: 'text' });
  const spans = acceptance().cleaning.corruptedSpans;

  it('detects all five runs of the sample and restores at least four exactly', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const reports = sample.diagnostics.filter((d) => d.code.startsWith('clean:corrupted-bytes'));
    for (const { raw: corrupted } of spans) {
      const at = raw.indexOf(corrupted);
      expect(at).toBeGreaterThanOrEqual(0);
      // every run overlaps one report, repaired or not
      const report = reports.find((d) => d.place && d.place.start < at + corrupted.length && d.place.end > at);
      expect(report, corrupted).toBeDefined();
    }
    const restored = spans.filter((s) => sample.text.includes(s.expected));
    expect(restored.length).toBeGreaterThanOrEqual(4);
    expect(sample.text).not.toMatch(/[\p{Co}⒏臐圬]/u);
  });

  it('records each repair as an edit and an info diagnostic, and warns on the run it cannot read', () => {
    const repairs = sample.edits.filter((e) => e.kind.includes('corrupted-bytes'));
    expect(repairs.map((e) => e.after)).toEqual(expect.arrayContaining(['數', '模化、高端3', '模化應', '的濃厚氛圍。[責']));
    expect(sample.diagnostics.filter((d) => d.code === 'clean:corrupted-bytes-repaired')).toHaveLength(repairs.length);
    // 請?jiān)?0日: the swallowed digit could be any digit; guessing would be a false repair
    const left = sample.diagnostics.filter((d) => d.code === 'clean:corrupted-bytes');
    expect(left.map((d) => d.message).join()).toContain('請?jiān)?0');
  });

  it('repairs nothing in the external corpus, and every file round-trips through its edit log', () => {
    const corpus = join(SHARED, 'corpus');
    const files = ['govcn', 'lawrefbook', 'jieba', 'opencc'].flatMap((dir) =>
      readdirSync(join(corpus, dir)).map((f) => join(corpus, dir, f)),
    );
    expect(files.length).toBeGreaterThan(25);
    for (const file of files) {
      const raw = readFileSync(file, 'utf8');
      const format = file.endsWith('.md') ? 'markdown' : file.endsWith('.html') ? 'html' : 'text';
      const cleaned = clean({ text: raw, format });
      expect(cleaned.edits.filter((e) => e.kind.includes('corrupted-bytes')), file).toEqual([]);
      expect(rebuildRaw(cleaned.text, cleaned.edits) === raw, file).toBe(true);
    }
  });

  it('repairs most synthetic corruptions of unseen regulations and almost never wrongly', () => {
    const dir = join(SHARED, 'corpus', 'lawrefbook');
    let total = 0;
    let exact = 0;
    let wrong = 0;
    for (const file of readdirSync(dir)) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      for (let k = 10; k < lines.length; k += Math.max(1, Math.floor(lines.length / 60))) {
        const line = lines[k]!;
        const m = /[\u4e00-\u9fff]{14,}/.exec(line);
        if (!m) continue;
        const at = m.index + 5;
        const corrupted = shiftedGbk(line.slice(at, at + 4));
        if (!corrupted) continue;
        const doc = [...lines.slice(0, k), line.slice(0, at) + corrupted + line.slice(at + 4), ...lines.slice(k + 1)].join('\n');
        const cleaned = clean({ text: doc, format: 'markdown' });
        total++;
        if (cleaned.text.includes(line.slice(at - 3, at + 7))) exact++;
        else if (cleaned.edits.some((e) => e.kind.includes('corrupted-bytes'))) wrong++;
      }
    }
    expect(total).toBeGreaterThan(50);
    expect(exact / total).toBeGreaterThan(0.6);
    expect(wrong / total).toBeLessThan(0.03);
  });
});

describe('punctuation', () => {
  it('makes ASCII marks in Chinese context full-width', () => {
    expect(cleanText('各区(市)县,市级部门;有关单位:')).toBe('各区（市）县，市级部门；有关单位：');
    expect(cleanText('做好工作!')).toBe('做好工作！');
  });
  it('never fires inside numbers, times, Latin words or URLs', () => {
    for (const keep of ['共1,000家', '10:30开会', 'see http://www.gov.cn/x', '6+N体系', '3D打印', '2024-05-10', 'Hello, world: yes; (ok)']) {
      expect(cleanText(keep)).toBe(keep);
    }
  });
  it('folds full-width letters and digits', () => {
    expect(cleanText('２０２４年ＡＩ')).toBe('2024年AI');
    expect(cleanText('，。：')).toBe('，。：');
  });
});

describe('parentheses in a 字號', () => {
  it('keeps a bracket inside a Taiwan document number as written, and still makes other brackets full-width', () => {
    expect(cleanText('發文字號：臺教高(二)字第1130028765號')).toBe('發文字號：臺教高(二)字第1130028765號');
    expect(cleanText('台訓(一)字第0930172100A號函')).toBe('台訓(一)字第0930172100A號函');
    expect(cleanText('各区(市)县人民政府')).toBe('各区（市）县人民政府');
    expect(cleanText('各县(市)政府、各直辖市(区)人民政府')).toBe('各县（市）政府、各直辖市（区）人民政府');
  });
});

describe('whitespace', () => {
  it('drops indentation, spaces between Chinese characters and extra blank lines', () => {
    expect(cleanText('\u3000\u3000第一段\n\n\n\n  第 二 段  \n')).toBe('第一段\n\n第二段');
    expect(cleanText('元宇宙 + 示范')).toBe('元宇宙+示范');
  });
  it('keeps spaces between Latin words and numbers', () => {
    expect(cleanText('Cyber Security 2024 05')).toBe('Cyber Security 2024 05');
  });
});

describe('invisible characters', () => {
  it('removes zero-width and bidi controls as edits', () => {
    const c = clean({ text: '\u202e一、\u200b总\u200c体\u200d要\u2060求\ufeff\u00ad\n市\u200e科\u200f技\u2066局\u2069', format: 'text' });
    expect(c.text).toBe('一、总体要求\n市科技局');
    expect(c.edits.every((e) => e.kind === 'invisible-characters')).toBe(true);
    expect(rebuildRaw(c.text, c.edits)).toBe(c.raw);
  });
  it('never fires inside a URL, nor on a joiner between two emoji', () => {
    expect(cleanText('见https://www.gov.cn/zhengce/\u200b2024/content.htm\u200b。')).toBe('见https://www.gov.cn/zhengce/\u200b2024/content.htm。');
    expect(cleanText('见www.\u200bgov.cn网站')).toBe('见www.\u200bgov.cn网站');
    expect(cleanText('家庭👨\u200d👩\u200d👧活动')).toBe('家庭👨\u200d👩\u200d👧活动');
  });
  it('gives the sample interleaved with U+200B, and U+202E before each 一、, the same document', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const hostile = [...raw.replace(/^(?=[一二三四五六七八九十]+、)/gm, '\u202e')].join('\u200b');
    const read = (text: string) => processDocument({ bytes: Buffer.from(text), file: 'sample.txt' }).document!;
    const summary = (d: GongwenDocument) => ({
      document: d.document,
      // the wrapper's raw span differs: the interleaved input is twice as long
      publication: { ...d.publication, rawSpan: null },
      sections: JSON.stringify(d.sections),
      notes: d.responsibilities.map((r) => [r.sectionId, r.sentenceId, r.text['zh-Hans'], r.lead, r.support]),
      warnings: d.diagnostics.filter((x) => x.severity !== 'info').map((x) => x.code),
    });
    const plain = read(raw);
    const interleaved = read(hostile);
    expect(interleaved.responsibilities).toHaveLength(15);
    expect(interleaved.document.date).toBe('2024-01-03');
    expect(summary(interleaved)).toEqual(summary(plain));
    expect(interleaved.text).toEqual(plain.text);
  });
});

describe('radical lookalikes', () => {
  it('reads the sample with 一 人 民 drawn as radicals (⼀ ⼈ ⺠, as a PDF font maps them) as the same document', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const radicals = raw.replaceAll('一', '\u2f00').replaceAll('人', '\u2f08').replaceAll('民', '\u2ea0');
    expect(radicals).not.toBe(raw);
    const read = (text: string) => processDocument({ bytes: Buffer.from(text), file: 'sample.txt' }).document!;
    const plain = read(raw);
    const drawn = read(radicals);
    expect(drawn.text).toEqual(plain.text);
    expect(drawn.document).toEqual({ ...plain.document });
    expect(JSON.stringify(drawn.sections)).toBe(JSON.stringify(plain.sections));
    expect(drawn.responsibilities).toHaveLength(15);
    const c = clean({ text: radicals, format: 'text' });
    expect(c.text).not.toMatch(/[\u2f00\u2f08\u2ea0]/u);
    expect(c.edits.filter((e) => e.kind === 'radical-lookalikes').length).toBeGreaterThan(20);
    expect(rebuildRaw(c.text, c.edits)).toBe(radicals);
  });
  it('reads the strokes of a real PDF (Labour Department FAQ: 同 ㇐ 僱主) as characters', async () => {
    const file = join(SHARED, 'corpus', 'traditional', 'trad-25-hk-ld-faq-2025.pdf');
    const { processFile } = await import('../pipeline/pipeline.js');
    const d = (await processFile({ bytes: readFileSync(file), file }, { ocr: false })).document!;
    expect(d.text['zh-Hant']).not.toMatch(/[\u31c0-\u31ef\u2f00-\u2fd5]/u);
    expect(d.text['zh-Hant']).toContain('同一僱主四星期或以上');
    expect(d.text['zh-Hant']).toContain('其中一項條件');
  });
  it('leaves component forms and radicals with no Chinese beside them', () => {
    expect(cleanText('⺅、⺡、⻌')).toBe('⺅、⺡、⻌');
    expect(cleanText('偏旁⺅和⺡')).toBe('偏旁⺅和⺡');
    expect(cleanText('Radicals: \u2f00 \u2f01 \u2f02')).toMatch(/^Radicals: \u2f00 ?\u2f01 ?\u2f02$/u);
  });
  it('is linear in a text of radicals', () => {
    const of = (n: number) => '\u2f00\u2f08\u2ea0 ⺅'.repeat(n);
    const time = (n: number) => {
      const t = process.cpuUsage();
      clean({ text: of(n), format: 'text' });
      const u = process.cpuUsage(t);
      return (u.user + u.system) / 1000;
    };
    time(1000);
    expect(time(200_000) / Math.max(time(20_000), 5)).toBeLessThan(30);
  });
});

describe('page wrapper', () => {
  it('keeps a bare document whole', () => {
    const doc = '某某市人民政府关于加强管理的通知\n\n各区县政府：\n\n一、总体要求\n\n做好工作。';
    const c = clean({ text: doc, format: 'text' });
    expect(c.publication).toBeNull();
    expect(c.text).toBe(doc);
  });
  it('cuts trailing furniture as an edit', () => {
    const body = Array.from({ length: 8 }, (_, i) => `第${i + 1}段正文内容。`).join('\n');
    const c = clean({ text: `${body}\n责任编辑：张三\n打印本页 关闭窗口`, format: 'text' });
    expect(c.text).toBe(body);
    expect(c.edits.at(-1)!.kind).toContain('site-furniture');
  });
});

describe('a page saved on one line', () => {
  it('never loses the document to a cut rule', () => {
    // one line: the wrapper rule read it as the line of its 来源 and cut it whole
    const line = '来源：某某市人民政府网 2024-05-10 某某市人民政府关于加强安全生产管理的通知各区县政府：为做好安全生产工作，现通知如下。一、落实责任。各单位要落实主体责任。';
    const c = clean({ text: line, format: 'text' });
    expect(c.text).toBe(line);
    expect(c.publication).toBeNull();
    expect(c.diagnostics.map((d) => d.code)).toEqual(['clean:cut-refused']);
    expect(c.diagnostics[0]!.message).toContain('publication-wrapper');
  });
  it('gives the sample on one line its wrapper, its sections and its notes', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const oneLine = raw.replace(/[\r\n]/g, '');
    const c = clean({ text: oneLine, format: 'text' });
    expect(rebuildRaw(c.text, c.edits)).toBe(oneLine);
    expect(c.publication?.publishedAt).toBe('2024-05-10');
    const doc = processDocument({ bytes: Buffer.from(oneLine), file: 'one-line.txt' }).document!;
    // the wrapper is cut at 附全文: the text starts with the title
    expect(doc.text['zh-Hans'].startsWith('成都市人民政府关于前瞻培育未来产业构筑高质量发展新动能的实施意见各区（市）县政府')).toBe(true);
    const expected = acceptance();
    expect(doc.sections.map((s) => `${s.marker}${s.heading?.['zh-Hans']}`)).toEqual(expected.sections.map((s) => `${s.marker}${s.heading}`));
    expect(doc.sections.map((s) => s.children.map((c) => c.marker))).toEqual(expected.sections.map((s) => s.children.map((c) => c.marker)));
    // a heading's words run into its paragraph (nothing marks where they end): the heading reads to its first 。
    expect(doc.sections[0]!.children[0]!.heading!['zh-Hans'].startsWith('指导思想坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
    const notes = doc.responsibilities.map((r) => r.sectionId);
    expect(notes).toHaveLength(15);
    expect(notes).toEqual(processDocument({ bytes: Buffer.from(raw), file: 'sample.txt' }).document!.responsibilities.map((r) => r.sectionId));
  });
  it('leaves a text with ordinary lines alone', () => {
    const c = clean({ text: readFileSync(SAMPLE, 'utf8'), format: 'text' });
    expect(c.edits.some((e) => e.kind.includes('long-line'))).toBe(false);
  });
});

describe('markdown input', () => {
  it('is parsed in pieces that end only before a new top-level block', () => {
    const para = '第一条　为了规范数据处理活动，保护个人、组织的数据相关权益。\n\n';
    const fenced = '```\n代码\n\n代码\n```\n\n';
    const list = '- 第一项\n\n- 第二项\n\n';
    const text = para.repeat(100) + fenced + list.repeat(200) + '> 引文\n\n' + para.repeat(100);
    const pieces = markdownPieces(text);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => text.slice(p.start, p.end)).join('')).toBe(text);
    for (const p of pieces.slice(1)) {
      expect(text.slice(p.start - 2, p.start)).toBe('\n\n');
      expect(text.slice(p.start, p.start + 2)).not.toBe('- ');
      const before = text.slice(0, p.start);
      expect((before.match(/```/g) ?? []).length % 2).toBe(0);
    }
    for (const p of pieces.slice(0, -1)) expect(p.end - p.start).toBeGreaterThanOrEqual(MARKDOWN_PIECE);
    // a reference definition may be used anywhere: parsed whole
    const defined = `${text}[注]: http://www.gov.cn\n`;
    expect(markdownPieces(defined)).toEqual([{ start: 0, end: defined.length }]);
    // the pieces' text is the text the whole parse keeps
    expect(cleanText(text, 'markdown')).toBe(cleanText(defined, 'markdown'));
  });
  it('keeps block text and drops the syntax', () => {
    expect(cleanText('# 某某条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n**第一条** 为了规范。', 'markdown')).toBe('某某条例\n第一章总则\n第一条为了规范。');
  });
});

describe('edit log', () => {
  it('rebuilds the raw sample exactly', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const c = clean({ text: raw, format: 'text' });
    expect(rebuildRaw(c.text, c.edits)).toBe(raw);
    for (const e of c.edits) {
      expect(raw.slice(e.rawStart, e.rawEnd)).toBe(e.before);
      expect(c.text.slice(e.cleanStart, e.cleanEnd)).toBe(e.after);
    }
  });

  it('rebuilds any input and never throws (property)', () => {
    const pieces = fc.constantFrom('網(wǎng)', '業(yè)', '?zé)', ',', ';', ':', '(', ')', '（一）', ' ', '\u3000', '\r\n', '\n', '附全文', '来源:某网 2024-05-10 阅读:3', '声明:', '举报 0', 'A', '1', '。', '责任', '𠀀');
    const arbitrary = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(
      fc.property(arbitrary, fc.constantFrom<'text' | 'markdown'>('text', 'markdown'), (raw, format) => {
        const c = clean({ text: raw, format });
        expect(rebuildRaw(c.text, c.edits)).toBe(raw);
      }),
      { numRuns: 400 },
    );
  });
});
