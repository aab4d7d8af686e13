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

const require = createRequire(import.meta.url);
let jieba: typeof Jieba | undefined;

export function loadJieba(): typeof Jieba {
  if (!jieba) {
    const j = require('nodejieba') as typeof Jieba;
    j.load({ userDict: userDictionaryFile() });
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
  const content = `${userDictionaryLines().join('\n')}\n`;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `gongwen-userdict-${hash}.utf8`);
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

/** Offsets where a token starts and where one ends (with the word ending there), for boundary checks. */
export function tokenBoundaries(text: string): { starts: Set<number>; ends: Set<number>; lastWordEndingAt: Map<number, string> } {
  const starts = new Set<number>();
  const ends = new Set<number>();
  const lastWordEndingAt = new Map<number, string>();
  for (const t of tokens(text)) {
    starts.add(t.start);
    ends.add(t.end);
    lastWordEndingAt.set(t.end, t.word);
  }
  return { starts, ends, lastWordEndingAt };
}
