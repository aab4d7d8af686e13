/**
 * nodejieba, loaded once per process (load() takes about a second) with the
 * project's lexicon as its user dictionary, so agency names segment whole.
 * nodejieba returns tokens without offsets; `tokens` computes them by walking
 * the text, in UTF-16 units of the string it was given.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Jieba from 'nodejieba';
import { userDictionaryLines } from './lexicon.js';
import { splitLines } from './lines.js';

const require = createRequire(import.meta.url);
let jieba: typeof Jieba | undefined;

export function loadJieba(): typeof Jieba {
  if (!jieba) {
    const j = require('nodejieba') as typeof Jieba;
    // keyword extraction is never used: a one-line IDF and stop-word list spare loading 6 MB
    j.load({ userDict: userDictionaryFile(), idfDict: tempFile('idf', '的 1.0\n'), stopWordDict: tempFile('stop', '的\n') });
    jieba = j;
  }
  return jieba;
}

/**
 * nodejieba reads its user dictionary from a file: the lexicon's entries are
 * written once to a file named by their hash in the temporary directory
 * (written under a temporary name and renamed, so parallel workers never
 * read half a file).
 */
function userDictionaryFile(): string {
  return tempFile('userdict', `${userDictionaryLines().join('\n')}\n`);
}

/** A file in the temporary directory named by its content's hash, written once. */
function tempFile(kind: string, content: string): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `gongwen-${kind}-${hash}.utf8`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, content);
    renameSync(partial, file);
  }
  return file;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Tokens of `text` with their offsets. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  for (const word of loadJieba().cut(text)) {
    const at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue;
    out.push({ word, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return out;
}

/**
 * Word boundaries of a whole text, cut line by line (a large document never
 * holds all its tokens at once): `starts[i]` is 1 where a token starts,
 * `startOfTokenEndingAt[e]` the start of the token that ends at e, or -1.
 */
export interface Boundaries {
  starts: Uint8Array;
  startOfTokenEndingAt: Int32Array;
}

export function boundaries(text: string): Boundaries {
  const starts = new Uint8Array(text.length + 1);
  const startOfTokenEndingAt = new Int32Array(text.length + 1).fill(-1);
  for (const line of splitLines(text)) {
    for (const t of tokens(line.text)) {
      starts[line.start + t.start] = 1;
      startOfTokenEndingAt[line.start + t.end] = line.start + t.start;
    }
  }
  return { starts, startOfTokenEndingAt };
}
