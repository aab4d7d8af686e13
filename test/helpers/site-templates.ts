/**
 * Site chrome of the kinds government portals put around a document, built by
 * hand to vary what the development pages show: breadcrumbs, a 政府信息公开
 * metadata table or definition list above or beside the text, a headline
 * outside the content block (repeating the title, with the site's name in
 * <title>), left-hand menus of links, font-size/print/close toolbars, share
 * buttons, related-document lists and an interpretation after the text,
 * footers, table-based layouts. `wrap` puts a content fragment (the document
 * as the site's CMS stores it) inside one of them; a page read whole should
 * give the same document as the fragment alone.
 */
export interface Facts {
  title: string;
  documentNumber: string | null;
  issuer: string | null;
  date: string | null;
}

const menu = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => `<li><a href="/${word}/${i}.html">${['政务公开', '政策文件', '通知公告', '部门动态', '办事服务', '互动交流', '专题专栏', '数据发布'][i % 8]}</a></li>`).join('');
const related = (title: string) =>
  ['关于做好2023年度住房保障工作的通知', '关于进一步规范房地产经纪服务的通知', '市政府办公室关于印发重点工作分工方案的通知', `《${title.slice(0, 12)}》政策解读`]
    .map((t, i) => `<li><a href="/xxgk/${i}.html">${t}</a><span>2024-0${i + 1}-1${i}</span></li>`)
    .join('');
const footer = '<div class="footer"><p>主办单位：某某市人民政府办公室　承办单位：某某市大数据中心</p><p>网站标识码：1234000001　<a href="https://beian.miit.gov.cn">京ICP备12345678号</a>　京公网安备 11010502000001号</p><p>版权所有：某某市人民政府　地址：某某市人民路1号</p></div>';
const toolbar = '<div class="tools"><span>【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</span><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>';
const share = '<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>';
const dash = (v: string | null) => v ?? '';

function metadataTable(f: Facts): string {
  const cell = (l: string, v: string) => `<td class="t1">${l}：</td><td class="t2">${v}</td>`;
  return `<table class="xxgk"><tr>${cell('索引号', '11510100MB0000000X/2024-00123')}${cell('主题分类', '城乡建设、环境保护')}</tr><tr>${cell('发布机构', dash(f.issuer))}${cell('成文日期', dash(f.date))}</tr><tr>${cell('标　　题', f.title)}</tr><tr>${cell('文　　号', dash(f.documentNumber))}${cell('发布日期', dash(f.date))}</tr><tr>${cell('有效性', '有效')}${cell('主题词', '')}</tr></table>`;
}

function metadataList(f: Facts): string {
  const row = (l: string, v: string) => `<dl><dt>${l}</dt><dd>${v}</dd></dl>`;
  return `<div class="meta">${row('发文机关：', dash(f.issuer))}${row('发文字号：', dash(f.documentNumber))}${row('标题：', f.title)}${row('成文日期：', dash(f.date))}${row('发布日期：', dash(f.date))}</div>`;
}

