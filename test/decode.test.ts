/** decode: byte fixtures made by encoding real text with iconv-lite. */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../pipeline/stages/decode.js';
import { processDocument } from '../pipeline/pipeline.js';
import { SAMPLE } from './helpers/paths.js';

// real text: the opening of the sample, in each script
const HANT = readFileSync(SAMPLE, 'utf8').split('\n').slice(20, 24).join('\n').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
const HANS = '未来产业是明天的战略性新兴产业、后天的支柱产业，依托新科技、引领新需求、创造新动力、拓展新空间，对构建创新驱动、科技引领的现代化产业体系具有战略意义。';

describe('decode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decode({ bytes: Buffer.from(HANS) })).toMatchObject({ encoding: 'utf-8', text: HANS, ok: true });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HANS)]);
    expect(decode({ bytes: bom })).toMatchObject({ encoding: 'utf-8', text: HANS, confidence: 1 });
    // one BOM is the encoding's mark, a second one is text; valid UTF-8 decodes as iconv-lite decodes it
    const twice = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bom]);
    expect(decode({ bytes: twice }).text).toBe(`\ufeff${HANS}`);
    const mixed = Buffer.from(`${HANS}𠀀\u0000\r\n \u2028é`.repeat(3));
    expect(decode({ bytes: mixed, encoding: 'utf-8' }).text).toBe(iconv.decode(mixed, 'utf-8'));
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decode({ bytes: iconv.encode(HANS, 'utf-16le', { addBOM: true }) }).text).toBe(HANS);
    expect(decode({ bytes: iconv.encode(HANS, 'utf-16be', { addBOM: true }) })).toMatchObject({ encoding: 'utf-16be', text: HANS });
  });

  it('detects GB18030 (GBK) for Simplified text', () => {
    const d = decode({ bytes: iconv.encode(HANS, 'gb18030') });
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(HANS);
    expect(d.confidence).toBeGreaterThan(0.7);
  });

  it('detects Big5 for Traditional text', () => {
    const d = decode({ bytes: iconv.encode(HANT, 'big5') });
    expect(d.encoding).toBe('big5');
    expect(d.text).toBe(HANT);
  });

  it('honours an explicit encoding', () => {
    const bytes = iconv.encode(HANS, 'gb18030');
    expect(decode({ bytes, encoding: 'GB18030' })).toMatchObject({ encoding: 'gb18030', text: HANS, confidence: 1 });
    expect(() => decode({ bytes, encoding: 'no-such-encoding' })).toThrow(/Unknown encoding/);
  });

  it('reports invalid UTF-8 bytes with their byte offsets, never silently', () => {
    const good = Buffer.from('第一段文字。');
    const bytes = Buffer.concat([good, Buffer.from([0xff]), Buffer.from('第二段文字内容比较长，'.repeat(20))]);
    const d = decode({ bytes });
    expect(d.encoding).toBe('utf-8');
    const bad = d.diagnostics.filter((x) => x.code === 'decode:invalid-bytes');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.place).toEqual({ space: 'bytes', start: good.length, end: good.length + 1 });
  });

  it('reports invalid GB18030 and Big5 sequences with their byte offsets', () => {
    for (const [text, encoding] of [[HANS, 'gb18030'], [HANT, 'big5']] as const) {
      const good = iconv.encode(text, encoding);
      // a lead byte followed by a byte no trail can be: invalid in both encodings
      const bytes = Buffer.concat([good, Buffer.from([0x81, 0x0a]), good]);
      const d = decode({ bytes });
      expect(d.encoding).toBe(encoding);
      const bad = d.diagnostics.filter((x) => x.code === 'decode:invalid-bytes');
      expect(bad.length, encoding).toBe(1);
      expect(bad[0]!.place?.start, encoding).toBe(good.length);
    }
  });

  it('refuses empty and binary input with an error', () => {
    expect(decode({ bytes: Buffer.alloc(0) })).toMatchObject({ ok: false, diagnostics: [{ code: 'decode:empty', severity: 'error' }] });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decode({ bytes: png })).toMatchObject({ ok: false, diagnostics: [{ code: 'decode:binary' }] });
    const result = processDocument({ bytes: png, file: 'x.png' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.message).toMatch(/PNG/);
  });

  it('counts the binary check’s NUL bytes, and the Chinese check’s Han characters and letters, each character as Unicode classes it', () => {
    const nuls = Buffer.concat([Buffer.from('成都市人民政府'), Buffer.from([0, 0, 0])]);
    expect(decode({ bytes: nuls }).diagnostics[0]!.message).toBe('Unexpected binary data (3 NUL bytes in the first 24), expected text');
    // Han: 〇 (U+3007, a letter number), 𠀀 (outside the BMP), 中, 文; letters: Hello, world, 𠀀, 中, 文, ǎ, Ω — not 〇 or ①
    const english = processDocument({ bytes: Buffer.from('Hello world 〇𠀀中文 ǎ Ω ①'), file: 'a.txt' });
    expect(english.diagnostics.find((d) => d.code === 'decode:not-chinese')!.message).toBe('Unexpected text with 4 Chinese characters among 15 letters: not a Chinese document');
  });
});
