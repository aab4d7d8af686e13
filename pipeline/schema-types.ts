/* Generated from schemas/document.schema.json by `npm run schema:types`. Do not edit. */

/**
 * A day of the Gregorian calendar, YYYY-MM-DD (format date: 2024-02-31 is refused, not only by its shape).
 *
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "isoDate".
 */
export type IsoDate = string;

/**
 * One Chinese official document (公文) as gongwen emits it. Every human-readable text is a Text object in both scripts. Every span is a half-open range [start, end) of Unicode code points into text["zh-Hans"] unless the field says otherwise. Spans map to text["zh-Hant"] through textAlignment: when textAlignment.identity is true the same offsets apply; otherwise translate an offset through textAlignment.segments.
 */
export interface GongwenDocument {
  /**
   * Version of this schema the document conforms to (semver).
   */
  schemaVersion: "1.8.0";
  /**
   * The tool and options that produced this record, so a dataset can be regenerated.
   */
  generator: {
    name: "gongwen";
    version: string;
    /**
     * Options that change the output.
     */
    options: {
      /**
       * Traditional standard used for zh-Hant: t (OpenCC standard characters), tw, hk or twp.
       */
      variant: "t" | "tw" | "hk" | "twp";
    };
  };
  source: {
    /**
     * Path of the input file as given (relative to the working directory), or "-" for standard input.
     */
    file: string;
    /**
     * SHA-256 of the raw input bytes, lower-case hex.
     */
    sha256: string;
    /**
     * Size of the raw input in bytes.
     */
    bytes: number;
    /**
     * What the input is: text, markdown or html (parsed as such), or a file read by an extractor (source.extractor): pdf (its text layer, laid out into paragraphs; see layout), docx, doc, wps or xlsx (converted to HTML, which is then parsed as html input is). The format is sniffed from the bytes, not the file name.
     */
    format: "text" | "markdown" | "html" | "pdf" | "docx" | "doc" | "wps" | "xlsx";
    /**
     * For a file (pdf, docx, doc, wps, xlsx): the library that read its text — pdfjs-dist, mammoth, word-extractor or exceljs — and its version. What it read (for Word, DOC/WPS and XLSX the HTML built from it) is the raw text of the edit log. Null for text, Markdown and HTML input.
     */
    extractor: null | {
      name: string;
      version: string;
    };
    /**
     * For a PDF whose pages were read by OCR (a scan, or a text layer in fonts without a Unicode map): the engine, its version, the pages read and the mean confidence of the recognised lines (0..1). Null when no OCR ran.
     */
    ocr: null | {
      engine: string;
      version: string;
      pages: number;
      confidence: number;
    };
    /**
     * Character encoding the bytes were decoded with (WHATWG label, e.g. utf-8, utf-16le, gb18030, big5); binary for a file read by an extractor.
     */
    encoding: string;
    /**
     * 0..1: how sure the decoder is of the encoding (1 for a BOM, an explicit --encoding or valid UTF-8).
     */
    encodingConfidence: number;
    /**
     * Script of the cleaned source text.
     */
    script: "zh-Hans" | "zh-Hant" | "mixed";
    /**
     * 0..1: share of script-specific Han characters that agree with the reported script.
     */
    scriptConfidence: number;
  };
  /**
   * For a PDF: its pages and where each paragraph stands on them, as docling's prov; null for any other input. A paragraph that runs on across a page break has one block per page. Page furniture (page numbers, running heads and feet) has no block: it is removed from text as edits (cleaning.edits, kind page-furniture).
   */
  layout: null | {
    pages: {
      /**
       * 1-based page number.
       */
      number: number;
      /**
       * Page width in PDF points (1/72 inch).
       */
      width: number;
      /**
       * Page height in PDF points.
       */
      height: number;
    }[];
    blocks: {
      page: number;
      /**
       * [left, top, right, bottom] in PDF points from the page's top-left corner (y down, as a rendered page image), estimated from the glyphs' baselines and font size.
       *
       * @minItems 4
       * @maxItems 4
       */
      bbox: [number, number, number, number];
      span: Span;
    }[];
  };
  /**
   * What the site says about the document besides its text: the rows of its metadata block (政府信息公开 tables, the info row under a headline, `[label] value` runs, label：value cells; 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期, 有效性 …) and the <meta> tags that carry metadata (ArticleTitle, PubDate, ContentSource, Keywords, og:title), each label and value as printed (source script, spaces inside a label dropped), in page order, the tags last; null when there are none. The rows are removed from text (cleaning.edits, kind page-metadata or page-chrome). Document fields the text itself does not give (发文字号, 成文日期, issuer, title, status) are taken from them, read by field whatever the site's label.
   */
  pageMetadata:
    | null
    | [
        {
          label: string;
          value: string;
          /**
           * What the label stands for, whatever the site calls it: title (标题, 名称, 文件名称), documentNumber (发文字号, 文号, 字号), issuer (发文机关, 发布机构, 发文单位, 联合发文单位), date (成文日期, 印发日期), published (发布日期, 公开日期), effective (实施日期, 施行日期), expired (废止日期, 失效日期), status (有效性, 时效性, 效力状态), source (来源), other (索引号, 主题分类 …).
           */
          field:
            | "title"
            | "documentNumber"
            | "issuer"
            | "date"
            | "published"
            | "effective"
            | "expired"
            | "status"
            | "source"
            | "other";
        },
        ...{
          label: string;
          value: string;
          /**
           * What the label stands for, whatever the site calls it: title (标题, 名称, 文件名称), documentNumber (发文字号, 文号, 字号), issuer (发文机关, 发布机构, 发文单位, 联合发文单位), date (成文日期, 印发日期), published (发布日期, 公开日期), effective (实施日期, 施行日期), expired (废止日期, 失效日期), status (有效性, 时效性, 效力状态), source (来源), other (索引号, 主题分类 …).
           */
          field:
            | "title"
            | "documentNumber"
            | "issuer"
            | "date"
            | "published"
            | "effective"
            | "expired"
            | "status"
            | "source"
            | "other";
        }[]
      ];
  /**
   * Links to attached files (附件: .pdf, .doc, .docx, .wps, .xls, .xlsx, .ofd, .zip …) in the document's part of a page, in page order: the link's text and its href, absolute when the page says its own address (<base>, og:url, a canonical link), as written otherwise. Users fetch them next. Empty for inputs that are not pages.
   */
  attachmentLinks: {
    text: string;
    href: string;
  }[];
  /**
   * The news or web page wrapper around the document (site name, headline, source line, editorial lead), or null when the input is the bare document. It is removed from text; see cleaning.edits (kind publication-wrapper).
   */
  publication: null | {
    /**
     * Name of the website.
     */
    site: null | Text;
    /**
     * The page's own headline.
     */
    headline: null | Text;
    /**
     * The 来源 line: where the site took the text from.
     */
    source: null | Text;
    /**
     * Date the page was published (YYYY-MM-DD).
     */
    publishedAt: null | IsoDate;
    /**
     * The page's 阅读 (view) counter when it was scraped.
     */
    views: null | number;
    /**
     * Editorial paragraphs of the page before the full text (附全文).
     */
    lead: Text[];
    rawSpan: Span1;
  };
  /**
   * Metadata of the document (GB/T 9704 版头 and 版记 parts).
   */
  document: {
    title: Text1;
    /**
     * Where title came from: text (the document's own title line), pageMetadata (the site's 标题 row), headline (the page's headline: the news wrapper's headline, a title <meta> tag or the <title> without the site's name); null when there is no title.
     */
    titleSource: "text" | "pageMetadata" | "headline" | null;
    /**
     * Validity marked on the page, as printed (zh-Hans): a tag before the title (【已废止】 → 已废止), a status in brackets after it, or the metadata's 有效性, 时效性, 效力状态 (有效, 失效, 废止, 已修订 …); null when nothing says.
     */
    status: string | null;
    /**
     * Whether the text is an official document: a title ending in a 文种, a 发文字号, 主送机关 or a signature with its 成文日期, and no interpretation (解读, 答记者问 …). A news story, a list page or a 政策解读 page is false, with a segment:not-a-document diagnostic, and kind is null.
     */
    isDocument: boolean;
    /**
     * 发文字号, e.g. 成府发〔2024〕1号, normalised to 〔〕 brackets; a Taiwan 發文字號 as its source writes it (院臺經字第1130012345號), several of a joint 令 or 函 joined by 、; null when the document carries none.
     */
    documentNumber: string | null;
    /**
     * 发文机关署名: the issuing organ from the signature — a joint signature's organs in their order, the lead organ first, joined by 、 — else from the title (…关于…), else from the page's metadata.
     */
    issuer: null | Text;
    /**
     * 成文日期 (Taiwan: 發文日期) as YYYY-MM-DD, from Arabic (2024年1月3日) or Chinese (二〇二四年一月三日) numerals, or the ROC calendar (中華民國113年5月10日 = 2024-05-10: year + 1911). For a law without one, the date of the first event of its history (its adoption or promulgation).
     */
    date: null | IsoDate;
    /**
     * 主送机关 (Taiwan: 受文者, else 正本), one entry per addressee separated by ， or ；.
     */
    addressees: Text[];
    /**
     * 文种: the document type word that ends the title (意见, 通知, 办法, 条例, 方案, 决定, 规定, 规划, 批复, 通告, 公告, 报告, 函, 纪要, 细则, 措施, 指引, 标准), in zh-Hans; null when the title ends in none of them, and when isDocument is false.
     */
    kind: string | null;
    /**
     * Whose layout the document follows, read from its own text: cn (mainland: 第X条 articles whose paragraphs are 款 and （一） items 项; 发文字号 with 〔〕), tw (Taiwan: ROC dates 中華民國…年, 第 N 條 articles with Arabic numerals, articles whose paragraphs are 項, 一、 items 款 and （一） sub-items 目; 發文字號 …字第…號), hk (Hong Kong: ordinances in 部/分部 and sections 第1條 with (1) subsections, (a) paragraphs and (i) subparagraphs; the region's name, 可引稱為《…條例》, 除文意另有所指外, ordinances cited by chapter); null when nothing in the text tells.
     */
    jurisdiction: "cn" | "tw" | "hk" | null;
    /**
     * 主旨 of a Taiwan 函 or 公告 (the text after 主旨：); null for other documents.
     */
    subject: null | Text;
    /**
     * What a law or regulation says under its title about how it came to be, one entry per event in the order written: adopted (通过), approved (批准), promulgated (公布, 发布; Taiwan 訂定發布), revised (修正, 修订), in force (施行), from lines such as 2021年11月25日 上海市第十五届人民代表大会常务委员会第三十七次会议通过, 国务院令第N号公布, 最高人民法院审判委员会第N次会议通过, 中華民國九十四年六月二十九日…令訂定發布. document.date is the date of the first entry.
     */
    history: {
      date: IsoDate;
      /**
       * The organ as written (session number included), when the line names one.
       */
      organ: null | Text;
      /**
       * adopted, approved, promulgated, revised, amended (修正), effective (施行), abolished.
       */
      action: "adopted" | "approved" | "promulgated" | "revised" | "amended" | "effective" | "abolished";
      span: Span2;
    }[];
  };
  text: Text2;
  /**
   * How offsets into text["zh-Hans"] map to text["zh-Hant"]. Conversion is usually one character for one character (identity). Where it is not (phrase conversions such as 算法→演算法 in twp), segments list the aligned ranges that differ in length; offsets between segments shift by the accumulated difference.
   */
  textAlignment: {
    identity: boolean;
    segments: {
      hans: Span3;
      hant: Span3;
    }[];
  };
  /**
   * Every change the clean stage made. Applying each edit in reverse (replace the clean span of the cleaned text with before) rebuilds the decoded input exactly (for a file, the text its extractor read: source.extractor). The cleaned text is cleaning.text when it is not null, else text[cleaning.script].
   */
  cleaning: {
    /**
     * Which entry of text is the cleaned text in the source script: zh-Hant for a Traditional source, else zh-Hans (for a mixed-script source, zh-Hans is its conversion, and the cleaned text is cleaning.text).
     */
    script: "zh-Hans" | "zh-Hant";
    /**
     * The cleaned text before conversion when no entry of text holds it: a source of mixed script, converted both ways through zh-Hans. Null otherwise (the cleaned text is text[cleaning.script]).
     */
    text: string | null;
    /**
     * Length of the decoded input in code points.
     */
    rawLength: number;
    edits: {
      /**
       * Cleaning rule(s) that made the change, joined by + when adjacent rules touched the same place: line-break, markdown-syntax, html-markup, invisible-characters, radical-lookalikes, pinyin-annotation, corrupted-bytes, punctuation, full-width-fold, whitespace, long-line, page-metadata, page-chrome, publication-wrapper, site-furniture.
       */
      kind: string;
      raw: Span4;
      clean: Span5;
      before: string;
      after: string;
    }[];
  };
  /**
   * GB/T 9704 parts of the document (the cover, when it forwards another) in reading order, each with its span: copyNumber (份号), classification (密级, 保密期限, 紧急程度), issuerMark (发文机关标志: 国务院文件), title, documentNumber (also a decree's 令 and 第N号), addressees, body, signature (发文机关署名, or the person who signs a decree), date (成文日期), note (附注), attachmentList (附件说明), cc (抄送), printing (印发), attachment (the whole forwarded document, described in attachments).
   */
  parts: Part[];
  /**
   * Paragraphs of the body before its first heading (the opening that states purpose and basis).
   */
  preamble: Paragraph[];
  /**
   * The heading tree of the body.
   */
  sections: Section[];
  /**
   * Documents the cover forwards or promulgates (关于印发…方案的通知 + the plan, 转发…的通知 + the report, 国务院令 + the regulation), each with its own title, parts and heading tree. Ids of its sections, paragraphs, sentences and notes start with its id (att1.s2.1).
   */
  attachments: {
    /**
     * att1, att2 … in order.
     */
    id: string;
    span: Span3;
    title: null | Text;
    /**
     * 文种 from the attachment's title (方案, 办法, 条例, 报告 …).
     */
    kind: string | null;
    /**
     * The organ that signs the attachment, when it is signed.
     */
    issuer: null | Text;
    date: null | IsoDate;
    parts: Part[];
    preamble: Paragraph[];
    sections: Section[];
  }[];
  /**
   * Responsibility notes and the agencies they assign, lead (牵头) and support (配合), and by when. A note is a bracket or the trailing text of a paragraph made of parts in any order — labelled lists (牵头单位：A；配合单位：B, 责任单位：A，B), lists closed by a role word (A牵头，B、C参与; A、B负责), names with a marked role (A（牵头）、B), a deadline, remarks (适用范围：…) — or a row of a task table (重点任务分工表) under its header. README: Responsibility notes.
   */
  responsibilities: {
    /**
     * Stable id: the section id + .r + ordinal within the section.
     */
    id: string;
    /**
     * Id of the section the note closes, or null for a note outside every section.
     */
    sectionId: string | null;
    /**
     * Id of the sentence the note closes: the sentence it ends, or the one before it when the note stands alone after 。. null when the paragraph has no earlier sentence.
     */
    sentenceId: string | null;
    span: Span7;
    text: Text;
    /**
     * Entity ids of the lead agencies, in order of mention.
     */
    lead: string[];
    /**
     * Entity ids of the supporting agencies, in order of mention.
     */
    support: string[];
    /**
     * How lead and support were read. explicit: the note names them (牵头/配合, A（牵头）, a star where the document says starred names lead, or 责任单位：lead，support… where the document says the first comma separates them: 逗号前为牵头单位) or lists one agency; first-listed: a list of responsible agencies (…负责) in a document that declares 排在第一位的部门为牵头部门 (or 列第一位的为牵头单位 …); joint: such a list without that declaration, every agency in lead.
     */
    roles: "explicit" | "first-listed" | "joint";
    /**
     * By when the note says the task is due, or null when it says nothing. Since schema 1.4.0.
     */
    deadline: null | {
      span: Span8;
      text: Text;
      /**
       * ISO date where the deadline resolves, the last day it allows for by (9月底前 in a 2024 document: 2024-09-30; 2024年底前: 2024-12-31) and the first for from (2025年起: 2025-01-01); the document's year completes a deadline without one. Null when it does not resolve (ongoing, or no year known).
       */
      date: null | IsoDate;
      /**
       * by: due by the date (…前, …底, 年内完成, …完成); from: from the date on (…起); ongoing: no end (长期坚持, 持续推进, 常态化开展).
       */
      kind: "by" | "from" | "ongoing";
    };
    /**
     * The task the note assigns, or null when none is found. For a note in a paragraph: the text it closes, without the note (from the start of its paragraph — after a run-in heading's marker — or the end of the note before it); for a note on a line of its own, the paragraph before it (or the section's heading when it opens the section's body); for an item whose heading is the note (（四）责任单位：…), the heading of the section it belongs to; for a task table's row, its task cells (重点任务, 具体措施 …; without such a column, the cells that are neither agencies, deadline nor 序号), a cell merged from the row above standing where that row wrote it. Since schema 1.8.0.
     */
    task: null | {
      /**
       * Where the task's text stands: one span for a note in a paragraph, one per task cell for a table row.
       *
       * @minItems 1
       */
      spans: [Span3, ...Span3[]];
      text: Text3;
    };
  }[];
  /**
   * Named things found in the text, as stand-off annotations: one entry per distinct entity (agencies: per organ, whatever short form names it), with every mention.
   */
  entities: {
    /**
     * Stable id: type + ':' + the zh-Hans key — an agency's canonical name (agency:成都市发展和改革委员会), a target's year and clause (target:2025:…), else the name; identical for the same document in either script.
     */
    id: string;
    /**
     * agency, agencyGroup (各区县政府, 有关单位), technology, industry, place, programme (计划/行动/机制… in quotes), timeHorizon (近期, 未来3到5年, 到2025年), target (a quantity set for a year).
     */
    type: "agency" | "agencyGroup" | "technology" | "industry" | "place" | "programme" | "timeHorizon" | "target";
    name: Text4;
    /**
     * Every form written (zh-Hans), when there are several: 市发改委, 市发展改革委.
     */
    forms?: string[];
    /**
     * Agencies: the organ's full name (zh-Hans), when the written name is a short form: the prefix 市/省 resolved to the issuer's place, the short form expanded (市发改委 → 成都市发展和改革委员会; 发展改革委 → 国家发展和改革委员会).
     */
    canonical?: string;
    /**
     * Technologies and industries: technology, industry, field or material, from the lexicon or from the word that closes the enumeration it came from (…等核心技术, …等细分领域, …等材料).
     */
    category?: "technology" | "industry" | "field" | "material";
    /**
     * The year a time horizon or target names (到2025年).
     */
    year?: number;
    /**
     * A target's quantity: value and unit as written (亿元, 家, %, …).
     */
    quantity?: {
      value: number;
      unit: string;
    };
    /**
     * @minItems 1
     */
    mentions: [Span3, ...Span3[]];
  }[];
  /**
   * Everything the pipeline was unsure of or could not do. code is stage:rule.
   */
  diagnostics: {
    severity: "error" | "warning" | "info";
    code: string;
    message: string;
    /**
     * Span in text["zh-Hans"], or null when the problem has no place in the cleaned text (see byteSpan or rawSpan).
     */
    span: null | Span3;
    rawSpan?: Span9;
    byteSpan?: Span10;
  }[];
}
/**
 * The text of the block in text["zh-Hans"].
 */
