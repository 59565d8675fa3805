/**
 * Lays out one article's shared passages (its share of the alignment groups)
 * as decorations: class `tri-al` and `data-align-group="<group id>"`, a tint
 * and a left rule that the stylesheet keeps distinct from annotations. Pure.
 */
import { offsetToPos, type TextBlock } from '../../../shared/anchoring/textBlocks';
import type { ArticlePassage } from './passagesByArticle';
import type { LayerSpec } from '../markLayer';

export function alignmentDecorations(passages: readonly ArticlePassage[], blocks: readonly TextBlock[]): LayerSpec[] {
  const specs: LayerSpec[] = [];
  for (const p of passages) {
    if (p.start >= p.end) continue;
    const from = offsetToPos(blocks, p.start);
    const to = offsetToPos(blocks, p.end);
    if (from >= to) continue;
    specs.push({
      key: p.groupId,
      from,
      to,
      attrs: { nodeName: 'span', class: 'tri-al', 'data-align-group': p.groupId },
    });
  }
  return specs;
}
