/** Character classes (lib/cjk.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHan, isHanUnit, isLetterUnit, lettersAndHan } from '../pipeline/lib/cjk.js';

describe('isHanUnit', () => {
  it('says whether one UTF-16 unit is a Han character, as \\p{Script=Han} does for it alone', () => {
    for (const ch of ['中', '國', '々', '〇', '㐀', '⺀']) expect(isHanUnit(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of ['，', 'A', '1', '　', 'ア', '한', '\n']) expect(isHanUnit(ch.charCodeAt(0)), ch).toBe(false);
    // a character outside the BMP is two units, neither Han on its own (𠀀 U+20000)
    expect(isHanUnit('𠀀'.charCodeAt(0))).toBe(false);
    expect(isHanUnit('𠀀'.charCodeAt(1))).toBe(false);
    expect(countHan('𠀀中a')).toBe(2);
  });

  it('countHan counts code points as the \\p{Script=Han} pattern does, pairs and lone surrogates included', () => {
    const pattern = /\p{Script=Han}/gu;
    let text = '';
    // every unit of the BMP once, in a fixed scrambled order (lone and paired surrogates alike)
    for (let k = 0; k < 0x10000; k++) text += String.fromCharCode((k * 40503) & 0xffff);
    text += '𠀀𪜀𫝀a𠀀';
    expect(countHan(text)).toBe(text.match(pattern)!.length);
  });

  it('lettersAndHan counts code points as \\p{L} and \\p{Script=Han} do (pairs whole, a lone surrogate neither), and the unit tests agree with the patterns', () => {
    const pieces = ['中', '國', '〇', '々', 'A', 'ǎ', 'Ω', 'ア', '한', '1', '，', '　', '①', '𠀀', '𪚥', '\ud840', '\udc00', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const points = [...text];
        expect(lettersAndHan(text)).toEqual({ letters: points.filter((p) => /\p{L}/u.test(p)).length, han: points.filter((p) => /\p{Script=Han}/u.test(p)).length });
        expect(countHan(text)).toBe(points.filter((p) => /\p{Script=Han}/u.test(p)).length);
      }),
      { numRuns: 2000, seed: 16 },
    );
    for (const ch of ['中', 'A', 'ǎ', 'Ω', 'ア', '〇', '①', '，']) expect(isLetterUnit(ch.charCodeAt(0)), ch).toBe(/\p{L}/u.test(ch));
  });
});
