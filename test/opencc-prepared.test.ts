/**
 * OpenCC loaded when a text needs it, from prepared files (lib/opencc.ts, lib/phrase-trie.ts): a direction's tries read
 * back from their bytes are the tries built from the dictionaries; the script characters likewise; a file prepared for
 * other words is another file, and an unreadable one is built again and replaced; a text without a character a direction
 * changes is its own conversion (checked on every dictionary entry and on random texts); and a Simplified document does
 * not load the Traditional→Simplified tries (a fresh worker thread, probed with openccTriesLoaded).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { protectedLexicon } from '../pipeline/lib/lexicon.js';
import {
  OPENCC_CONFIG,
  VARIANTS,
  buildScriptCharacters,
  buildTries,
  changesAny,
  converters,
  directionTries,
  openccTriesLoaded,
  preparedTriesFile,
  readTries,
  scriptCharacters,
  writeTries,
  type DirectionTries,
  type Pair,
} from '../pipeline/lib/opencc.js';
import { FlatTrie, PhraseTrie } from '../pipeline/lib/phrase-trie.js';
import { ROOT, SHARED } from './helpers/paths.js';

const hansToHant: Pair[] = protectedLexicon().map((e) => [e.hans, e.hant]);
const pairsOf = (way: 'toHans' | 'toHant'): Pair[] => (way === 'toHant' ? hansToHant : hansToHant.map(([h, t]) => [t, h]));
/** Each trie of a direction as bytes, array by array (a typed array's bytes compare far faster than its elements one by one). */
const bytesOf = (t: DirectionTries): string[] =>
  [...(t.normalize ?? []), ...(t.segmenter ? [t.segmenter] : []), ...t.chain].flatMap((trie) => {
    const { values, ...arrays } = trie.data;
    return [...Object.entries(arrays).map(([k, a]) => `${k}:${Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')}`), values];
  });
const bytes = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

