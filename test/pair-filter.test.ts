/** The pair filter the organ grammar asks at every Han character (lib/pair-filter.ts): no pair added is ever missed, few others pass. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairFilter } from '../pipeline/lib/pair-filter.js';

const unit = fc.integer({ min: 0, max: 0xffff });

/** A filter sized for and holding `pairs`. */
function filterOf(pairs: readonly (readonly [number, number])[]): PairFilter {
  const filter = new PairFilter(pairs.length);
  for (const [a, b] of pairs) filter.add(a, b);
  return filter;
}

describe('PairFilter', () => {
  it('has every pair it was made of, whatever their number', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, unit), { maxLength: 3000 }), (pairs) => {
        const filter = filterOf(pairs);
        for (const [a, b] of pairs) expect(filter.has(a, b), `${a} ${b}`).toBe(true);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('lets few pairs it was not made of pass: under one in eight, as for the Han pairs of a gazetteer', () => {
    // pairs of common Han characters, as names start with them; the others asked are pairs of the same range
    const han = (k: number) => 0x4e00 + ((k * 7919) % 3500);
    const added = new Set<number>();
    const pairs: [number, number][] = [];
    for (let k = 0; k < 24_000; k++) {
      const pair: [number, number] = [han(k), han(k * 31 + 5)];
      pairs.push(pair);
      added.add(pair[0] * 0x10000 + pair[1]);
    }
    const filter = filterOf(pairs);
    let asked = 0;
    let passed = 0;
    for (let a = 0x4e00; a < 0x4e00 + 3500; a += 3)
      for (let b = 0x4e00; b < 0x4e00 + 3500; b += 97) {
        if (added.has(a * 0x10000 + b)) continue;
        asked++;
        if (filter.has(a, b)) passed++;
      }
    expect(asked).toBeGreaterThan(40_000);
    expect(passed / asked).toBeLessThan(1 / 8);
    expect(passed).toBeGreaterThan(0); // a filter, not a set: it does let some through
  });

  it('reads a unit beyond the text (charCodeAt gives NaN) as 0, and an empty filter has nothing', () => {
    const filter = filterOf([[0x6210, 0]]);
    expect(filter.has(0x6210, Number.NaN)).toBe(true);
    expect(filterOf([]).has(0x6210, 0x90fd)).toBe(false);
  });
});
