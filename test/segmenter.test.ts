/**
 * jieba's segmentation in TypeScript (lib/segmenter/, ADR 9): the same words
 * and tags as nodejieba, loaded in the thread with the same dictionaries, on
 * every line of the corpus and on random texts of every kind of character;
 * its dictionaries read back from their prepared file as they were built; a
 * linear cut; no thread loading nodejieba; and the CLI writing what an
 * in-process batch writes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../pipeline/batch.js';
import { DICTIONARY_RULE, boundaries, loadJieba, pieces, segmenter, trimDictionary } from '../pipeline/lib/jieba.js';
import { buildDictionary, TRIE_RECORD, trieWeights } from '../pipeline/lib/segmenter/dictionary.js';
import { WordSegmenter } from '../pipeline/lib/segmenter/cut.js';
import { jiebaFiles, preparedDictionary } from '../pipeline/lib/segmenter/prepared.js';
import { userDictionaryLines } from '../pipeline/lib/lexicon.js';
import { ROOT, SAMPLE, SHARED } from './helpers/paths.js';
import { bestTime } from './helpers/timing.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));

/** Every non-empty line of the corpus's text, Markdown, HTML and JSON files (tags and all), and of the sample, in jieba's pieces. */
function corpusLines(): string[] {
  const files: string[] = [SAMPLE];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (/\.(?:txt|md|html?|shtml|json)$/.test(f) && s.size < 3e6) files.push(p);
    }
  };
  walk(join(SHARED, 'corpus'));
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => l !== '').flatMap((l) => [...pieces(l)].map((p) => p.text));
}