describe('flat tries', () => {
  it('match as the trie they were flattened from: longest entry, the last value written, code points beyond U+FFFF', () => {
    const trie = new PhraseTrie();
    trie.addWord('ab', 'X');
    trie.addWord('a', 'Y');
    trie.addWord('𠀀b', 'Z');
    trie.addWord('a', 'W'); // a later word replaces the value, as opencc-js's trie does
    trie.addWord('abcd', '');
    const flat = trie.flatten();
    expect([flat.match('abx', 0), flat.value]).toEqual([2, 'X']);
    expect([flat.match('ax', 0), flat.value]).toEqual([1, 'W']);
    expect([flat.match('x𠀀b', 1), flat.value]).toEqual([4, 'Z']);
    expect([flat.match('abcd', 0), flat.value]).toEqual([4, '']);
    expect(flat.match('abc', 3)).toBe(0);
    expect(flat.match('𠀀', 0)).toBe(0); // a prefix only
    expect(flat.convert('xabcab𠀀b')).toBe('xXcXZ');
    expect(flat.segment('xabcab𠀀b')).toEqual(['x', 'ab', 'c', 'ab', '𠀀b']);
    // below the root a child is found by its edge's number (breadth first): arrays laid out otherwise are refused
    const { edgeNode } = flat.data;
    const swapped = Int32Array.from(edgeNode);
    const [e, f] = [flat.data.first[1]!, edgeNode.length - 1];
    [swapped[e], swapped[f]] = [edgeNode[f]!, edgeNode[e]!];
    expect(e).toBeLessThan(f);
    expect(() => new FlatTrie({ ...flat.data, edgeNode: swapped })).toThrow(/breadth first/);
  });

  it('match the longest entry on random words whose nodes have few or many children, astral first characters too', () => {
    // nodes with up to 16 children, past the 8 above which a node's edges are halved rather than scanned; the
    // root's edges are its children beyond U+FFFF (the others it finds by code point): ten of them
    const units = ['a', 'b', 'c', 'd', 'e', 'f', ...Array.from({ length: 10 }, (_, k) => String.fromCodePoint(0x20000 + k))];
    const word = fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 4 }).map((w) => w.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom('X', 'YY', '')), { minLength: 20, maxLength: 200, size: 'max' }), fc.array(fc.constantFrom(...units), { maxLength: 12 }), (entries, text) => {
        const trie = new PhraseTrie();
        const last = new Map<string, string>();
        for (const [w, v] of entries) {
          trie.addWord(w, v);
          last.set(w, v);
        }
        const flat = trie.flatten();
        const s = text.join('');
        for (let i = 0; i < s.length; i += s.codePointAt(i)! > 0xffff ? 2 : 1) {
          // the longest entry starting at i, by trying every end
          let end = 0;
          for (let j = i + 1; j <= s.length; j++) if (last.has(s.slice(i, j))) end = j;
          expect(flat.match(s, i), `${s} at ${i}`).toBe(end);
          if (end > 0) expect(flat.value).toBe(last.get(s.slice(i, end)));
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('read back from their prepared bytes are the built ones, array for array, for every exposed configuration', () => {
    for (const variant of VARIANTS) {
      for (const way of ['toHans', 'toHant'] as const) {
        const name = OPENCC_CONFIG[variant][way];
        const built = buildTries(name, pairsOf(way));
        const read = readTries(writeTries(built));
        expect(built.chain.length, name).toBeGreaterThan(0);
        expect(bytesOf(read), name).toEqual(bytesOf(built));
        // what the converters use, read or built by this process, is that trie
        expect(bytesOf(directionTries(name, pairsOf(way))), name).toEqual(bytesOf(built));
      }
    }
    expect(() => readTries(new Uint8Array([1, 2, 3]))).toThrow();
  });
});

describe('prepared files', () => {
  it('a file prepared for other words is another file; an unreadable one is built again and replaced', () => {
    const pairs: Pair[] = [...pairsOf('toHans'), ['測試詞', '测试词']];
    expect(preparedTriesFile('t2s', pairs)).not.toBe(preparedTriesFile('t2s', pairsOf('toHans')));
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-opencc-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const file = preparedTriesFile('t2s', pairs);
      expect(file.startsWith(dir)).toBe(true);
      directionTries('t2s', pairs);
      expect(openccTriesLoaded().get('t2s')).toBe('built');
      const built = readFileSync(file);
      directionTries('t2s', pairs);
      expect(openccTriesLoaded().get('t2s')).toBe('read');
      writeFileSync(file, 'not a trie');
      const again = directionTries('t2s', pairs);
      expect(openccTriesLoaded().get('t2s')).toBe('built');
      expect(readFileSync(file).equals(built)).toBe(true);
      expect(again.chain[0]!.convert('測試詞與國家')).toBe('测试词与国家');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the script characters, prepared or built, are the built ones', () => {
    for (const variant of VARIANTS) {
      const [used, built] = [scriptCharacters(variant), buildScriptCharacters(variant)];
      for (const key of ['byCodePoint', 'toHansChanges', 'toHantChanges'] as const) expect(bytes(used[key]), `${variant} ${key}`).toBe(bytes(built[key]));
    }
    const { byCodePoint, toHansChanges, toHantChanges } = scriptCharacters('t');
    expect([byCodePoint['國'.codePointAt(0)!], byCodePoint['国'.codePointAt(0)!], byCodePoint['人'.codePointAt(0)!]]).toEqual([1, 2, 0]);
    expect([changesAny('國', toHansChanges), changesAny('国', toHansChanges), changesAny('国', toHantChanges), changesAny('人民', toHantChanges)]).toEqual([true, false, true, false]);
  });
});

describe('a text without a character the direction changes', () => {
  type Config = { normalizationChain?: OpenCC.DictGroup[]; conversionChain: OpenCC.DictGroup[] };
  const configs = (OpenCC.Locale as unknown as { configs: Record<string, Config> }).configs;
  // an empty watch list converts in full (the shortcut is only taken without one)
  const full = (variant: (typeof VARIANTS)[number], way: 'toHans' | 'toHant', text: string) =>
    (way === 'toHans' ? converters(variant).toHansAligned(text, new Set()) : converters(variant).toHantAligned(text, new Set())).text;

  it('converts to itself: every dictionary source and protected name made only of such characters', () => {
    for (const variant of VARIANTS) {
      for (const way of ['toHans', 'toHant'] as const) {
        const name = OPENCC_CONFIG[variant][way];
        const changes = scriptCharacters(variant)[way === 'toHans' ? 'toHansChanges' : 'toHantChanges'];
        const config = configs[name]!;
        const sources = new Set<string>(pairsOf(way).map(([s]) => s));
        for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
          for (const dict of group) for (const [from] of typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict) sources.add(from!);
        }
        let unchanged = 0;
        for (const source of sources) {
          if (changesAny(source, changes)) continue;
          unchanged++;
          expect(full(variant, way, source), `${name}: ${source}`).toBe(source);
        }
        expect(unchanged, name).toBeGreaterThan(10);
      }
    }
  });

  it('gives what the full conversion gives, with its offsets, on random texts of both scripts', () => {
    const pool = [...'国國发發干乾幹里裡裏台臺后後人民的一是在了和有大中为為这這个個們们软件軟體算法演算法體体\n 𠀀𪢮ab1。'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), fc.constantFrom(...VARIANTS), (chars, variant) => {
        const text = chars.join('');
        for (const way of ['toHans', 'toHant'] as const) {
          const c = converters(variant);
          const quick = way === 'toHans' ? c.toHansAligned(text) : c.toHantAligned(text);
          const slow = way === 'toHans' ? c.toHansAligned(text, new Set()) : c.toHantAligned(text, new Set());
          expect(quick.text).toBe(slow.text);
          expect(quick.alignment.segments).toEqual(slow.alignment.segments);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('what a document loads', () => {
  it('a Simplified document reads the Simplified→Traditional tries only, from their prepared file; a Traditional one then the other direction', async () => {
    const dist = (f: string) => pathToFileURL(join(ROOT, 'dist', 'pipeline', ...f.split('/'))).href;
    // prepared by the compiled module (or read, when an earlier process did; the files name the code they were made by,
    // and the worker runs the compiled code): the worker below reads them
    const compiled = (await import(dist('lib/opencc.js'))) as typeof import('../pipeline/lib/opencc.js');
    expect(compiled.converters('t').toHant('国家')).toBe('國家');
    expect(compiled.converters('t').toHans('國家')).toBe('国家');
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      (async () => {
        const { openccTriesLoaded } = await import(${JSON.stringify(dist('lib/opencc.js'))});
        const { processDocument } = await import(${JSON.stringify(dist('pipeline.js'))});
        const answer = {};
        for (const [key, file] of Object.entries(workerData.files)) {
          const d = processDocument({ bytes: readFileSync(file), file }).document;
          answer[key] = {
            script: d.source.script,
            hant: d.text['zh-Hant'].length,
            loaded: Object.fromEntries(openccTriesLoaded()),
            // the dictionaries' bundle itself is only required to build
            bundle: Object.keys(require('node:module')._cache).some((k) => k.includes('opencc-js')),
          };
        }
        parentPort.postMessage(answer);
      })().catch((e) => parentPort.postMessage({ error: String(e) }));`;
    // a chinatax page with no character that Traditional→Simplified changes (govcn-02 has one: 覆, as in 答覆 → 答复)
    const files = { simplified: join(SHARED, 'corpus', 'pages', 'pages-01-chinatax.html'), traditional: join(SHARED, 'corpus', 'traditional', 'trad-01-ey-han-yusuan-2005.html') };
    type Answer = { script: string; hant: number; loaded: Record<string, string>; bundle: boolean };
    const answer = await new Promise<{ simplified: Answer; traditional: Answer; error?: string }>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: { files } });
      w.once('message', (m: { simplified: Answer; traditional: Answer }) => void w.terminate().then(() => resolve(m)));
      w.once('error', reject);
    });
    expect(answer.error).toBeUndefined();
    expect(answer.simplified.script).toBe('zh-Hans');
    expect(answer.simplified.hant).toBeGreaterThan(200);
    expect(answer.simplified.loaded).toEqual({ s2t: 'read' });
    expect(answer.traditional.script).toBe('zh-Hant');
    expect(answer.traditional.loaded).toEqual({ s2t: 'read', t2s: 'read' });
    expect([answer.simplified.bundle, answer.traditional.bundle]).toEqual([false, false]);
  });
});
