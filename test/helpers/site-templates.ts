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

/** A date the site published the page on, days after the document's own date (ISO in, ISO out). */
function publishedOn(date: string | null, days: number): string {
  if (!date) return '2024-05-06';
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** 2019-01-22 as 2019年01月22日. */
const hanDate = (date: string | null) => (date ? date.replace(/^(\d{4})-(\d{2})-(\d{2})$/u, '$1年$2月$3日') : '');
const siteFooter =
  '<div class="foot"><p><a href="/wzdt">网站地图</a> | <a href="/lxwm">联系我们</a> | <a href="/sybz">使用帮助</a> | <a href="/yszc">隐私声明</a></p><p>主办单位：某某省人民政府办公厅　承办单位：某某省大数据发展管理局　技术支持：某某信息技术有限公司</p><p><a href="https://beian.miit.gov.cn">浙ICP备05012345号-1</a>　<img src="/ga.png" alt="">浙公网安备 33010602001234号　网站标识码：3300000001</p></div>';

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
  /**
   * 政府信息公开 metadata as a list of label/value spans above a headline with no breadcrumb; its 发布日期 days after the
   * document's date; a 【字体：大 中 小】 【打印】 【关闭】 row and a QR caption below the text; a footer of site links.
   */
  xxgkList: (c, f) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${f.title}</title></head><body><div class="header"><div class="logo">某某省人民政府</div><ul class="nav">${menu(8, 'nav')}</ul></div><div class="container"><div class="xxgk-info"><ul><li><span class="lab">索引号：</span><span>000014349/2024-00031</span></li><li><span class="lab">信息分类：</span><span>综合政务\\通知</span></li><li><span class="lab">发文机关：</span><span>${dash(f.issuer)}</span></li><li><span class="lab">成文日期：</span><span>${dash(f.date)}</span></li><li><span class="lab">标题：</span><span>${f.title}</span></li><li><span class="lab">发文字号：</span><span>${dash(f.documentNumber)}</span></li><li><span class="lab">发布日期：</span><span>${publishedOn(f.date, 6)}</span></li><li><span class="lab">有效性：</span><span>有效</span></li></ul></div><div class="article"><div class="article-title">${f.title}</div><div class="article-con">${c}</div><div class="bottom-tools">【字体：<a href="javascript:void(0)" onclick="zoom(18)">大</a> <a href="javascript:void(0)" onclick="zoom(16)">中</a> <a href="javascript:void(0)" onclick="zoom(14)">小</a>】 【<a href="javascript:window.print()">打印</a>】 【<a href="javascript:window.close()">关闭</a>】</div><div class="qrcode"><img src="/qr.png" alt=""><p>扫一扫在手机上查看当前页面</p></div></div></div>${siteFooter}</body></html>`,
  /**
   * The document in <div id="zoom"> under an <h1> that repeats its title, which a two-column th/td metadata table
   * also gives (标题：); the table's 发布日期 and the info line's 发布时间 are days after the 成文日期; <title> with the portal's name.
   */
  zoom: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title} - 某某市人民政府门户网站</title></head><body><div class="top"><span>欢迎访问某某市人民政府门户网站</span><a href="/">无障碍</a><a href="/">长者模式</a></div><ul class="nav">${menu(8, 'nav')}</ul><div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zfwj">市政府文件</a></div><div class="content"><h1>${f.title}</h1><div class="info">发布时间：${publishedOn(f.date, 3)} 16:20　信息来源：某某市人民政府办公室　访问量：<span id="hits">2568</span></div><table class="xxgk-table"><tbody><tr><th>索引号</th><td>11330100002489785G/2024-04567</td></tr><tr><th>标题</th><td>${f.title}</td></tr><tr><th>发文机关</th><td>${dash(f.issuer)}</td></tr><tr><th>发文字号</th><td>${dash(f.documentNumber)}</td></tr><tr><th>成文日期</th><td>${hanDate(f.date)}</td></tr><tr><th>发布日期</th><td>${hanDate(publishedOn(f.date, 3))}</td></tr><tr><th>主题分类</th><td>综合政务</td></tr></tbody></table><div id="zoom">${c}</div><div class="tools"><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a><a href="javascript:addFavorite()">收藏</a></div></div>${siteFooter}</body></html>`,
  /**
   * A mobile-first page: the headline, a 来源 / 发布时间 / 浏览量 line, share icons as text (微信 微博 QQ), the text,
   * 上一篇/下一篇, a 相关推荐 list with dates, a bottom bar of links.
   */
  mobile: (c, f) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${f.title}</title></head><body><header class="m-head"><a href="/m/">某某市人民政府</a><span class="search">搜索</span></header><div class="m-article"><h2 class="m-title">${f.title}</h2><div class="m-meta"><span>来源：某某市人民政府办公室</span>  <span>发布时间：${publishedOn(f.date, 4)} 09:00</span>  <span>浏览量：1234</span></div><div class="m-share"><span class="wx">微信</span><span class="wb">微博</span><span class="qq">QQ</span></div><div class="m-con">${c}</div><div class="m-pn"><p>上一篇：<a href="/m/1.html">关于做好2024年春季农业生产工作的通知</a></p><p>下一篇：<a href="/m/2.html">关于印发某某市优化营商环境行动方案的通知</a></p></div><div class="m-rel"><h3>相关推荐</h3><ul>${['市政府召开常务会议研究部署近期重点工作', '关于公布2024年度市级重点建设项目的通知', '我市出台措施支持中小微企业发展'].map((t, i) => `<li><a href="/m/r${i}.html">${t}</a><span>2024-04-2${i}</span></li>`).join('')}</ul></div></div><footer class="m-foot"><a href="/m/">首页</a><a href="/m/zwgk">政务公开</a><a href="/m/bs">办事服务</a><a href="/m/hd">互动交流</a><p>某某市人民政府办公室主办</p></footer></body></html>`,
  /**
   * An older frame-like page: everything in tables, <font> tags and &nbsp; runs, a 当前位置 row, the headline in a
   * coloured <font>, a 发布时间 / 阅读次数 / 【关闭窗口】 row, the text, 【关闭窗口】 again and a copyright row with the ICP number.
   */
  oldTable: (c, f) =>
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>某某县人民政府网</title></head><body bgcolor="#FFFFFF" leftmargin="0" topmargin="0"><table width="778" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/top.jpg" width="778" height="120"></td></tr><tr><td bgcolor="#0066CC" height="28">&nbsp;&nbsp;<a href="/"><font color="#FFFFFF">首页</font></a>&nbsp;|&nbsp;<a href="/zwgk"><font color="#FFFFFF">政务公开</font></a>&nbsp;|&nbsp;<a href="/tzgg"><font color="#FFFFFF">通知公告</font></a>&nbsp;|&nbsp;<a href="/bsfw"><font color="#FFFFFF">办事服务</font></a></td></tr><tr><td height="25"><font color="#FF0000">当前位置</font>：<a href="/">首页</a>→<a href="/zwgk">政务公开</a>→<a href="/zwgk/wj">文件</a></td></tr><tr><td><table width="96%" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td height="50" align="center"><font size="5" color="#CC0000"><b>${f.title}</b></font></td></tr><tr><td align="center" height="30"><font color="#999999">发布时间：${publishedOn(f.date, 2)}&nbsp;&nbsp;&nbsp;&nbsp;阅读次数：368&nbsp;&nbsp;&nbsp;&nbsp;【<a href="javascript:window.close()">关闭窗口</a>】</font></td></tr><tr><td height="1" bgcolor="#CCCCCC"></td></tr><tr><td><font size="3">${c}</font></td></tr><tr><td align="right">&nbsp;【<a href="javascript:window.close()">关闭窗口</a>】&nbsp;&nbsp;</td></tr></table></td></tr><tr><td align="center" bgcolor="#EEEEEE"><font size="2">Copyright&copy; 2008 某某县人民政府 版权所有&nbsp;&nbsp;蜀ICP备05001234号&nbsp;&nbsp;建议使用IE6.0以上浏览器 1024*768分辨率浏览<br>地址：某某县城关镇人民路8号&nbsp;&nbsp;电话：0838-1234567</font></td></tr></table></body></html>`,
  /**
   * The headline in a <div class="article-title"> with the 发文字号 on a line under it, <title> "X - Y市人民政府门户网站";
   * after the text a site's attachment list (附件：1.….doc 2.….xlsx as links) and a 政策解读 link.
   */
  attachments: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title} - 某某市人民政府门户网站</title></head><body><div class="top">${menu(8, 'nav')}</div><div class="crumbs">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; <a href="/zwgk/zcwj">政策文件</a></div><div class="article"><div class="article-title">${f.title}</div>${f.documentNumber ? `<div class="article-sub">${f.documentNumber}</div>` : ''}<div class="article-info">发布日期：${publishedOn(f.date, 5)}　来源：市政府办公室　【<a href="javascript:window.print()">打印</a>】</div><div class="article-content">${c}</div><div class="article-attach"><p>附件：</p><p><a href="/uploads/2024/fj1.doc">1.重点任务分工表.doc</a></p><p><a href="/uploads/2024/fj2.xlsx">2.项目汇总表.xlsx</a></p></div><div class="article-jd">政策解读：<a href="/jd/123.html">《${f.title.slice(0, 14)}》政策解读</a></div></div>${siteFooter}</body></html>`,
  /**
   * 政府信息公开 metadata printed below the text, inside the content block as the CMS's editor stores it: a four-column
   * table (成文日期 | value | 发布日期 | value …), its dates zero-padded; a 【打印】【关闭】 row.
   */
  metaAfter: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}_某某市人民政府</title></head><body><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zcwj">政策文件</a></div><div class="article"><h1>${f.title}</h1><div id="zoom">${c}<table class="xxgk-bottom"><tr><td>成文日期：</td><td>${hanDate(f.date)}</td><td>发布日期：</td><td>${hanDate(publishedOn(f.date, 4))}</td></tr><tr><td>发文机关：</td><td>${dash(f.issuer)}</td><td>发文字号：</td><td>${dash(f.documentNumber)}</td></tr><tr><td>索引号：</td><td>000014349/2024-00031</td><td>有效性：</td><td>有效</td></tr></table></div><p class="tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</p></div>${siteFooter}</body></html>`,
  /** The same metadata after the content block, one label and its value a row (th/td), the 成文日期 first. */
  metaBelow: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title} - 某某市人民政府门户网站</title></head><body><ul class="nav">${menu(8, 'nav')}</ul><div class="article"><div class="article-title">${f.title}</div><div class="article-content">${c}</div><table class="xxgk"><tr><th>成文日期</th><td>${hanDate(f.date)}</td></tr><tr><th>发布日期</th><td>${hanDate(publishedOn(f.date, 2))}</td></tr><tr><th>发文机关</th><td>${dash(f.issuer)}</td></tr><tr><th>发文字号</th><td>${dash(f.documentNumber)}</td></tr><tr><th>主题分类</th><td>综合政务</td></tr></table></div>${siteFooter}</body></html>`,
  /**
   * Furniture inside the content block as CMSs store it: a 【字体：大 中 小】 row above the text; 责任编辑, a 【我要纠错】【打印】【关闭】
   * row and a QR caption below it; the headline above the block in a plain <div>, <title> the title alone.
   */
  inBlockTools: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}</title></head><body><div class="top">${menu(8, 'nav')}</div><div class="main"><div class="tt">${f.title}</div><div class="time">发布时间：${publishedOn(f.date, 1)}　来源：某某市人民政府办公室</div><div class="con"><p class="zh">【字体：<a href="javascript:z(18)">大</a> <a href="javascript:z(16)">中</a> <a href="javascript:z(14)">小</a>】</p>${c}<p>（责任编辑：李某某）</p><p>【<a href="javascript:jc()">我要纠错</a>】【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</p><p>扫一扫在手机上查看当前页面</p></div></div>${siteFooter}</body></html>`,
  /**
   * A county site's page: <title> only the site's name, the headline an <h1> broken by <br> where the line was too long
   * for the column (after its twelfth character), a 来源 / 发布时间 row, the text, a 【关闭窗口】 link.
   */
  brokenHeadline: (c, f) =>
    `<html><head><meta charset="utf-8"><title>某某县人民政府网</title></head><body><div class="nav">${menu(8, 'nav')}</div><div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></div><div class="article"><h1>${f.title.slice(0, 12)}<br>${f.title.slice(12)}</h1><p class="info">来源：县政府办公室　发布时间：${publishedOn(f.date, 2)}</p><div class="con">${c}</div><p class="close"><a href="javascript:window.close()">【关闭窗口】</a></p></div>${siteFooter}</body></html>`,
  /**
   * Text the page hides inside the content block: a WeChat share card's title and summary (display:none) above the text,
   * for the share script to read; a hidden print header; a visible 分享 row below.
   */
  hiddenShare: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}_某某市人民政府</title></head><body><div class="top">${menu(8, 'nav')}</div><div class="article"><h1>${f.title}</h1><div class="article-con"><div id="wx-share" style="display:none"><img src="/images/share.png"><p>${f.title}</p><p>${dash(f.documentNumber)}。为深入贯彻落实党中央、国务院决策部署，现将有关事项通知如下，请认真贯彻执行。</p></div><div class="print-head" hidden>${dash(f.issuer)}　${f.title}　打印日期：${publishedOn(f.date, 9)}</div>${c}</div><div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ</a></div></div>${siteFooter}</body></html>`,
  /**
   * A 政府信息公开 record page with no headline: a table of label and value cells (标题, 发文字号 …) and the text
   * under a 正文： label in the block, as an information-disclosure catalogue prints a record.
   */
  contentLabel: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}</title></head><body><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开目录</a></div><table class="record"><tr><td>索引号：</td><td>000014349/2024-00031</td></tr><tr><td>标题：</td><td>${f.title}</td></tr><tr><td>发文字号：</td><td>${dash(f.documentNumber)}</td></tr><tr><td>发布机构：</td><td>${dash(f.issuer)}</td></tr><tr><td>公开日期：</td><td>${publishedOn(f.date, 7)}</td></tr></table><div class="zw"><p class="label">正文：</p>${c}</div>${siteFooter}</body></html>`,
  /**
   * A 附件下载 row at the top of the content block offering the document as a PDF (named by its title), over the text;
   * a 分享 row and a 【返回顶部】 link below.
   */
  downloadTop: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}_某某市人民政府</title></head><body><ul class="nav">${menu(8, 'nav')}</ul><div class="article"><h2>${f.title}</h2><p class="info">发布日期：${publishedOn(f.date, 3)}　来源：市政府办公室</p><div class="con"><p class="down">附件下载：<a href="/uploads/${f.date ?? 'x'}.pdf">${f.title}.pdf</a></p>${c}</div><div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div><p><a href="#top">【返回顶部】</a></p></div>${siteFooter}</body></html>`,
  /**
   * An old table layout printing the headline and, under it, the 发文字号 in centred cells of their own above the
   * cell that holds the text (whose head prints both again).
   */
  numberCell: (c, f) =>
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${f.title}</title></head><body><table width="900" align="center"><tr><td>${menu(6, 'top').replace(/<\/?li>/g, ' ')}</td></tr><tr><td align="center" class="title"><font size="5"><b>${f.title}</b></font></td></tr>${f.documentNumber ? `<tr><td align="center">${f.documentNumber}</td></tr>` : ''}<tr><td>${c}</td></tr><tr><td align="center">版权所有：某某市人民政府办公室　<a href="https://beian.miit.gov.cn">皖ICP备05001234号</a></td></tr></table></body></html>`,
  /** The site's publication date alone under the text, right-aligned, days after the document's own date (no label). */
  dateBelow: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}_某某区人民政府</title></head><body><ul class="nav">${menu(8, 'nav')}</ul><div class="article"><h1>${f.title}</h1><div class="con">${c}</div><div class="pubdate" align="right">${publishedOn(f.date, 3).replace(/^(\d{4})-0?(\d+)-0?(\d+)$/u, '$1年$2月$3日')}</div><p><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></p></div>${siteFooter}</body></html>`,
  /**
   * Controls a script binds by class, so they are plain text (no link, no onclick): a 来源 / 字号：大 中 小 row at the top
   * of the content block (the 发布时间 above it) and a 【打印】【关闭】 row at its end.
   */
  plainControls: (c, f) =>
    `<html><head><meta charset="utf-8"><title>${f.title}</title></head><body><div class="top">${menu(8, 'nav')}</div><div class="article"><h1>${f.title}</h1><p class="time">发布时间：${publishedOn(f.date, 2)}</p><div class="con"><p class="info">来源：某某市人民政府办公室　字号：<span class="fz-l">大</span> <span class="fz-m">中</span> <span class="fz-s">小</span></p>${c}<p class="ops">【<span class="print">打印</span>】【<span class="close">关闭</span>】</p></div></div>${siteFooter}</body></html>`,
};

/** The page of `template` around the content fragment `content`. */
export function wrap(template: keyof typeof TEMPLATES, content: string, facts: Facts): Buffer {
  return Buffer.from(TEMPLATES[template]!(content, facts), 'utf8');
}
