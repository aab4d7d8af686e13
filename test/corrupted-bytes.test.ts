/**
 * The corrupted-byte detector takes valid characters of the legacy encodings
 * for text: list markers (①, ⑴, ⒈) and a rare character in the private-use
 * area are not runs of bytes out of step, and the word model of the repair is
 * not even built for them. The sample's five runs are tested in
 * clean.test.ts and acceptance.test.ts.
 *
 * The corpus test runs first in this file's own process, so "not built"
 * means: not by any document of the corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { allPairs, buildTable, decodePair, encodeChar, iconvEncodeChar, readTable, writeTable } from '../pipeline/lib/gbk.js';
import { buildForms, formsData, readForms } from '../pipeline/lib/shifted-gbk.js';
import { pack } from '../pipeline/lib/prepared.js';
import { StringTable } from '../pipeline/lib/string-table.js';
import { converters } from '../pipeline/lib/opencc.js';
import { decode } from '../pipeline/stages/decode.js';
import { processFile } from '../pipeline/pipeline.js';
import { clean, type InputFormat } from '../pipeline/stages/clean.js';
import { suspectRuns } from '../pipeline/rules/corrupted-bytes.js';
import { wordModelLoaded } from '../pipeline/lib/word-model.js';
import { mojText, type MojLaw } from './helpers/moj-text.js';
import { SHARED } from './helpers/paths.js';

const CORPUS = join(SHARED, 'corpus');
const corrupted = (diagnostics: { code: string }[]) => diagnostics.filter((d) => d.code.startsWith('clean:corrupted-bytes'));
const formatOf = (file: string): InputFormat => (/\.html?$/.test(file) ? 'html' : file.endsWith('.md') ? 'markdown' : 'text');

/** Every document of the corpus that gongwen reads as text: pages, gov.cn, regulations, laws, Traditional pages. */
function corpusDocuments(): { name: string; text: string; format: InputFormat }[] {
  const out: { name: string; text: string; format: InputFormat }[] = [];
  for (const dir of ['pages', 'govcn', 'lawrefbook', 'laws/lawrefbook', 'traditional']) {
    for (const f of readdirSync(join(CORPUS, dir))) {
      if (!/\.(html?|md|txt)$/.test(f)) continue;
      const decoded = decode({ bytes: readFileSync(join(CORPUS, dir, f)) });
      out.push({ name: `${dir}/${f}`, text: decoded.text, format: formatOf(f) });
    }
  }
  for (const f of readdirSync(join(CORPUS, 'laws/moj'))) {
    const law = JSON.parse(readFileSync(join(CORPUS, 'laws/moj', f), 'utf8')) as MojLaw;
    out.push({ name: `laws/moj/${f}`, text: mojText(law), format: 'text' });
  }
  return out;
}

describe('no false corrupted-byte alarms', () => {
  it('finds no corrupted run in any document of the corpus, and never builds the word model', () => {
    const docs = corpusDocuments();
    expect(docs.length).toBeGreaterThan(190);
    // moj-dev-06 writes a rare character of its font in the private-use area: 旱田（U+EF03）
    expect(docs.find((d) => d.name.endsWith('moj-dev-06.json'))!.text).toMatch(/旱田（\p{Co}）/u);
    for (const doc of docs) expect(corrupted(clean({ text: doc.text, format: doc.format }).diagnostics), doc.name).toEqual([]);
    expect(wordModelLoaded()).toBe(false);
  });

  it('keeps the real ① lists of the corpus files as text, and still never builds the word model', { timeout: 600_000 }, async () => {
    // the files of the corpus read from their text layer (PDF, DOCX, DOC, WPS, XLSX; OCR off: scans give no text here)
    const lists: string[] = [];
    for (const dir of ['files', 'traditional']) {
      for (const f of readdirSync(join(CORPUS, dir))) {
        if (!/\.(pdf|docx|doc|wps|xlsx)$/.test(f)) continue;
        const result = await processFile({ bytes: readFileSync(join(CORPUS, dir, f)), file: f }, { ocr: false });
        expect(corrupted(result.diagnostics), f).toEqual([]);
        for (const line of result.document?.text['zh-Hans'].split('\n') ?? []) if (/^[\u2460-\u24ff]/u.test(line)) lists.push(line);
      }
    }
    // 福建长乐 talent policy (files-07, PDF) and the Hong Kong Labour Department's FAQ (trad-25, PDF) number items ①②③
    expect(lists.length).toBeGreaterThanOrEqual(6);
    expect(lists.some((l) => l.startsWith('①经认定的福建省特级'))).toBe(true);
    expect(lists.some((l) => l.startsWith('① 雇员每星期最少工作'))).toBe(true);
    expect(wordModelLoaded()).toBe(false);
  });

  // real list items of a regulation (第九条 of lrb-dev-01, 供用电条例), numbered as other documents number them
  const law = readFileSync(join(CORPUS, 'laws/lawrefbook/lrb-dev-01.md'), 'utf8').split('\n');
  const lead = law.find((l) => l.startsWith('第九条'))!;
  const items = law.slice(law.indexOf(lead) + 1).filter((l) => l !== '').slice(0, 3);
  const MARKERS = { circled: ['①', '②', '③'], parenthesised: ['⑴', '⑵', '⑶'], 'full stop': ['⒈', '⒉', '⒊'] };

  it('reads the regulation the cases are made of', () => {
    expect(lead).toBe('第九条 供电企业不得有下列损害用电人权益的行为：');
    expect(items.map((l) => l.slice(0, 3))).toEqual(['（一）', '（二）', '（三）']);
  });

  for (const [kind, markers] of Object.entries(MARKERS)) {
    const texts = {
      'a line each': [lead, ...items.map((l, k) => markers[k] + l.slice(3))].join('\n'),
      'in one paragraph': lead + items.map((l, k) => markers[k] + l.slice(3)).join(''),
      'after a space': [lead, ...items.map((l, k) => `${markers[k]} ${l.slice(3)}`)].join('\n'),
    };
    for (const [layout, text] of Object.entries(texts)) {
      it(`keeps ${kind} numerals as list markers, ${layout}`, () => {
        expect(suspectRuns(text)).toEqual([]);
        const cleaned = clean({ text, format: 'text' });
        expect(corrupted(cleaned.diagnostics)).toEqual([]);
        for (const m of markers) expect(cleaned.text).toContain(m);
      });
    }
  }

  it('keeps a note reference glued to Han text and a lone private-use character', () => {
    for (const text of ['根据《条例》第九条①规定', '本条例所称耕地，指私有之水田（田）及旱田（\ue003）。', '中\ue003\ue004文']) {
      expect(suspectRuns(text), text).toEqual([]);
    }
  });

  it('still finds a run with two signs of bytes out of step', () => {
    // the sample's first run (its pinyin annotation removed): ? before ;, a private-use character, ⒏ glued, ? before D (10 to 16)
    expect(suspectRuns('加快突破石墨烯薄膜規?;\ue1d6⒏叨?D打印材料')).toEqual([{ start: 10, end: 16 }]);
    // a ? for a byte before Han and the private-use character after it
    expect(suspectRuns('貫徹?擞\ue1d6字中國')).toHaveLength(1);
    // a misplaced numeral and a private-use character
    expect(suspectRuns('規\ue1d6⒏叨打印')).toHaveLength(1);
  });

  it('is linear in the number of markers', () => {
    const line = '①加强组织领导；②完善工作机制；③强化督促检查。\n';
    const time = (n: number) => {
      const text = line.repeat(n);
      const t = performance.now();
      expect(suspectRuns(text)).toEqual([]);
      return performance.now() - t;
    };
    time(2000);
    const small = Math.min(time(10_000), time(10_000));
    const large = Math.min(time(100_000), time(100_000));
    expect(large / small).toBeLessThan(30);
  });
});

