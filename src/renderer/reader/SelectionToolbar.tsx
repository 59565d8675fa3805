/**
 * The floating "Tag selection" toolbar: one button per tag, showing the tag's
 * key as a hint. It never takes the selection away from the text: mousedown
 * is cancelled, so clicking a button leaves the text selected and focused.
 * From the keyboard it is one Tab stop; arrow keys move between buttons, a
 * tag's key applies it here too, and Escape goes back to the text.
 */
import { useState, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import type { Tag } from '../../shared/model/model';
import { tagTint } from '../components/tagTint';

export interface SelectionToolbarProps {
  tags: readonly Tag[];
  style: CSSProperties;
  busy: boolean;
  onTag: (tagId: string) => void;
  onEscape: () => void;
  ref?: Ref<HTMLDivElement>;
}

export function SelectionToolbar({ tags, style, busy, onTag, onEscape, ref }: SelectionToolbarProps) {
  const [current, setCurrent] = useState(0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (at + 1) % buttons.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (at - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (/^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const tag = tags.find((t) => t.key === Number(event.key));
      if (tag) {
        event.preventDefault();
        onTag(tag.id);
      }
      return;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
      return;
    }
    if (next >= 0) {
      event.preventDefault();
      setCurrent(next);
      buttons[next]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Tag selection"
      aria-busy={busy || undefined}
      className="sel-toolbar"
      style={style}
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {tags.map((tag, i) => (
        <button
          key={tag.id}
          type="button"
          className="sel-toolbar__btn"
          style={{ '--tri-tag': tag.color, '--tri-tint': tagTint(tag.color, 0.22) } as CSSProperties}
          tabIndex={i === Math.min(current, tags.length - 1) ? 0 : -1}
          aria-keyshortcuts={tag.key ? String(tag.key) : undefined}
          title={tag.key ? `Tag as ${tag.name} (key ${tag.key})` : `Tag as ${tag.name}`}
          onClick={() => onTag(tag.id)}
        >
          <span className="sel-toolbar__dot" aria-hidden="true" />
          {tag.name}
          {tag.key ? (
            <kbd className="sel-toolbar__key" aria-hidden="true">
              {tag.key}
            </kbd>
          ) : null}
        </button>
      ))}
    </div>
  );
}
