/**
 * A pattern tested only where it can match. V8 tries an unanchored pattern
 * that starts with a class (\p{Script=Han}{1,12}〔\d{4}〕…) at every position
 * of the text, each try running through up to a dozen characters; where every
 * match holds a fixed string (its anchor: 〔) within a bounded reach of its
 * start, trying the pattern only at the positions up to that reach before each
 * occurrence of the anchor gives the same answer.
 */
const stickyOf = new WeakMap<RegExp, RegExp>();

/**
 * `re.test(text)` for a pattern (no g or y flag) each of whose matches starts
 * at most `reach` UTF-16 units before an occurrence of `anchor` that it holds.
 * Each position is tried at most once: linear in the text for a pattern whose
 * tries are bounded.
 */
export function testNear(re: RegExp, text: string, anchor: string, reach: number): boolean {
  let sticky = stickyOf.get(re);
  if (!sticky) stickyOf.set(re, (sticky = new RegExp(re.source, `${re.flags}y`)));
  let tried = 0;
  for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) {
    for (let p = Math.max(tried, i - reach); p <= i; p++) {
      sticky.lastIndex = p;
      if (sticky.test(text)) return true;
    }
    tried = i + 1;
  }
  return false;
}
