/**
 * nodejieba, loaded once per process (load() takes about a second) with the
 * project's lexicon as its user dictionary, so agency names segment whole.
 * nodejieba returns tokens without offsets; `tokens` computes them by walking
 * the text, in UTF-16 units of the string it was given.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Jieba from 'nodejieba';
import { projectRoot } from './project.js';

const require = createRequire(import.meta.url);
let jieba: typeof Jieba | undefined;

export function loadJieba(): typeof Jieba {
  if (!jieba) {
    const j = require('nodejieba') as typeof Jieba;
    j.load({ userDict: join(projectRoot(), 'lexicon', 'jieba-user.dict.utf8') });
    jieba = j;
  }
  return jieba;
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
