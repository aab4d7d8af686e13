/**
 * The labels government sites print in their metadata blocks (政府信息公开
 * tables, info rows under a headline, definition lists), grouped by what
 * they mean, in Simplified script (matched in either script). A value is read
 * by its label's field, whatever the site calls it.
 */
import { converters, eitherScript } from '../opencc.js';

const toHans = (s: string): string => converters('t').toHans(s);

export type MetadataField =
  | 'title'
  | 'documentNumber'
  | 'issuer'
  | 'date'
  | 'published'
  | 'effective'
  | 'expired'
  | 'status'
  | 'source'
  | 'other';

const LABELS: Record<MetadataField, readonly string[]> = {
  title: ['标题', '名称', '文件名称', '文件标题', '文章标题', '公文标题', '文件名'],
  documentNumber: ['发文字号', '文号', '发文号', '文件编号', '字号', '文件字号'],
  issuer: ['发文机关', '发布机构', '发文单位', '联合发文单位', '发布单位', '制发机关', '发文机构', '发布机关', '成文机关', '制发单位', '发文部门'],
  date: ['成文日期', '印发日期', '发文日期', '成文时间', '签发日期', '印发时间'],
  published: ['发布日期', '公开日期', '发布时间', '公布日期', '公开时间', '日期', '时间', '发表时间', '更新时间'],
  effective: ['实施日期', '施行日期', '生效日期', '生效时间', '实施时间', '施行时间'],
  expired: ['废止日期', '失效日期', '有效期至', '失效时间', '废止时间'],
  status: ['有效性', '时效性', '效力状态', '效力', '是否有效', '有效期', '时效', '状态', '有效状态'],
  source: ['来源', '信息来源', '文章来源', '稿源'],
  other: [
    '索引号', '主题分类', '组配分类', '体裁分类', '信息分类', '服务对象分类', '分类', '主题词', '关键词', '关键字', '公开方式', '公开范围',
    '公开时限', '作者', '浏览次数', '点击数', '点击量', '阅读次数', '阅读量', '访问量', '访问次数', '浏览量', '统一编号', '登记号', '统一登记号',
    '内容概述', '摘要', '所属机构', '发布人', '责任编辑', '编辑', '审核', '字体', '主题', '发布状态', '信息名称', '所属主题', '文种', '体裁',
  ],
};

/** Labels a metadata block above a document's text is recognised by (the narrower set: 来源, 日期 … also head a news lead). */
export const BLOCK_FIELDS: ReadonlySet<MetadataField> = new Set(['title', 'documentNumber', 'issuer', 'date', 'effective', 'expired', 'status']);
const BLOCK_ONLY_OTHERS = new Set(['索引号', '主题分类', '组配分类', '体裁分类', '主题词', '公开方式', '公开范围', '统一编号', '登记号', '发布日期']);

/** Meta tag names (lower case) that carry metadata, with their field. */
export const META_TAGS: Readonly<Record<string, MetadataField>> = {
  articletitle: 'title',
  'og:title': 'title',
  pubdate: 'published',
  'article:published_time': 'published',
  firstpublishedtime: 'published',
  contentsource: 'source',
  keywords: 'other',
  columnname: 'other',
};

const FIELD_OF = new Map<string, MetadataField>();
for (const [field, labels] of Object.entries(LABELS) as [MetadataField, readonly string[]][]) for (const l of labels) FIELD_OF.set(l, field);

/** What sites put before a label to say whose it is: 文件有效性, 信息来源, 政策文号. */
const OWNER = /^(?:文件|信息|文章|政策|公文|文档)/u;
/** The longest listed label after the longest owner word (UTF-16 units). */
const LONGEST_OWNED = Math.max(...[...FIELD_OF.keys()].map((l) => l.length)) + Math.max(...OWNER.source.slice(4, -1).split('|').map((o) => o.length));

/** More characters that are no space than any listed label after an owner word has (code points: never more than units). */
const LONGER_THAN_ANY_LABEL = new RegExp(`^(?:\\s*\\S){${2 * LONGEST_OWNED + 1}}`, 'u');
/** The longest meta tag name (UTF-16 units). */
const LONGEST_TAG = Math.max(...Object.keys(META_TAGS).map((k) => k.length));

/** The field a printed label (either script, spaces dropped) stands for, or null: as listed, or a listed label after an owner word (文件有效性 is 有效性). */
export function fieldOfLabel(label: string): MetadataField | null {
  // most of what this is asked about is a whole cell or line, longer than any label and any meta tag's name: no copy
  // of it without its spaces, no conversion, no lower case
  if (label.length > LONGEST_TAG && LONGER_THAN_ANY_LABEL.test(label)) return null;
  const compact = label.replace(/\s+/gu, '');
  // the conversion never makes a text shorter than half its length (at most a character outside the BMP becomes one
  // inside it: test), so a longer one — most cells and lines this is asked about — is no listed label, owned or not
  if (compact.length <= 2 * LONGEST_OWNED) {
    const hans = toHans(compact);
    const owned = OWNER.exec(hans);
    const bare = owned && hans.length - owned[0].length >= 2 ? FIELD_OF.get(hans.slice(owned[0].length)) : undefined;
    const field = FIELD_OF.get(hans) ?? bare;
    if (field !== undefined) return field;
  }
  return META_TAGS[label.toLowerCase()] ?? null;
}

/** Whether a label may start a metadata block inside the text (narrower than what page chrome may hold). */
export function isBlockLabel(label: string): boolean {
  const field = fieldOfLabel(label);
  return field !== null && (BLOCK_FIELDS.has(field) || BLOCK_ONLY_OTHERS.has(toHans(label.replace(/\s+/gu, ''))));
}

let labelSource: string | undefined;

/** A regular-expression source matching any label in either script, spaces allowed between its characters, longest first. */
export function labelPattern(): string {
  labelSource ??= [...FIELD_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((l) => [...l].map((ch) => eitherScript(ch)).join('[ \\t\\u3000]*'))
    .join('|');
  return labelSource;
}
