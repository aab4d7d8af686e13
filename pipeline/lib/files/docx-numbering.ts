/**
 * Word's automatic numbering made visible. A heading numbered by Word
 * (`第五章`, `一、`, `（一）` as list numbering) holds no such text: Word
 * draws it from word/numbering.xml, and mammoth, which keeps only the text,
 * loses it (the DOCX of a 规章 read `法律责任` where the PDF reads
 * `第五章 法律责任`). Here each numbered paragraph of word/document.xml gets
 * its label written as a first run — counters per list, `w:start` and
 * `w:startOverride`, deeper levels restarting under a shallower one, the
 * level's `w:lvlText` (`第%1章`, `%1、`, `（%1）`, `%1.%2`) and `w:numFmt`
 * (decimal, chineseCounting, 壹贰 legal, ①, letters, roman, 甲乙) — and its
 * numbering removed, so mammoth reads the label as text. Bullets get none.
 * Numbering by paragraph style (w:pStyle whose style has w:numPr) counts too.
 *
 * The XML is scanned with regular expressions, each once over its part:
 * linear in the file's size.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

const attr = (xml: string, element: string, name = 'w:val'): string | null => {
  const m = new RegExp(`<${element}\\b[^>]*?${name}="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
};

function levelsOf(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const m of xml.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = m[2]!;
    levels.set(Number(m[1]), {
      start: Number(attr(body, 'w:start') ?? '1'),
      format: attr(body, 'w:numFmt') ?? 'decimal',
      text: unescapeXml(attr(body, 'w:lvlText') ?? ''),
      suffix: attr(body, 'w:suff') ?? 'tab',
    });
  }
  return levels;
}

interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  styles: Map<string, { numId: string; level: number }>;
}

function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) abstract.set(m[1]!, levelsOf(m[2]!));
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const overrides = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, 'w:startOverride');
      if (start !== null) overrides.set(Number(o[1]), Number(start));
    }
    nums.set(m[1]!, { abstractId: attr(m[2]!, 'w:abstractNumId') ?? '', overrides });
  }
  const styles = new Map<string, { numId: string; level: number }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!);
    const numId = numPr ? attr(numPr[1]!, 'w:numId') : null;
    if (numId) styles.set(m[1]!, { numId, level: Number(attr(numPr![1]!, 'w:ilvl') ?? '0') });
  }
  return { abstract, nums, styles };
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL: Record<string, string> = { 〇: '零', 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 千: '仟' };

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9999). */
export function chineseNumber(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]!) + unit;
  });
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → AA
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) [n, out] = [n - v, out + s];
  return out;
}

/** A counter in a Word number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseNumber(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return [...chineseNumber(n)].map((c) => LEGAL[c] ?? c).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]!;
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12]!;
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** word/document.xml with every numbered paragraph's label written into it. */
export function labelNumbering(documentXml: string, numbering: Numbering): string {
  const counters = new Map<string, Map<number, number>>();
  const used = new Set<string>();
  return documentXml.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, body: string) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body);
    let numId = numPr ? attr(numPr[1]!, 'w:numId') : null;
    let level = numPr ? Number(attr(numPr[1]!, 'w:ilvl') ?? '0') : 0;
    if (!numPr) {
      const style = numbering.styles.get(attr(body, 'w:pStyle') ?? '');
      if (!style) return whole;
      numId = style.numId;
      level = style.level;
    }
    const num = numId ? numbering.nums.get(numId) : undefined;
    const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
    const lvl = levels?.get(level);
    if (!num || !levels || !lvl || lvl.format === 'bullet' || lvl.format === 'none') return whole;
    let counts = counters.get(num.abstractId);
    if (!counts) counters.set(num.abstractId, (counts = new Map()));
    // a list instance with a start override begins again where it is first used
    if (!used.has(numId!)) {
      used.add(numId!);
      for (const [l, start] of num.overrides) counts.set(l, start - 1);
    }
    counts.set(level, (counts.get(level) ?? (levels.get(level)?.start ?? 1) - 1) + 1);
    for (const l of [...counts.keys()]) if (l > level) counts.delete(l);
    const label = lvl.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const at = levels.get(l);
      return formatNumber(counts.get(l) ?? at?.start ?? 1, at?.format ?? 'decimal');
    });
    if (label === '') return whole;
    const suffix = lvl.suffix === 'nothing' || /[、．.，,：:）)\u3000]$/u.test(label) ? '' : ' ';
    const kept = numPr ? body.replace(numPr[0], '') : body;
    return `<w:pPr>${kept}</w:pPr><w:r><w:t xml:space="preserve">${escapeXml(label + suffix)}</w:t></w:r>`;
  });
}

/** The DOCX with its numbering labels written as text, or the same bytes when it has no numbering. */
export async function withVisibleNumbering(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return bytes;
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const labelled = labelNumbering(documentXml, readNumbering(numberingXml, stylesXml));
  if (labelled === documentXml) return bytes;
  zip.file('word/document.xml', labelled);
  return zip.generateAsync({ type: 'uint8array' });
}

export { readNumbering };
