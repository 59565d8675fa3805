/**
 * The article's annotations in text order, as buttons (tag chip + excerpt of
 * the quoted text). Picking one shows it in the text and opens its panel.
 */
import type { Annotation, Tag } from '../shared/model';
import { excerpt } from './excerpt';
import { TagChip } from './TagChip';
import { tagLookup } from './tagLookup';

export interface AnnotationListProps {
  annotations: readonly Annotation[];
  codebook: readonly Tag[];
  activeId: string | null;
  level: 2 | 3;
  /** Names the landmark: "Annotations" alone, or "Annotations: <context>"
   * where several lists share a page (side by side). */
  context?: string;
  onPick: (id: string) => void;
}

export function AnnotationList({ annotations, codebook, activeId, level, context, onPick }: AnnotationListProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const keys = codebook
    .filter((t) => t.key !== null)
    .map((t) => t.key)
    .join(', ');
  return (
    <aside className="annotation-list" aria-label={context ? `Annotations: ${context}` : 'Annotations'}>
      <Heading className="annotation-list__title">
        Annotations <span className="count">{annotations.length}</span>
      </Heading>
      {annotations.length === 0 ? (
        <p className="annotation-list__empty">
          None yet. Select a passage in the text, then pick a tag in the toolbar
          {keys ? ` or press ${keys}` : ''}.
        </p>
      ) : (
        <ol className="annotation-list__items">
          {annotations.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="annotation-item"
                aria-current={a.id === activeId ? 'true' : undefined}
                onClick={() => onPick(a.id)}
              >
                <TagChip tag={tagLookup(codebook, a.tagId)} />
                <span className="visually-hidden">: </span>
                <span className="annotation-item__text">{excerpt(a.exact, 140)}</span>
                {a.note ? (
                  <span className="annotation-item__note">
                    <span className="visually-hidden">Note: </span>
                    {excerpt(a.note, 80)}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
