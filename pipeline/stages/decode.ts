/**
 * decode: raw bytes → text, with the encoding detected from the bytes.
 *
 * Order of evidence: an explicit encoding, a BOM, valid UTF-8, then the CJK
 * legacy encodings (GB18030 covers GBK and GB2312; Big5 for Taiwan and Hong
 * Kong files) scored by how many byte sequences are valid and how many
 * decoded characters are common Chinese characters. iconv-lite does the
 * decoding; it replaces bad sequences with U+FFFD silently, so the byte
 * offsets of every invalid sequence are found here and reported.
 *
 * A file that is not text (PDF, DOCX, DOC, WPS, XLSX) is read before the
 * pipeline by its extractor (stages/file-text.ts, asynchronous); its text
 * enters here as the raw text, with the encoding `binary`. Given such a file's
 * bytes without that text, decode fails with `decode:binary`.
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.js';
import { isCommonHan } from '../lib/cjk.js';
import { invalidSequences, type ByteRange } from '../lib/encodings.js';
import type { FileText } from './file-text.js';

export interface DecodeInput {
  bytes: Uint8Array;
  /** Force an encoding (any label iconv-lite knows); skips detection. */
  encoding?: string | undefined;
  /** The text a file's extractor read (stages/file-text.ts): taken as it is. */
  file?: FileText | undefined;
}

export interface Decoded {
  text: string;
  /** Lower-case WHATWG-style label. */
  encoding: string;
  confidence: number;
  diagnostics: Diagnostic[];
  /** False when the input cannot be treated as text at all (empty, binary). */
  ok: boolean;
}

const SAMPLE = 64 * 1024;

export function decode(input: DecodeInput): Decoded {
  const bytes = input.bytes;
  if (input.file) {
    const file = input.file;
    return { text: file.text, encoding: 'binary', confidence: 1, ok: file.ok, diagnostics: [...file.diagnostics] };
  }
  if (input.encoding) {
    const label = input.encoding.toLowerCase();
    if (!iconv.encodingExists(label)) throw new Error(`Unknown encoding "${input.encoding}"`);
    return finish(bytes, label, 1, []);
  }
  if (bytes.length === 0) {
    return { text: '', encoding: 'utf-8', confidence: 1, ok: false, diagnostics: [diagnostic('decode:empty', 'Unexpected empty input, expected text')] };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(bytes, 'utf-8', 1, []);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(bytes, 'utf-16le', 1, []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(bytes, 'utf-16be', 1, []);

  const binary = binarySignature(bytes);
  if (binary) {
    return { text: '', encoding: 'binary', confidence: 1, ok: false, diagnostics: [diagnostic('decode:binary', `Unexpected binary data (${binary}), expected text`, { space: 'bytes', start: 0, end: Math.min(bytes.length, 8) })] };
  }

  const utf8Invalid = invalidSequences(bytes, 'utf-8');
  if (utf8Invalid.length === 0) return finish(bytes, 'utf-8', 1, []);

  // a page that says its encoding (<meta charset="gb2312">, http-equiv), when its bytes agree
  const declared = declaredEncoding(bytes);
  if (declared && invalidSequences(bytes.subarray(0, SAMPLE), declared).length === 0) return finish(bytes, declared, 1, []);

  // Score the candidates on a sample: invalid sequences cost, common characters earn.
  const sample = bytes.subarray(0, SAMPLE);
  const scored = (['utf-8', 'gb18030', 'big5'] as const).map((encoding) => {
    const invalid = invalidSequences(sample, encoding).length;
    const text = iconv.decode(Buffer.from(sample), encoding);
    let han = 0;
    let common = 0;
    for (const ch of text) {
      if (/\p{Script=Han}/u.test(ch)) {
        han++;
        if (isCommonHan(ch)) common++;
      }
    }
    const score = common - 4 * invalid;
    return { encoding, invalid, han, common, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  const second = scored[1]!;
  const margin = best.han === 0 ? 0 : Math.max(0, best.score - second.score) / Math.max(1, best.han);
  const confidence = Math.round(Math.min(1, 0.5 + margin) * 100) / 100;
  const notes: Diagnostic[] = [];
  if (confidence < 0.7) {
    notes.push(diagnostic('decode:uncertain-encoding', `Uncertain encoding: chose ${best.encoding} over ${second.encoding} with confidence ${confidence}; pass --encoding to override`));
  }
  return finish(bytes, best.encoding, confidence, notes);
}

function finish(bytes: Uint8Array, encoding: string, confidence: number, notes: Diagnostic[]): Decoded {
  const diagnostics = [...notes];
  const known = encoding === 'utf-8' || encoding === 'gb18030' || encoding === 'big5' ? encoding : null;
  const invalid = known ? invalidSequences(bytes, known) : [];
  for (const range of invalid) diagnostics.push(invalidBytes(bytes, range, encoding));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // valid UTF-8, most input, decodes natively: the same text as iconv-lite's UTF-8 decoder (Node's StringDecoder, in
  // pieces), which strips a leading BOM by default, as this does
  const text = known === 'utf-8' && invalid.length === 0 ? withoutBom(buffer.toString('utf8')) : iconv.decode(buffer, encoding);
  if (!known && text.includes('\ufffd')) {
    diagnostics.push(diagnostic('decode:invalid-bytes', `Unexpected bytes that are not valid ${encoding}; they were decoded as U+FFFD`));
  }
  return { text, encoding, confidence, diagnostics, ok: true };
}

const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function invalidBytes(bytes: Uint8Array, range: ByteRange, encoding: string): Diagnostic {
  const hex = Array.from(bytes.subarray(range.start, Math.min(range.end, range.start + 8)), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return diagnostic(
    'decode:invalid-bytes',
    `Unexpected byte sequence ${hex} at byte ${range.start}, expected valid ${encoding}; decoded as U+FFFD`,
    { space: 'bytes', start: range.start, end: range.end },
  );
}

/** Names the binary format when the bytes start with a known signature or hold NUL bytes. */
function binarySignature(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('\x89PNG')) return 'PNG image';
  if (head.startsWith('%PDF')) return 'PDF document: read it with processFile or the CLI';
  if (head.startsWith('PK\x03\x04')) return 'zip archive (DOCX or XLSX: read it with processFile or the CLI)';
  if (head.startsWith('\xff\xd8\xff')) return 'JPEG image';
  if (head.startsWith('GIF8')) return 'GIF image';
  if (head.startsWith('\xd0\xcf\x11\xe0')) return 'OLE document (DOC or WPS: read it with processFile or the CLI)';
  const sample = bytes.subarray(0, 8192);
  if (sample.indexOf(0) < 0) return null;
  let nul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nul++;
  return `${nul} NUL bytes in the first ${sample.length}`;
}

/**
 * The encoding an HTML page declares in its first 1024 bytes (the HTML standard's prescan, via
 * html-encoding-sniffer), as one of the decoders we score: GBK and GB2312 are read as their superset
 * GB18030, Big5-HKSCS as Big5. Null when the page declares none we read.
 */
function declaredEncoding(bytes: Uint8Array): 'utf-8' | 'gb18030' | 'big5' | null {
  const name = sniffHtmlEncoding(bytes, { defaultEncoding: 'none' }).toLowerCase();
  if (name === 'gbk' || name === 'gb2312' || name === 'gb18030') return 'gb18030';
  if (name === 'big5' || name === 'big5-hkscs') return 'big5';
  if (name === 'utf-8') return 'utf-8';
  return null;
}