export const TEMPLATES: Record<string, (content: string, f: Facts) => string> = {
  /** 政府信息公开: breadcrumbs, a metadata table, the headline, the text, toolbars, related documents, a footer. */
  xxgk: (c, f) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${f.title}_某某市人民政府</title></head><body><div class="top"><a href="/">首页</a><ul class="nav">${menu(8, 'nav')}</ul></div><div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zcwj">政策文件</a></div><div class="main">${metadataTable(f)}<h1 class="title">${f.title}</h1>${toolbar}<div class="TRS_Editor">${c}</div>${share}<div class="related"><h4>相关文件</h4><ul>${related(f.title)}</ul></div></div>${footer}</body></html>`,
  /** A portal's article page: a left-hand menu, the headline with a source/date row, the text, previous/next links. */
  portal: (c, f) =>
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${f.title} - 通知公告 - 某某市住房和城乡建设局</title><meta name="ArticleTitle" content="${f.title}"></head><body><div class="header">某某市住房和城乡建设局</div><div class="left"><h3>通知公告</h3><ul>${menu(24, 'left')}</ul></div><div class="right"><div class="position">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/tzgg">通知公告</a></div><div class="article"><h2>${f.title}</h2><div class="info">发布时间：${dash(f.date)} 10:30　来源：本网　浏览次数：<span>1024</span>${toolbar}</div><div id="zoom">${c}</div><div class="prev">上一篇：<a href="/a/1.html">关于开展2024年度安全生产检查的通知</a></div><div class="next">下一篇：<a href="/a/2.html">关于公布第一批示范项目名单的公告</a></div></div></div>${footer}</body></html>`,
  /** An older table-based layout: nested tables, the headline in a cell, metadata as 【label】value runs. */
  tables: (c, f) =>
    `<html><head><title>某某县人民政府</title></head><body><table width="1000"><tr><td><table><tr>${menu(10, 't').replace(/<\/?li>/g, '').replace(/<a /g, '<td><a ').replace(/<\/a>/g, '</a></td>')}</tr></table></td></tr><tr><td><table width="100%"><tr><td align="center" class="bt"><strong>${f.title}</strong></td></tr><tr><td align="center">【发布单位】${dash(f.issuer)}　【发布时间】${dash(f.date)}　【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr><tr><td class="content">${c}</td></tr><tr><td align="right"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></td></tr></table></td></tr><tr><td>${footer}</td></tr></table></body></html>`,
  /** Metadata as a definition list beside the text; the document followed by its interpretation (政策解读) and a QR code caption. */
  interpreted: (c, f) =>
    `<html><head><title>${f.title}</title><meta name="description" content="${f.title}"></head><body><nav>${menu(12, 'm')}</nav><main><div class="bread"><a href="/">首页</a> / <a href="/zc">政策</a> / <span>正文</span></div><aside>${metadataList(f)}</aside><article><div class="wenzhang">${c}</div></article><section class="jd"><h3>政策解读</h3><ul><li><a href="/jd/1.html">一图读懂《${f.title.slice(0, 16)}》</a></li><li><a href="/jd/2.html">《${f.title.slice(0, 16)}》政策问答</a></li></ul></section><div class="qr">扫一扫在手机打开当前页</div></main>${footer}</body></html>`,
  /** The metadata table inside the content block, before the text (as a CMS's editor stores it); a long legal notice in the footer. */
  inlineMeta: (c, f) =>
    `<html><head><title>${f.title}</title></head><body><div class="crumb"><a href="/">首页</a>&gt;<a href="/xxgk">信息公开</a>&gt;<a href="/xxgk/fdzdgknr">法定主动公开内容</a></div><div class="content">${metadataTable(f)}${c}</div><div class="notice"><p>本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网站版权所有，未经协议授权，禁止下载使用。如需转载，请注明出处。</p><p>建议使用1920×1080分辨率，使用IE10及以上版本浏览器浏览本网站。</p></div>${footer}</body></html>`,
  /** A news-style headline (a news verb, the site's words) over the document; a sidebar of recent news with dates; an attachment list. */
  news: (c, f) =>
    `<html><head><title>市政府印发重要文件_要闻动态_某某市人民政府</title></head><body><div class="head">${menu(8, 'h')}</div><div class="wrap"><div class="side"><h4>热点新闻</h4><ul>${['市领导调研重点项目建设情况，要求加快推进，确保按期完成。', '全市安全生产工作会议召开，部署下一阶段重点工作。', '我市举办2024年招商引资推介会，签约项目32个。'].map((t, i) => `<li><a href="/n/${i}.html">${t}</a><em>2024-05-0${i + 1}</em></li>`).join('')}</ul></div><div class="art"><h1>市政府印发重要文件</h1><p class="src">来源：某某日报　时间：${dash(f.date)}　作者：记者 王某</p><div class="txt">${c}</div><p class="fj">附件下载：<a href="/f/1.pdf">1.重点任务分工表.pdf</a></p><p>【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</p></div></div>${footer}</body></html>`,
};

/** The page of `template` around the content fragment `content`. */
export function wrap(template: keyof typeof TEMPLATES, content: string, facts: Facts): Buffer {
  return Buffer.from(TEMPLATES[template]!(content, facts), 'utf8');
}
