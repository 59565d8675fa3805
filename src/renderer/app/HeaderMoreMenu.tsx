/**
 * The header's "More" menu: on a narrow window the screens that do not fit in
 * the header (Codebook, Search…) are listed here. A menu button in the ARIA
 * pattern: Enter, Space or ↓ opens it on the first item (↑ on the last), ↑ / ↓,
 * Home and End move between the items, Enter picks one (the focus back on the
 * button, where a dialog opened from the menu returns it), Escape closes it and
 * gives the focus back to the button; Tab or a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface HeaderMoreMenuItem {
  key: string;
  label: string;
  current: boolean;
}

export interface HeaderMoreMenuProps {
  items: readonly HeaderMoreMenuItem[];
  onPick: (key: string) => void;
}

export function HeaderMoreMenu({ items, onPick }: HeaderMoreMenuProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemButtons = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = itemButtons();
    (open === 'last' ? list[list.length - 1] : list[0])?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = itemButtons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (at + 1) % list.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + list.length) % list.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    list[next]?.focus();
  };

  const anyCurrent = items.some((item) => item.current);
  return (
    <div className="more-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="nav-button more-menu__button"
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? menuId : undefined}
        aria-current={anyCurrent ? 'page' : undefined}
        onClick={() => setOpen((was) => (was ? false : 'first'))}
        onKeyDown={onButtonKey}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul id={menuId} ref={menuRef} role="menu" aria-label="More screens" className="more-menu__list" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="more-menu__item"
                aria-current={item.current ? 'page' : undefined}
                onClick={() => {
                  // The focus goes back to "More" (a dialog opened from the menu returns it there when it closes).
                  close(true);
                  onPick(item.key);
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
