/**
 * Which names of a list occur in a text, in one pass over the text: each
 * position tries only the names that start with its character, where asking
 * `includes` of each name scanned the whole text once per name (the term and
 * place lexicons ask this of every document). Linear in the text for a fixed
 * list.
 */

/** The names by their first UTF-16 unit: a pure function of the list, kept with it. */
const byFirst = new WeakMap<object, { first: Uint8Array; names: Map<number, string[]> }>();

/** The names of `list` (a map's keys) that `text` holds; the empty name, when listed, always. */
export function namesIn(text: string, list: ReadonlyMap<string, unknown>): Set<string> {
  let index = byFirst.get(list);
  if (!index) {
    index = { first: new Uint8Array(0x10000), names: new Map() };
    for (const name of list.keys()) {
      if (name === '') continue;
      const unit = name.charCodeAt(0);
      index.first[unit] = 1;
      const names = index.names.get(unit);
      if (names) names.push(name);
      else index.names.set(unit, [name]);
    }
    byFirst.set(list, index);
  }
  const present = new Set<string>();
  if (list.has('')) present.add('');
  for (let i = 0; i < text.length; i++) {
    if (index.first[text.charCodeAt(i)] !== 1) continue;
    for (const name of index.names.get(text.charCodeAt(i))!) if (!present.has(name) && text.startsWith(name, i)) present.add(name);
  }
  return present;
}
