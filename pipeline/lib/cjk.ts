/**
 * Character classes for Chinese text. Uses Unicode properties (\p{Script=Han})
 * rather than code point ranges, so rare characters outside the BMP count.
 */

/** One Han character (any plane). */
export const HAN = /\p{Script=Han}/u;

/**
 * The ~500 most frequent Chinese characters in both scripts (Simplified list
 * plus its OpenCC Traditional forms). Used to tell a right decoding from a
 * wrong one: mis-decoded bytes land on rare characters.
 */
const COMMON_HAN = new Set('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严這爲個國時來們於對會發動過說產種後學經進電裏現實兩體機當點從業應開還義間樣與關線內數麼質氣變條沒結問無軍並題黨員總設長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處隊給門規熱領東導壓爭濟階術極聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確張馬節話況溫傳許羣廣記觀織裝衆書覆兒須際驗連斷難礦備辦習響約勞團歷構稱準號維劃選標寫親養層卻專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴');

export function isCommonHan(ch: string): boolean {
  return COMMON_HAN.has(ch);
}

/** How many Han characters (code points) `s` holds: the BMP by table, a surrogate pair by the pattern. */
export function countHan(s: string): number {
  return lettersAndHan(s).han;
}

/**
 * What one UTF-16 code unit, read as a string of its own, is (a lone surrogate is neither): LETTER_BIT for a letter
 * (\p{L}), HAN_BIT for a Han character, KNOWN_BIT once asked — a table lookup for the loops that test every
 * position of a text, where a pattern on a one-character string cost a string and a match each. The table is filled
 * by the patterns one block of 256 units when a unit of it is first asked (a text touches a few dozen blocks: a
 * thread's start-up does not pay for all 65 536).
 */
const LETTER_BIT = 1;
const HAN_BIT = 2;
const KNOWN_BIT = 4;
const LETTER = /\p{L}/u;
const unitKinds = new Uint8Array(0x10000);
function unitKind(code: number): number {
  let v = unitKinds[code]!;
  if (v === 0) {
    const from = code & 0xff00;
    for (let c = from; c < from + 0x100; c++) {
      const ch = String.fromCharCode(c);
      unitKinds[c] = KNOWN_BIT | (LETTER.test(ch) ? LETTER_BIT : 0) | (HAN.test(ch) ? HAN_BIT : 0);
    }
    v = unitKinds[code]!;
  }
  return v;
}

/** Whether one UTF-16 code unit is a Han character (HAN of that unit alone). */
export function isHanUnit(code: number): boolean {
  return (unitKind(code) & HAN_BIT) !== 0;
}

/** Whether one UTF-16 code unit is a letter (\p{L} of that unit alone). */
export function isLetterUnit(code: number): boolean {
  return (unitKind(code) & LETTER_BIT) !== 0;
}

/**
 * How many letters and how many Han characters `text` holds, by code point: the BMP by table, counted without a
 * branch on each character's kind (letters, Han and marks alternate unpredictably in Chinese text: the mispredicted
 * branches took half of such a loop), a character outside it by the patterns.
 */
export function lettersAndHan(text: string): { letters: number; han: number } {
  let letters = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const pair = text.slice(i, i + 2);
        if (LETTER.test(pair)) letters++;
        if (HAN.test(pair)) han++;
        i++;
        continue;
      }
    }
    const k = unitKind(c);
    letters += k & LETTER_BIT;
    han += (k & HAN_BIT) >> 1;
  }
  return { letters, han };
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** Chinese full-width punctuation that marks Chinese context on either side of an ASCII mark. */
export const CJK_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】〔〕—…·「」『』';

export function isCjkContext(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_PUNCTUATION.includes(ch));
}

/** Chinese numerals used in headings and dates, with their values. */
const DIGITS: Record<string, number> = { '〇': 0, '零': 0, '○': 0, 'Ｏ': 0, 'O': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** Value of a Chinese numeral up to the thousands (十二 → 12, 一百零三 → 103, 二〇二四 → 2024 digit by digit). */
export function chineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  // digit-by-digit years: 二〇二四
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    } else return null;
  }
  return total + digit;
}
