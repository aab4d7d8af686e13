/**
 * The verbs, adverbs and function words that open a clause before the name
 * it introduces: 重点培育人形机器人 → 人形机器人, 以共建西部科学城 → 西部科学城.
 * jieba's tags find prepositions, conjunctions and pronouns; verbs are
 * stripped only from a list of the ones policy texts put before a name,
 * because jieba tags many noun modifiers as verbs (免疫细胞治疗 starts with 免疫/v).
 */
import { segmenter } from '../jieba.js';

const LEADING_WORDS = new Set(
  (
    '培育 发展 攻关 突破 布局 推进 推动 开展 研发 研制 建设 打造 探索 聚焦 围绕 加强 支持 引进 发力 瞄准 开发 掌握 实现 提升 ' +
    '加快 加速 迭代 依托 发挥 建立 涵盖 捕捉 关注 共建 提前 率先 协同 密切 敏锐 逐步 重点 积极 大力 前瞻 着力 持续 进一步 力争 全面 ' +
    '近期 中远期 中长期 远期 短期 抢占 壮大 做强 做优 深耕 培养 构建 形成 谋划 争创 创建 设立 组建 依托于 面向 加快推进 大力发展 重点发展 ' +
    '推广 充分 运用 充分运用 利用 鼓励 引导 促进 完善 落实 加大 深化 优化 强化 规范 实施 充分发挥 充分利用 注重 拓展 延伸 应用 引领 带动 ' +
    '重视 包括 建成 新建 扩建 改建'
  ).split(' '),
);
export const FUNCTION_TAGS: ReadonlySet<string> = new Set(['p', 'c', 'r', 'u', 'uj', 'ul', 'ud', 'ug', 'uv', 'uz', 'd', 'ad']);

/** A verb or adverb policy texts put before a name. */
export function isLeadingWord(word: string): boolean {
  return LEADING_WORDS.has(word);
}

export function stripLeading(text: string): string {
  const tags = segmenter().tag(text);
  let k = 0;
  while (k < tags.length - 1 && (LEADING_WORDS.has(tags[k]!.word) || FUNCTION_TAGS.has(tags[k]!.tag))) k++;
  return tags.slice(k).map((t) => t.word).join('');
}
