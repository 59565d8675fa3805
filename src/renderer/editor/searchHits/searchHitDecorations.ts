/**
 * The search-hit layer's specs: one mark per hit (offsets over the canonical
 * text turned into editor positions), keyed by the hit's index so the
 * current one can be marked.
 */
import { offsetToPos, type TextBlock } from '../../../shared/anchoring/textBlocks';
import type { LayerSpec } from '../markLayer';

export function searchHitDecorations(hits: readonly { start: number; end: number }[], blocks: readonly TextBlock[]): LayerSpec[] {
  return hits.map((h, i) => ({
    key: String(i),
    from: offsetToPos(blocks, h.start),
    to: offsetToPos(blocks, h.end),
    attrs: { nodeName: 'span', class: 'tri-hit', 'data-search-hit': String(i) },
  }));
}
