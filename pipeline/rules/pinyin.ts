/**
 * Pinyin left behind by ruby markup scraped as text: 網(wǎng) → 網.
 *
 * An annotation is a parenthesised, lower-case pinyin syllable right after a
 * Han character. A syllable must be a real one (initial + final) so that
 * (a), (Cyber Security), (1) or （市） are never touched. Tone marks make an
 * annotation certain; a toneless syllable (neutral tone, 的(de)) is accepted
 * only in a text that already has several tone-marked annotations.
 * Broken annotations whose opening bracket was eaten by corrupted bytes
 * (`?zé)`) are removed when the text is a ruby scrape.
 */
import { replaceAll, type CleanRule } from './types.js';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const V = `[aeiouüv${TONED}]`;
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])';
const FINAL = `(?:${V}{1,3}(?:ng|n|r)?)`;
const SYLLABLE = `${INITIAL}?${FINAL}`;
const WHOLE_SYLLABLE = new RegExp(`^${SYLLABLE}$`);

/** Toneless finals that are real pinyin: guards the neutral-tone case. */
const FINALS = new Set(
  'a o e i u ü v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong ua uo uai ui uan un uang ue üe ve'.split(' '),
);

// the bracket first, then the Han character before it (the same matches as a lookbehind first, which V8 tried at every position)
const ANNOTATION = new RegExp(`\\((?<=\\p{Script=Han}\\()(${SYLLABLE})\\)`, 'gu');
const BROKEN = new RegExp(`\\?(${SYLLABLE})\\)`, 'gu');

export function isPinyinSyllable(s: string): boolean {
  let known = syllables.get(s);
  if (known === undefined) {
    known = pinyinSyllable(s);
    if (syllables.size === MAX_REMEMBERED) syllables.clear();
    syllables.set(s, known);
  }
  return known;
}

/** Each string's answer once (a ruby scrape repeats a few hundred syllables thousands of times); at most this many kept. */
const syllables = new Map<string, boolean>();
const MAX_REMEMBERED = 4096;

function pinyinSyllable(s: string): boolean {
  if (!WHOLE_SYLLABLE.test(s)) return false;
  const plain = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v');
  const final = plain.replace(/^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])/, '');
  return FINALS.has(final) || FINALS.has(final.replace(/v/g, 'ü')) || plain === 'm' || plain === 'n';
}

function hasTone(s: string): boolean {
  for (const ch of s) if (TONED.includes(ch)) return true;
  return false;
}

/** Below this many tone-marked annotations, toneless syllables and broken ones are left alone. */
const RUBY_SCRAPE_THRESHOLD = 5;

function countToned(text: string, limit: number): number {
  let toned = 0;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text); m && toned < limit; m = ANNOTATION.exec(text)) {
    if (hasTone(m[1]!) && isPinyinSyllable(m[1]!)) toned++;
  }
  return toned;
}

/** Well-formed annotations: 網(wǎng) → 網. */
export const pinyinAnnotations: CleanRule = {
  name: 'pinyin-annotation',
  run(text) {
    const rubyScrape = countToned(text, RUBY_SCRAPE_THRESHOLD) >= RUBY_SCRAPE_THRESHOLD;
    return replaceAll(text, ANNOTATION, (m) => {
      const syllable = m[1]!;
      if (!isPinyinSyllable(syllable)) return null;
      return hasTone(syllable) || rubyScrape ? '' : null;
    });
  },
};

/**
 * Broken annotations whose opening bracket was eaten by corrupted bytes:
 * ?zé) → nothing. Only in a ruby scrape (judged on the raw text), and run
 * after corrupted-run detection so the run is reported with its evidence.
 */
export const brokenPinyinAnnotations: CleanRule = {
  name: 'pinyin-annotation',
  run(text, context) {
    if (countToned(context.raw, RUBY_SCRAPE_THRESHOLD) < RUBY_SCRAPE_THRESHOLD) return [];
    return replaceAll(text, BROKEN, (m) => (hasTone(m[1]!) && isPinyinSyllable(m[1]!) ? '' : null));
  },
};
