/**
 * Responsibility notes (责任单位): who leads (牵头) and who supports (配合) a
 * task. Forms handled here, all in zh-Hans:
 *   [责任单位：A、B，C、D]          lead before the first comma, support after
 *   （牵头单位：A；配合单位：B、C）    explicit roles
 * A note whose opening bracket and first characters were lost to corrupted
 * bytes (…任单位：A，B]) is still read, and flagged as damaged.
 */
export interface NameRef {
  name: string;
  /** UTF-16 offsets in the text the note was found in. */
  start: number;
  end: number;
}

export interface NoteMatch {
  start: number;
  end: number;
  lead: NameRef[];
  support: NameRef[];
  damaged: boolean;
}

const BRACKETED = /[[［【]\s*(?:责任单位|责任部门|牵头单位)[：:]([^\]］】\n]*)[\]］】]/g;
const ROLES = /[（(]\s*牵头(?:单位|部门)[：:]([^；;）)\n]*)[；;]\s*(?:配合|参与|协同)(?:单位|部门)[：:]([^）)\n]*)[）)]/g;
/** A note that lost its opening to corrupted bytes: 任单位：…] */
const DAMAGED = /(?:责?任单位|单位)[：:]([^\]］】\n[［【]*)[\]］】]/g;

export function findNotes(text: string): NoteMatch[] {
  const notes: NoteMatch[] = [];
  const taken = (start: number, end: number) => notes.some((n) => start < n.end && end > n.start);
  for (const m of text.matchAll(BRACKETED)) {
    const bodyStart = m.index + m[0].search(/[：:]/) + 1;
    notes.push({ start: m.index, end: m.index + m[0].length, ...splitRoles(m[1]!, bodyStart), damaged: false });
  }
  for (const m of text.matchAll(ROLES)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const leadStart = m.index + m[0].indexOf(m[1]!);
    const supportStart = m.index + m[0].lastIndexOf(m[2]!);
    notes.push({ start: m.index, end: m.index + m[0].length, lead: names(m[1]!, leadStart), support: names(m[2]!, supportStart), damaged: false });
  }
  for (const m of text.matchAll(DAMAGED)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const bodyStart = m.index + m[0].length - 1 - m[1]!.length;
    notes.push({ start: m.index, end: m.index + m[0].length, ...splitRoles(m[1]!, bodyStart), damaged: true });
  }
  return notes.sort((a, b) => a.start - b.start);
}

/** Lead before the first comma, support after it; an explanatory sentence after 。 is not a name. */
function splitRoles(body: string, offset: number): { lead: NameRef[]; support: NameRef[] } {
  const stop = body.indexOf('。');
  const list = stop >= 0 ? body.slice(0, stop) : body;
  const comma = list.search(/[，,]/);
  if (comma < 0) return { lead: names(list, offset), support: [] };
  return { lead: names(list.slice(0, comma), offset), support: names(list.slice(comma + 1), offset + comma + 1) };
}

/** Split an enumeration of names at 、，, and ；, keeping each name's offsets. */
export function names(list: string, offset: number): NameRef[] {
  const out: NameRef[] = [];
  const pattern = /[^、，,；;\s]+/g;
  for (const m of list.matchAll(pattern)) {
    const name = m[0].replace(/等$/, '');
    if (name.length === 0) continue;
    out.push({ name, start: offset + m.index, end: offset + m.index + name.length });
  }
  return out;
}
