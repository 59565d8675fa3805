/**
 * A small pill in a tag's colour: a solid dot of the colour and dark text on
 * a light tint, so the text keeps AA contrast whatever the tag colour.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { Tag } from '../../shared/model/model';
import { tagTint } from './tagTint';

export function TagChip({ tag, children }: { tag: Tag; children?: ReactNode }) {
  const style = { '--tri-tag': tag.color, backgroundColor: tagTint(tag.color, 0.18) } as CSSProperties;
  return (
    <span className="tag-chip" style={style}>
      {children ?? tag.name}
    </span>
  );
}
