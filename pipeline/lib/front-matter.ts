/**
 * The Markdown's front matter as YAML: exactly what the yaml package writes
 * for the same object (`stringify(front, { lineWidth: 0 })`, block style).
 *
 * The front matter is a few fields whose strings are nearly always ones yaml
 * writes plain (titles, organs, document numbers, dates, paths): those are
 * written here directly; an object holding any other value — a string yaml
 * would quote or fold into a block, a number, a key that is no plain word —
 * is handed to yaml whole. yaml builds a document model for every call,
 * which took a fifth of the Markdown's rendering time.
 */
import { stringify } from 'yaml';

export type YamlValue = string | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/**
 * What yaml's plain scalars may not look like (its stringifyString, core
 * schema): an indicator first, `- ` or `? `, `: `, ` #`, a space or colon at
 * the end; a control character or a lone surrogate; a document marker; or a
 * null, boolean or number.
 */
const NOT_PLAIN = [
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/,
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u,
  /\n/,
  /^(?:%|---|\.\.\.)/m,
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
const KEY = /^[A-Za-z][A-Za-z0-9]*$/;

const plain = (s: string): boolean => !NOT_PLAIN.some((re) => re.test(s));

/** Thrown inside the writer when a value is not one it writes as yaml does. */
const UNSURE = Symbol('unsure');

function scalar(value: YamlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && plain(value)) return value;
  throw UNSURE;
}

const isMap = (v: YamlValue): v is { readonly [key: string]: YamlValue } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A map's entries at `indent`, one line each, nested collections under their key. */
function mapLines(map: { readonly [key: string]: YamlValue }, indent: string, out: string[], firstPrefix = indent): void {
  let prefix = firstPrefix;
  for (const [key, value] of Object.entries(map)) {
    if (!KEY.test(key) || !plain(key)) throw UNSURE;
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${prefix}${key}: []`);
      else {
        out.push(`${prefix}${key}:`);
        seqLines(value, `${indent}  `, out);
      }
    } else if (isMap(value)) {
      if (Object.keys(value).length === 0) out.push(`${prefix}${key}: {}`);
      else {
        out.push(`${prefix}${key}:`);
        mapLines(value, `${indent}  `, out);
      }
    } else out.push(`${prefix}${key}: ${scalar(value)}`);
    prefix = indent;
  }
}

/** A sequence's items at `indent` (`- ` each), a map item's first entry on the dash's line. */
function seqLines(items: readonly YamlValue[], indent: string, out: string[]): void {
  for (const item of items) {
    if (isMap(item) && Object.keys(item).length > 0) mapLines(item, `${indent}  `, out, `${indent}- `);
    else if (Array.isArray(item) || isMap(item)) throw UNSURE;
    else out.push(`${indent}- ${scalar(item)}`);
  }
}

/** `front` as yaml writes it (`stringify(front, { lineWidth: 0 })`), ending in a newline. */
export function frontMatter(front: { readonly [key: string]: YamlValue }): string {
  const out: string[] = [];
  try {
    if (Object.keys(front).length === 0) throw UNSURE;
    mapLines(front, '', out);
  } catch (e) {
    if (e !== UNSURE) throw e;
    return stringify(front, { lineWidth: 0 });
  }
  return `${out.join('\n')}\n`;
}