export interface Span {
  start: number;
  end: number;
}
/**
 * A human-readable text in both scripts.
 *
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "text".
 */
export interface Text {
  "zh-Hans": string;
  "zh-Hant": string;
}
/**
 * Where the wrapper stood in the raw input (code points into the decoded input, before cleaning).
 */
export interface Span1 {
  start: number;
  end: number;
}
/**
 * A human-readable text in both scripts.
 */
export interface Text1 {
  "zh-Hans": string;
  "zh-Hant": string;
}
/**
 * The event's words in the text, date to action.
 */
export interface Span2 {
  start: number;
  end: number;
}
/**
 * A human-readable text in both scripts.
 */
export interface Text2 {
  "zh-Hans": string;
  "zh-Hant": string;
}
/**
 * Half-open range [start, end) of Unicode code points.
 *
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "span".
 */
export interface Span3 {
  start: number;
  end: number;
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span4 {
  start: number;
  end: number;
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span5 {
  start: number;
  end: number;
}
/**
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "part".
 */
export interface Part {
  type:
    | "copyNumber"
    | "classification"
    | "issuerMark"
    | "title"
    | "documentNumber"
    | "addressees"
    | "body"
    | "signature"
    | "date"
    | "note"
    | "attachmentList"
    | "cc"
    | "printing"
    | "attachment"
    | "attachmentLabel";
  span: Span3;
}
/**
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "paragraph".
 */
export interface Paragraph {
  /**
   * Section id + .p + ordinal (p1, p2 … for preamble paragraphs).
   */
  id: string;
  span: Span3;
  /**
   * Only in an article (条): where the paragraph stands in the article, named as the jurisdiction names it. Mainland (cn): kuan is the 款 (paragraph of the article, from 1) the paragraph is or belongs to; xiang is the 项 number when the paragraph is an item （一）（二）… of that 款, else null; 第十二条第二款第（三）项 = section a12, kuan 2, xiang 3. Taiwan (tw): xiang is the 項 (paragraph of the article, from 1); kuan the 款 number when the paragraph is an item 一、二、… of that 項, else null; mu the 目 number when it is a sub-item （一）（二）… of that 款, else null; 第十二條第二項第三款第一目 = section a12, xiang 2, kuan 3, mu 1. Deeper items (1. （1）) keep the numbers of the item above them. Hong Kong (hk), in a section (條) of an ordinance: subsection is the (1) (2A) … the paragraph is or belongs to, paragraph the letter of an (a) (ca) … paragraph, subparagraph the roman numeral of an (i) (ii) … subparagraph under it (each null where there is none); defines is the term, in zh-Hans as markers are, that a definition of an interpretation section (釋義) defines (“僱員” … 指 … → 雇员), kept by the lettered paragraphs of that definition; section 2(1)(a)(i) = section a2, subsection 1, paragraph a, subparagraph i.
   */
  article?:
    | {
        jurisdiction: "cn";
        kuan: number;
        xiang: number | null;
      }
    | {
        jurisdiction: "tw";
        xiang: number;
        kuan: number | null;
        mu: number | null;
      }
    | {
        jurisdiction: "hk";
        subsection: string | null;
        paragraph: string | null;
        subparagraph: string | null;
        defines: string | null;
      };
  sentences: Sentence[];
}
/**
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "sentence".
 */
export interface Sentence {
  /**
   * Paragraph id + .s + ordinal (s4.2.p1.s3).
   */
  id: string;
  span: Span3;
  text: Text;
  /**
   * Present when the sentence has two or more clauses ending in ； (outside brackets and quotes): the clauses in order, each with its ；.
   *
   * @minItems 2
   */
  clauses?: [
    {
      span: Span3;
      text: Text;
    },
    {
      span: Span3;
      text: Text;
    },
    ...{
      span: Span3;
      text: Text;
    }[]
  ];
}
/**
 * This interface was referenced by `GongwenDocument`'s JSON-Schema
 * via the `definition` "section".
 */
export interface Section {
  /**
   * Stable id from the section's path: s4.2 is 四、（二）; chapters c3, articles a12 (a12 stays a12 inside a chapter; an inserted article 第十二条之一 or 第 12-1 條 is a12-1).
   */
  id: string;
  /**
   * The kind of heading, always a string (one type, so a table of sections has one column type): "0" = 壹、贰、 (Taiwan's capital numerals, above 一、), "1" = 一、, "2" = （一）, "3" = 1. or 1、, "4" = （1）; 编/章/节/条 for regulations; 段 for a labelled part of a Taiwan 函 or 公告 (主旨, 说明, 办法, 依据, 公告事项: marker is the label, id d1, d2 …, its 一、 items are its children) or of a meeting's decisions (院长提示, 报告事项, 讨论事项); for a Hong Kong ordinance 部 (Part, id pt1, pt9A), 分部 (Division, pt1.dv2), 条 (section, a1, a43L, with its name as heading) and 附表 (Schedule, sch1).
   */
  level: "0" | "1" | "2" | "3" | "4" | "编" | "章" | "节" | "条" | "段" | "部" | "分部" | "附表";
  /**
   * Depth in the tree, 1 for a top-level section.
   */
  depth: number;
  /**
   * The numbering as written (normalised to full-width brackets, in zh-Hans, without the spaces of 第 1 條), e.g. 一、 or （三） or 第十二条, 第14-1条, 第十四条之一.
   */
  marker: string;
  /**
   * The numbering as an integer (三 → 3; 14 for 第 14-1 條).
   */
  number: number;
  /**
   * Only for an inserted article: its number after the article it follows (1 for 第十四条之一 and 第 14-1 條, whose id is a14-1).
   */
  sub?: number;
  /**
   * Heading text without the marker; for a heading run into its paragraph, the part up to the first 。. null for an article (条) without a heading; a Hong Kong section's name (第2條 釋義 → 釋義), and a Part's or Schedule's name printed on the line after its number (第1部 / 導言).
   */
  heading: null | Text;
  span: Span6;
  /**
   * Paragraphs of the section before its first child. A run-in heading's own line is a paragraph too.
   */
  paragraphs: Paragraph[];
  children: Section[];
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span6 {
  start: number;
  end: number;
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span7 {
  start: number;
  end: number;
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span8 {
  start: number;
  end: number;
}
/**
 * A human-readable text in both scripts.
 */
export interface Text3 {
  "zh-Hans": string;
  "zh-Hant": string;
}
/**
 * A human-readable text in both scripts.
 */
export interface Text4 {
  "zh-Hans": string;
  "zh-Hant": string;
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span9 {
  start: number;
  end: number;
}
/**
 * Half-open range [start, end) of Unicode code points.
 */
export interface Span10 {
  start: number;
  end: number;
}
