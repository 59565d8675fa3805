/**
 * One tag in the Codebook screen: its colour, name, key, description,
 * attributes and how many annotations use it, with "Move up", "Move down",
 * "Edit" and "Delete". The move buttons carry data attributes so the screen
 * can put the focus back on them after the list is reordered.
 */
import type { CSSProperties } from 'react';
import type { Tag } from '../../shared/model/model';
import { TYPE_LABEL } from './AttributeEditor';
import { formatCount } from '../components/formatCount';

export interface TagRowProps {
  tag: Tag;
  first: boolean;
  last: boolean;
  /** Annotations with this tag, null while counting. */
  count: number | null;
  onMove: (direction: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}

export function TagRow({ tag, first, last, count, onMove, onEdit, onDelete }: TagRowProps) {
  return (
    <div className="tag-row" style={{ '--tri-tag': tag.color } as CSSProperties}>
      <span className="tag-row__swatch" aria-hidden="true" />
      <div className="tag-row__main">
        <h2 className="tag-row__name">
          {tag.name}
          {tag.key !== null ? (
            <kbd className="tag-row__key" title={`Key ${tag.key} tags a selection as ${tag.name}`}>
              <span className="visually-hidden">key </span>
              {tag.key}
            </kbd>
          ) : null}
        </h2>
        {tag.description ? <p className="tag-row__description">{tag.description}</p> : null}
        {tag.attributes.length > 0 ? (
          <ul className="tag-row__attributes" aria-label={`Attributes of ${tag.name}`}>
            {tag.attributes.map((a) => (
              <li key={a.id}>
                {a.name} <span className="muted">({a.type === 'choice' ? a.options.join(', ') : TYPE_LABEL[a.type].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted tag-row__attributes-none">No attributes</p>
        )}
        <p className="tag-row__count muted">
          {count === null ? 'Counting…' : formatCount(count, 'annotation')}
        </p>
      </div>
      <div className="tag-row__actions">
        <button
          type="button"
          className="secondary-button"
          data-move="up"
          data-tag={tag.id}
          disabled={first}
          aria-label={`Move ${tag.name} up`}
          onClick={() => onMove(-1)}
        >
          <span aria-hidden="true">↑</span> Up
        </button>
        <button
          type="button"
          className="secondary-button"
          data-move="down"
          data-tag={tag.id}
          disabled={last}
          aria-label={`Move ${tag.name} down`}
          onClick={() => onMove(1)}
        >
          <span aria-hidden="true">↓</span> Down
        </button>
        <button type="button" className="secondary-button" data-edit={tag.id} aria-label={`Edit ${tag.name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="danger-button" aria-label={`Delete ${tag.name}`} onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