describe('the repair tables, prepared in one call', () => {
  it('decodes every GBK pair as the pair alone decodes', () => {
    let defined = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const alone = iconv.decode(Buffer.from([lead, trail]), 'gb18030');
        const expected = alone.length >= 1 && !alone.includes('\ufffd') && [...alone].length === 1 ? alone : null;
        if (expected) defined++;
        expect(decodePair(lead, trail), `${lead.toString(16)} ${trail.toString(16)}`).toBe(expected);
      }
    }
    expect(defined).toBe(allPairs().length);
    expect(decodePair(0xb0, 0xa1)).toBe('啊');
  });
  it('encodes every character of the BMP as iconv-lite encodes it alone', () => {
    let differ = 0;
    for (let cp = 0; cp < 0x10000; cp++) {
      const ch = String.fromCharCode(cp);
      if (JSON.stringify(encodeChar(ch)) !== JSON.stringify(iconvEncodeChar(ch))) differ++;
    }
    expect(differ).toBe(0);
    expect([encodeChar('　'), encodeChar('国'), encodeChar('a'), encodeChar('€'), encodeChar('𠀀'), encodeChar('\u0080')]).toEqual([[0xa1, 0xa1], [0xb9, 0xfa], [0x61], [0xa2, 0xe3], null, null]);
  });
  it('converts GBK Han characters a line each as each alone', () => {
    const han = allPairs()
      .map(({ ch }) => ch)
      .filter((ch) => /\p{Script=Han}/u.test(ch));
    const { toHans } = converters('t');
    expect(toHans(han.join('\n')).split('\n')).toEqual(han.map((ch) => toHans(ch)));
  });
  it('reads back from their prepared files the table and the forms it builds', () => {
    const table = buildTable();
    const read = readTable(writeTable(table));
    expect(Buffer.from(read.units.buffer, read.units.byteOffset, read.units.byteLength).equals(Buffer.from(table.units.buffer))).toBe(true);
    expect(Buffer.from(read.encode.buffer, read.encode.byteOffset, read.encode.byteLength).equals(Buffer.from(table.encode.buffer))).toBe(true);
    expect(table.units.filter((u) => u !== 0).length).toBe(allPairs().length);
    expect(() => readTable(new TextEncoder().encode('啊\n阿'))).toThrow();
    const forms = buildForms();
    const fromFile = readForms(pack(formsData(forms)));
    const byForm = new StringTable(fromFile.forms);
    expect(byForm.size).toBe(forms.size);
    for (const [form, characters] of forms) {
      const k = byForm.get(form)!;
      expect(fromFile.characters.slice(fromFile.starts[k], fromFile.starts[k + 1]), form).toBe(characters);
    }
    // GBK holds both forms of 国 and of 发 (發, 髮), in the order of their bytes: 國 87F8, 国 B9FA; 發 B06C, 发 B7A2, 髮 F38C
    expect(forms.get('国')).toBe('國国');
    expect(forms.get('发')).toBe('發发髮');
    expect(() => readForms(new TextEncoder().encode('国'))).toThrow();
  });
});