/** nodejieba's words as it returns them: a lone surrogate (which UTF-8 cannot hold) comes back as U+FFFD. */
const asUtf8 = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('jieba in TypeScript', () => {
  it('cuts and tags every line of the corpus as nodejieba does (3.6 M characters)', () => {
    const lines = corpusLines();
    const chars = lines.reduce((n, l) => n + l.length, 0);
    expect(chars).toBeGreaterThan(3_000_000);
    const ours = segmenter();
    const theirs = loadJieba();
    const cutDiffers = lines.filter((l) => JSON.stringify(ours.cut(l)) !== JSON.stringify(theirs.cut(l)));
    expect(cutDiffers).toEqual([]);
    // tag runs the HMM over the runs of single characters: every third line (the HMM is per run, not per line)
    const tagDiffers = lines.filter((_, i) => i % 3 === 0).filter((l) => JSON.stringify(ours.tag(l)) !== JSON.stringify(theirs.tag(l)));
    expect(tagDiffers).toEqual([]);
  });

  it('agrees with nodejieba on random texts of Han, Latin letters, digits, separators, astral and lone surrogates, NUL', () => {
    const sample = [...readFileSync(SAMPLE, 'utf8').slice(0, 4000)];
    const odd = ['a', 'Z', '9', '.', '0', ' ', '\t', '，', '。', '𠀀', '𪚥', '\ud800', '\udc00', '\u0000', 'é', '①', '、', '3.14', '-', '\u3000', '\ue000', '😀', 'x'];
    const theirs = loadJieba();
    const ours = segmenter();
    const char = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...sample) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
    fc.assert(
      fc.property(fc.array(char, { minLength: 0, maxLength: 80 }), (chars) => {
        const text = chars.join('');
        expect(ours.cut(text).map(asUtf8)).toEqual(theirs.cut(text));
        expect(ours.tag(text).map((t) => ({ word: asUtf8(t.word), tag: t.tag }))).toEqual(theirs.tag(text));
      }),
      { numRuns: 3000 },
    );
    // past the longest word (512 characters), and user-dictionary entries holding 、 kept whole
    const long = `${'a'.repeat(3000)}${'中'.repeat(2000)}${'1'.repeat(700)}`;
    expect(ours.cut(long)).toEqual(theirs.cut(long));
    expect(ours.tag(long)).toEqual(theirs.tag(long));
    const agencies = '各省、自治区、直辖市人民政府，国务院各部委、各直属机构';
    expect(ours.cut(agencies)).toEqual(theirs.cut(agencies));
    expect(ours.cut('')).toEqual([]);
  });

  it('reads its dictionaries back from the prepared file exactly as built, and rebuilds a damaged one', () => {
    const { dictionary, hmm } = jiebaFiles();
    const built = buildDictionary(trimDictionary(readFileSync(dictionary, 'utf8')), userDictionaryLines(), readFileSync(hmm, 'utf8'));
    const file = join(temp('seg-prepared'), 'gongwen-segmenter-0123456789abcdef.bin');
    const first = preparedDictionary(trimDictionary, DICTIONARY_RULE, file); // built and kept
    const read = preparedDictionary(trimDictionary, DICTIONARY_RULE, file); // read back
    // array for array, byte for byte
    const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const arrays = (d: typeof built) => [d.keys, d.trie, d.rootChild, d.userSingles, d.hmm.emit].map(raw);
    for (const d of [first, read]) {
      expect(arrays(d).map((a, k) => a.equals(arrays(built)[k]!))).toEqual(Array(5).fill(true));
      expect([d.rootEdges, d.tags, d.minWeight, d.hmm.start, d.hmm.trans, d.hmm.astral]).toEqual([built.rootEdges, built.tags, built.minWeight, built.hmm.start, built.hmm.trans, built.hmm.astral]);
    }
    // the arrays read are views of the file's bytes, not copies
    expect(read.keys.buffer).toBe(read.trie.buffer);
    // a damaged file (cut short) is rebuilt and rewritten, and cuts the same
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const rebuilt = preparedDictionary(trimDictionary, DICTIONARY_RULE, file);
    expect(raw(rebuilt.trie).equals(raw(built.trie))).toBe(true);
    expect(readFileSync(file).length).toBe(bytes.length);
    const text = readFileSync(SAMPLE, 'utf8').slice(0, 2000);
    expect(new WordSegmenter(rebuilt).tag(text)).toEqual(loadJieba().tag(text));
  });

  it('weighs words as cppjieba does: a user word without a frequency the median, a one-character user word left whole by the HMM', () => {
    const dict = ['中 10 n', '国 10 n', '中国 30 ns', '人 5 n', '民 5 n', '人民 20 n'].join('\n');
    const model = readFileSync(jiebaFiles().hmm, 'utf8');
    const d = buildDictionary(dict, ['中国人民 nt', '民'], model);
    const sum = 80;
    // the edge a word's last character is read by: from the root's edges, each record names where its node's edges
    // start, and the next record where they end
    const edge = (word: string) => {
      let [lo, hi, e] = [0, d.rootEdges, -1];
      for (const ch of word) {
        e = lo;
        while (e < hi && d.keys[e] !== ch.codePointAt(0)) e++;
        expect(e, word).toBeLessThan(hi);
        [lo, hi] = [d.trie[TRIE_RECORD * e]!, d.trie[TRIE_RECORD * (e + 1)]!];
      }
      return e;
    };
    const weight = (word: string) => trieWeights(d.trie)[2 * edge(word) + 1];
    expect(weight('中国')).toBe(Math.log(30 / sum));
    // the median of the six weights (the fourth smallest): log(10/80)
    expect(weight('中国人民')).toBe(Math.log(10 / sum));
    expect(d.tags[d.trie[TRIE_RECORD * edge('中国人民') + 1]!]).toBe('nt');
    // 中国人 is a prefix, no word; breadth first, the root's edges come first (中 人 国 民, by code point), then their nodes'
    expect(weight('中国人')).toBeNaN();
    expect(d.rootEdges).toBe(4);
    expect([...d.keys.subarray(0, d.rootEdges)].map((cp) => String.fromCodePoint(cp))).toEqual(['中', '人', '国', '民']);
    expect(d.minWeight).toBe(Math.log(5 / sum));
    expect([...d.userSingles]).toEqual(['民'.codePointAt(0)]);
    const s = new WordSegmenter(d);
    expect(s.cut('中国人民')).toEqual(['中国人民']);
    expect(s.tag('中国人民').map((t) => t.tag)).toEqual(['nt']);
    // a Latin run with digits, a number with its point, a digit alone tagged x (cppjieba counts over half the word)
    expect(s.tag('AB12 3.5').map((t) => `${t.word}/${t.tag}`)).toEqual(['AB12/eng', ' /x', '3.5/m']);
    expect(s.tag('7').map((t) => t.tag)).toEqual(['x']);
  });

  it('cuts and tags in time linear in the text (boundaries of 100 k and 1 M characters; tag of 17 k and 170 k without a separator)', () => {
    const unit = readFileSync(SAMPLE, 'utf8').slice(0, 10_000);
    const small = unit.repeat(10);
    const large = unit.repeat(100);
    const time = (text: string) => bestTime(() => boundaries(text));
    time(small);
    expect(time(large) / time(small)).toBeLessThan(30);
    // tag: runs of characters the dictionary lacks go through the HMM's Viterbi, letters and digits through their rules
    const odd = `${'䶵䶶䶷a1b2.3䲜䲝'.repeat(1_000)}${'䶵䶶䶷䲜䲝'.repeat(1_000)}`;
    const tagTime = (text: string) => bestTime(() => segmenter().tag(text));
    tagTime(odd);
    expect(tagTime(odd.repeat(10)) / tagTime(odd)).toBeLessThan(30);
  });

  it('is all a worker needs: processing a document loads no nodejieba', async () => {
    const dist = (f: string) => pathToFileURL(join(ROOT, 'dist', 'pipeline', ...f.split('/'))).href;
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      (async () => {
        const jieba = await import(${JSON.stringify(dist('lib/jieba.js'))});
        const { processDocument } = await import(${JSON.stringify(dist('pipeline.js'))});
        const d = processDocument({ bytes: readFileSync(workerData.sample), file: 'sample.txt' }).document;
        const native = Object.keys(require('node:module')._cache).some((k) => k.endsWith('.node'));
        parentPort.postMessage({ loaded: jieba.jiebaLoadedHere(), native, terms: d.entities.filter((e) => e.type === 'technology' || e.type === 'industry').length });
      })().catch((e) => parentPort.postMessage({ error: String(e) }));`;
    const answer = await new Promise<{ loaded: boolean; native: boolean; terms: number; error?: string }>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: { sample: SAMPLE } });
      w.once('message', (m: { loaded: boolean; native: boolean; terms: number }) => void w.terminate().then(() => resolve(m)));
      w.once('error', reject);
    });
    expect(answer.error).toBeUndefined();
    expect(answer.terms).toBeGreaterThan(10);
    expect(answer.loaded).toBe(false);
    expect(answer.native).toBe(false);
  });
  it('the CLI, with --jobs 1 and with workers, writes what an in-process batch writes', async () => {
    const src = temp('seg-corpus');
    cpSync(SAMPLE, join(src, 'sample.txt'));
    mkdirSync(join(src, 'govcn'));
    for (const f of ['govcn-02.html', 'govcn-05.html', 'govcn-33.html']) cpSync(join(SHARED, 'corpus', 'govcn', f), join(src, 'govcn', f));
    const reference = temp('seg-ref');
    await runBatch([src], { out: reference, jobs: 1, fsync: false });
    const snapshot = (dir: string) => {
      const out: Record<string, string> = {};
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.name === '.gongwen' || e.name.startsWith('run-report')) continue;
          if (e.isDirectory()) walk(join(d, e.name));
          else out[relative(dir, join(d, e.name))] = readFileSync(join(d, e.name), 'utf8');
        }
      };
      walk(dir);
      return out;
    };
    for (const jobs of ['1', '2']) {
      const out = temp(`seg-cli-${jobs}`);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongwen.js'), src, '--out', out, '--jobs', jobs, '--quiet', '--no-fsync'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(snapshot(out)).toEqual(snapshot(reference));
    }
  });
});
