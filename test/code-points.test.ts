/** UTF-16 ↔ code point offsets (lib/code-points.ts), on texts mixing pairs, lone surrogates and plain units. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../pipeline/lib/code-points.js';

/** The code point offset of a UTF-16 offset by counting: an offset inside a pair counts as the pair's start. */
function counted(text: string, utf16: number): number {
  const inside = utf16 > 0 && utf16 < text.length && /[\ud800-\udbff]/.test(text[utf16 - 1]!) && /[\udc00-\udfff]/.test(text[utf16]!);
  return [...text.slice(0, inside ? utf16 - 1 : utf16)].length;
}

describe('CodePointIndex', () => {
  it('maps every UTF-16 offset as counting code points does, and back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('成', 'A', '𠀀', '𪚥', '\ud840', '\udc00', '\n'), { maxLength: 40, size: 'max' }), (parts) => {
        const text = parts.join('');
        const index = new CodePointIndex(text);
        for (let i = 0; i <= text.length; i++) expect(index.toCodePoint(i), `${i} of ${JSON.stringify(text)}`).toBe(counted(text, i));
        let utf16 = 0;
        [...text].forEach((point, k) => {
          expect(index.toUtf16(k)).toBe(utf16);
          utf16 += point.length;
        });
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('reads a second text from the start (the scan keeps no state between texts)', () => {
    expect(new CodePointIndex('𠀀𠀀𠀀').toCodePoint(6)).toBe(3);
    expect(new CodePointIndex('a𠀀').toCodePoint(3)).toBe(2);
  });
});
