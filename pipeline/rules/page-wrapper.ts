/**
 * The page around the document: a news wrapper before it and site furniture
 * after it. Both are cut from the text as edits (never silently); what the
 * wrapper says about the page (site, headline, 来源, date, 阅读 count,
 * editorial lead) is kept as publication facts.
 *
 * Patterns match either script (来源/來源) because cleaning runs before
 * conversion.
 */
import { diagnostic } from '../lib/diagnostics.js';
import { isCalendarDate } from '../lib/gbt9704.js';
import { splitLines } from '../lib/lines.js';
import { eitherScript } from '../lib/opencc.js';
import type { CleanRule, PublicationFacts } from './types.js';

let patterns: ReturnType<typeof buildPatterns> | undefined;

function buildPatterns() {
  const e = eitherScript;
  return {
    fullTextMarker: new RegExp(`^(?:${e('附全文')}|${e('附')}：?${e('全文')}|${e('全文如下')}|${e('原文如下')}|${e('政策原文')})[：:]?$`),
    // the same inside a line (rules/long-lines.ts: a page saved on one line)
    fullTextMarkerInLine: new RegExp(`(?:${e('附全文')}|${e('附')}：?${e('全文')}|${e('全文如下')}|${e('原文如下')}|${e('政策原文')})[：:]?`, 'g'),
    // the source's name ends at page furniture glued to it: 来源：省政府办公厅【字号：大 中 小】
    sourceLine: new RegExp(`${e('来源')}[：:]\\s*([^\\s【\\[［|｜]+)`),
    views: new RegExp(`(?:${e('阅读')}|${e('浏览')}|${e('点击')})(?:${e('量')}|${e('数')}|${e('次数')})?[：:]?\\s*(\\d+)`),
    date: /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/,
    furniture: new RegExp(
      [
        `^${e('声明')}[：:]`,
        `^${e('免责声明')}`,
        `^(?:${e('举报')}|${e('收藏')}|${e('评论')}|${e('分享')}|${e('点赞')})\\s*\\d`,
        `^${e('相关')}\\S{0,6}(?:${e('资讯')}|${e('阅读')}|${e('新闻')}|${e('链接')}|${e('文章')}|${e('推荐')})$`,
        `^${e('责任编辑')}[：:]`,
        `${e('打印本页')}|${e('关闭窗口')}|【${e('打印')}】|【${e('关闭')}】`,
        `^${e('分享到')}`,
      ].join('|'),
    ),
  };
}

export function wrapperPatterns() {
  patterns ??= buildPatterns();
  return patterns;
}

/** The first lines of a page before 附全文 (or before the 来源 line when there is no marker). */
export const publicationWrapper: CleanRule = {
  name: 'publication-wrapper',
  run(text, context) {
    const p = wrapperPatterns();
    const all = splitLines(text);
    const head = all.slice(0, Math.max(12, Math.ceil(all.length * 0.4)));
    const markerIndex = head.findIndex((l) => p.fullTextMarker.test(l.text.trim()));
    const sourceIndex = head.slice(0, 12).findIndex((l) => p.sourceLine.test(l.text) && p.date.test(l.text));
    let cut: number;
    if (markerIndex >= 0) cut = markerIndex;
    else if (sourceIndex >= 0) cut = sourceIndex;
    else return [];

    const wrapper = all.slice(0, cut + 1);
    const content = wrapper.filter((l) => l.text.trim() !== '');
    const sourceLineAt = content.findIndex((l) => p.sourceLine.test(l.text));
    const sourceLine = sourceLineAt >= 0 ? content[sourceLineAt]!.text : null;
    const sourceStart = sourceLineAt >= 0 ? content[sourceLineAt]!.start : 0;
    const beforeSource = sourceLineAt >= 0 ? content.slice(0, sourceLineAt) : [];
    // site name: a short first line above the headline
    const site = beforeSource.length >= 2 && beforeSource[0]!.text.length <= 20 ? beforeSource[0]!.text.trim() : null;
    const headline = beforeSource.length > 0 ? beforeSource[beforeSource.length - 1]!.text.trim() : null;
    const date = sourceLine ? p.date.exec(sourceLine) : null;
    // a day of the calendar, as document.date: 2024-02-31 is read by its shape and refused here (a warning, null)
    let publishedAt = date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` : null;
    if (date && publishedAt && !isCalendarDate(publishedAt)) {
      const at = sourceStart + date.index;
      context.diagnostics.push(
        diagnostic('clean:impossible-date', `Unexpected publication date ${date[0]} (${publishedAt}) in the page's wrapper: no such day in the calendar; publication.publishedAt is left null`, {
          space: 'raw',
          start: context.placeOf(at),
          end: context.placeOf(at + date[0].length),
        }),
      );
      publishedAt = null;
    }
    const views = sourceLine ? p.views.exec(sourceLine) : null;
    const leadLines = content.slice(sourceLineAt + 1).filter((l) => !p.fullTextMarker.test(l.text.trim()));
    const end = cut + 1 < all.length ? all[cut + 1]!.start : text.length;
    const facts: PublicationFacts = {
      site,
      headline,
      source: sourceLine ? (p.sourceLine.exec(sourceLine)?.[1] ?? null) : null,
      publishedAt,
      views: views ? Number(views[1]) : null,
      lead: leadLines.map((l) => l.text.trim()),
      start: 0,
      end,
    };
    context.publication = facts;
    return [{ start: 0, end, text: '' }];
  },
};

/** Site furniture after the document: from the first furniture line in the last part of the text to the end. */
export const siteFurniture: CleanRule = {
  name: 'site-furniture',
  run(text) {
    const p = wrapperPatterns();
    const all = splitLines(text);
    const from = Math.floor(all.length * 0.6);
    for (let i = from; i < all.length; i++) {
      if (p.furniture.test(all[i]!.text.trim())) {
        const start = i > 0 ? all[i - 1]!.end : 0;
        return [{ start, end: text.length, text: '' }];
      }
    }
    return [];
  },
};
