/**
 * Jurisdictions and the hierarchy inside an article (条), which differs:
 *
 *   mainland (cn)   article → 款 (paragraph) → 项 （一）
 *   Taiwan (tw)     article → 項 (paragraph) → 款 一、 → 目 （一）
 *   Hong Kong (hk)  section 條 → subsection (1) → paragraph (a) → subparagraph (i)  (lib/hk-ordinance.ts)
 *
 * so 第十二条第二款第（三）项 (cn) and 第十二條第二項第三款 (tw) both name
 * the third item of the second paragraph. Works on zh-Hans lines.
 */
import { matchHeading } from './gbt9704.js';
import { ROC_DATE_SOURCE } from './roc-date.js';
import { hkPositions, type HkPosition } from './hk-ordinance.js';
import { testNear } from './test-near.js';

export type Jurisdiction = 'cn' | 'tw' | 'hk';

export type ArticlePosition = { jurisdiction: 'cn'; kuan: number; xiang: number | null } | { jurisdiction: 'tw'; xiang: number; kuan: number | null; mu: number | null } | HkPosition;

/** 第 1 条, 第14-1条: an article numbered in Arabic numerals, as Taiwan's law database (and no mainland law) writes it. */
const ARABIC_ARTICLE = /^第\s*\d+(?:\s*-\s*\d+)?\s*条/mu;
/** 发文字号 of Taiwan: 院台经字第1130012345号, 农授粮字第 0941057981 号. */
const TW_NUMBER = /\p{Script=Han}{1,8}字第\s*[\dA-Za-z-]+\s*号/u;
const ROC_DATE = new RegExp(ROC_DATE_SOURCE, 'u');
/** 发文字号 of the mainland: 国发〔2024〕1号. */
const CN_NUMBER = /\p{Script=Han}{1,12}〔\d{4}〕\d{1,4}号/u;
/** Mainland organs that only mainland documents name as their own: 人民代表大会, 中华人民共和国. */
const CN_ORGANS = /中华人民共和国|人民代表大会|国务院办公厅|人民政府/u;
/**
 * Hong Kong: the region's name, ordinances cited by chapter (第123章), and the
 * words an ordinance states its short title and its definitions with (本条例可引称为《…》,
 * 除文意另有所指外: "may be cited as", "unless the context otherwise requires"), which
 * mainland and Taiwan laws do not use.
 */
const HK_CHAPTERS = /第\d+[A-Z]?章\s*《|《[^》]{1,30}条例》\s*[（(]第\d+[A-Z]?章[）)]/u;
/** The region's name: weak, mainland laws name it too (香港特别行政区、澳门特别行政区居民). */
const HK_NAME = /香港特别行政区/u;
const HK_ORDINANCE_WORDS = /可引称为《|除文意另有所指外/u;
/** A Legislative Council paper: its reference as the Chinese text writes it (立法会CB(2)123/23-24(01)号文件), or a LegCo committee on a line of its own (立法会福利事务委员会). */
const HK_PAPER = /立法会\s*[A-Z]{1,4}\(\d{1,2}\)\s?\d{1,4}\/\d{2}-\d{2}(?:\(\d{2}\))?号文件|^立法会\p{Script=Han}{2,24}(?:委员会|小组)$/mu;

/**
 * Whose layout a text (zh-Hans) follows, from its own words: Taiwan when it
 * dates in the ROC calendar, numbers its articles in Arabic numerals
 * (第 1 條) or carries a …字第…號 number; the mainland when it carries a
 * 〔2024〕 number or names a people's congress; Hong Kong when it names the
 * region or cites ordinances by chapter. Null when nothing tells (or both do
 * equally).
 */
export function detectJurisdiction(text: string): Jurisdiction | null {
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  // the two numbers start with up to 8 and 12 Han characters (16 and 24 units) before 字第 and 〔: tried only there
  const tw = (ARABIC_ARTICLE.test(head) ? 2 : 0) + (ROC_DATE.test(head) ? 2 : 0) + (testNear(TW_NUMBER, head, '字第', 16) ? 1 : 0);
  const cn = (testNear(CN_NUMBER, head, '〔', 24) ? 2 : 0) + (CN_ORGANS.test(head) ? 1 : 0);
  // an ordinance's own words outweigh its Arabic section numbers (第1条), which Taiwan's laws share
  const hk = (HK_CHAPTERS.test(head) ? 2 : 0) + (HK_ORDINANCE_WORDS.test(head) ? 3 : 0) + (HK_NAME.test(head) ? 1 : 0) + (HK_PAPER.test(head) ? 2 : 0);
  const best = Math.max(tw, cn, hk);
  if (best === 0) return null;
  const winners = [tw === best ? 'tw' : null, cn === best ? 'cn' : null, hk === best ? 'hk' : null].filter((x) => x !== null);
  return winners.length === 1 ? (winners[0] as Jurisdiction) : null;
}

