/**
 * Simulates the corruption found in the sample: a span of GBK text decoded
 * one byte out of step, undecodable pairs shown as `?`, full-width marks
 * turned into ASCII by the site. Used to test the repair on text it was not
 * tuned on.
 */
import iconv from 'iconv-lite';

export function shiftedGbk(span: string): string | null {
  const bytes = iconv.encode(span, 'gbk');
  if (bytes.length !== span.length * 2 || iconv.decode(bytes, 'gbk') !== span) return null;
  const inner = bytes.subarray(1, bytes.length - 1);
  let out = '';
  for (let i = 0; i < inner.length; ) {
    const b = inner[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const ch = i + 1 < inner.length ? iconv.decode(inner.subarray(i, i + 2), 'gbk') : '\ufffd';
    out += ch.length === 1 && ch !== '\ufffd' ? ch : '?';
    i += 2;
  }
  const ascii = out.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return `?${ascii}?`;
}
