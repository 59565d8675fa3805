/**
 * Lays out pending suggestions as decorations, drawn apart from annotations:
 * no fill, a dashed outline in the tag colour (class `tri-sg tri-sg--<tag>`),
 * and `data-suggestion-id` so a click can find it. The tag id goes in
 * `data-suggestion-tag`, never `data-tag`, which stays the annotations' own.
 * Pure: the layer plugin turns specs into decorations.
 */
import type { Suggestion } from '../../../shared/crossArticle/crossArticle';
import type { Tag } from '../../../shared/model/model';
import { offsetToPos, type TextBlock } from '../../../shared/anchoring/textBlocks';
import type { LayerSpec } from '../markLayer';
import { tagLookup } from '../../data/tagLookup';

/** A tag id made safe for a class name. */
export function suggestionClass(tagId: string): string {
  return `tri-sg--${tagId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function suggestionDecorations(
  suggestions: readonly Pick<Suggestion, 'id' | 'tagId' | 'start' | 'end'>[],
  codebook: readonly Tag[],
  blocks: readonly TextBlock[],
): LayerSpec[] {
  const specs: LayerSpec[] = [];
  for (const s of suggestions) {
    if (s.start >= s.end) continue;
    const from = offsetToPos(blocks, s.start);
    const to = offsetToPos(blocks, s.end);
    if (from >= to) continue;
    const tag = tagLookup(codebook, s.tagId);
    specs.push({
      key: s.id,
      from,
      to,
      attrs: {
        nodeName: 'span',
        class: `tri-sg ${suggestionClass(s.tagId)}`,
        style: `--tri-tag: ${tag.color}`,
        'data-suggestion-id': s.id,
        'data-suggestion-tag': s.tagId,
      },
    });
  }
  return specs;
}