/** Whether an article's lines (after its first) use Taiwan's 一、 items (款). */
export function hasTaiwanItems(lines: readonly string[]): boolean {
  return lines.some((l) => matchHeading(l)?.level === 1);
}

/** A line that ends where a sentence or a list's lead-in may end; any other line was wrapped and runs on into the next. */
const LINE_END = /[。：:；;？！?!」』）)”]$/u;

/**
 * The position of each of an article's paragraphs (its lines, the first
 * possibly the article's own line 第一条 …) in the article's hierarchy.
 * Taiwan's older laws wrap lines by hand: a line after one that ends in no
 * mark continues the paragraph before it and keeps its position.
 */
export function articlePositions(lines: readonly string[], jurisdiction: 'cn' | 'tw'): ArticlePosition[] {
  const out: ArticlePosition[] = [];
  if (jurisdiction === 'cn') {
    // the 款 so far; a numbered line (（一）) is a 项 of the 款 before it
    let kuan = 0;
    for (const line of lines) {
      const h = matchHeading(line);
      if (h && typeof h.level === 'number') out.push({ jurisdiction: 'cn', kuan: Math.max(1, kuan), xiang: h.number });
      else out.push({ jurisdiction: 'cn', kuan: ++kuan, xiang: null });
    }
    return out;
  }
  let xiang = 0;
  let kuan: number | null = null;
  let mu: number | null = null;
  lines.forEach((line, k) => {
    const h = matchHeading(line);
    const level = h && typeof h.level === 'number' ? h.level : null;
    if (level === 1) {
      xiang = Math.max(1, xiang);
      kuan = h!.number;
      mu = null;
    } else if (level === 2) {
      xiang = Math.max(1, xiang);
      mu = h!.number;
    } else if (level !== null || (k > 0 && !LINE_END.test(lines[k - 1]!.trimEnd()))) {
      // a deeper item (1. （1）) or a wrapped line keeps the place of the line above it
      xiang = Math.max(1, xiang);
    } else {
      xiang++;
      kuan = null;
      mu = null;
    }
    out.push({ jurisdiction: 'tw', xiang, kuan, mu });
  });
  return out;
}

interface ArticleTree {
  level: string | number;
  paragraphs: { start: number; end: number; article?: ArticlePosition }[];
  children: ArticleTree[];
}

/**
 * Give every paragraph of every article in the trees its position, in the
 * document's jurisdiction (a Hong Kong section's subsections, paragraphs and
 * subparagraphs); where the text did not tell (null), Taiwan's
 * when an article has 一、 items, else the mainland's. Returns the system used,
 * or null when there is no article.
 */
export function placeArticleParagraphs(text: string, trees: readonly ArticleTree[][], jurisdiction: Jurisdiction | null): Jurisdiction | null {
  const articles: ArticleTree[] = [];
  const walk = (list: readonly ArticleTree[]): void => {
    for (const s of list) {
      if (s.level === '条') articles.push(s);
      walk(s.children);
    }
  };
  trees.forEach(walk);
  if (articles.length === 0) return null;
  const linesOf = (a: ArticleTree) => a.paragraphs.map((p) => text.slice(p.start, p.end));
  if (jurisdiction === 'hk') {
    for (const a of articles) {
      const positions = hkPositions(linesOf(a));
      a.paragraphs.forEach((p, k) => (p.article = positions[k]!));
    }
    return 'hk';
  }
  const system = jurisdiction === 'cn' || jurisdiction === 'tw' ? jurisdiction : articles.some((a) => hasTaiwanItems(linesOf(a).slice(1))) ? 'tw' : 'cn';
  for (const a of articles) {
    const positions = articlePositions(linesOf(a), system);
    a.paragraphs.forEach((p, k) => (p.article = positions[k]!));
  }
  return system;
}
