/**
 * Whether a key press goes to something the user types into (a text field,
 * a select, an editable element): then single-key shortcuts stay off and
 * Ctrl+Z is the browser's own text undo. The article text is focusable but
 * read-only (aria-readonly), so it is not one.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  const editable = target.closest('[contenteditable]');
  return !!editable && editable.getAttribute('contenteditable') !== 'false' && editable.getAttribute('aria-readonly') !== 'true';
}
