/**
 * Every keyboard shortcut, in one table: the key handlers match events with
 * `matchesShortcut`, and the shortcuts sheet (`?`) lists the same rows, so
 * the sheet cannot drift from what the keys do. `mod` is Ctrl, or ⌘ on a Mac.
 */

export type ShortcutId =
  | 'undo'
  | 'redo'
  | 'redoAlt'
  | 'search'
  | 'searchSlash'
  | 'importArticles'
  | 'shortcuts'
  | 'toggleSide'
  | 'nextAnnotation'
  | 'previousAnnotation'
  | 'nextHit'
  | 'previousHit'
  | 'tagByKey'
  | 'openAtCaret'
  | 'escape'
  | 'nextSuggestion'
  | 'previousSuggestion'
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'extendEnd'
  | 'shrinkEnd'
  | 'extendStart'
  | 'shrinkStart'
  | 'adjudicateTake'
  | 'adjudicateEdit'
  | 'adjudicateReject'
  | 'adjudicateUndo'
  | 'adjudicateNext'
  | 'adjudicatePrevious';

export type ShortcutArea = 'Everywhere' | 'Reading' | 'Selecting and tagging' | 'Suggestions' | 'Adjudicating';

export interface Shortcut {
  id: ShortcutId;
  area: ShortcutArea;
  /** How the sheet writes the keys. */
  keys: string;
  what: string;
  /** Whether an event is this shortcut; absent for keys the browser or another component reads as they are (Tab). */
  match: (e: KeyInfo) => boolean;
}

/** The parts of a KeyboardEvent the table looks at. */
export type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const mod = (e: KeyInfo) => e.ctrlKey || e.metaKey;
const plain = (e: KeyInfo, key: string) => e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey;
const altShift = (e: KeyInfo, key: string) => e.key === key && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'undo', area: 'Everywhere', keys: 'Ctrl+Z (⌘Z)', what: 'Undo the last annotation change', match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' },
  { id: 'redo', area: 'Everywhere', keys: 'Ctrl+Shift+Z (⇧⌘Z)', what: 'Redo', match: (e) => mod(e) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' },
  { id: 'redoAlt', area: 'Everywhere', keys: 'Ctrl+Y', what: 'Redo', match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'y' },
  { id: 'search', area: 'Everywhere', keys: 'Ctrl+F (⌘F)', what: 'Search the whole corpus', match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f' },
  { id: 'importArticles', area: 'Everywhere', keys: 'Ctrl+O (⌘O)', what: 'Import articles (opens the library’s file chooser)', match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o' },
  { id: 'searchSlash', area: 'Everywhere', keys: '/', what: 'Search the whole corpus', match: (e) => plain(e, '/') },
  { id: 'shortcuts', area: 'Everywhere', keys: '?', what: 'Show this list of shortcuts', match: (e) => e.key === '?' && !mod(e) && !e.altKey },
  { id: 'toggleSide', area: 'Reading', keys: 'l', what: 'Hide or show the annotation list and panels', match: (e) => plain(e, 'l') },
  { id: 'nextAnnotation', area: 'Reading', keys: 'j or Alt+↓', what: 'Next annotation: show it and open its panel', match: (e) => plain(e, 'j') || (e.key === 'ArrowDown' && e.altKey && !e.shiftKey && !mod(e)) },
  { id: 'previousAnnotation', area: 'Reading', keys: 'k or Alt+↑', what: 'Previous annotation', match: (e) => plain(e, 'k') || (e.key === 'ArrowUp' && e.altKey && !e.shiftKey && !mod(e)) },
  { id: 'nextHit', area: 'Reading', keys: 'F3', what: 'Next search hit in the article', match: (e) => e.key === 'F3' && !e.shiftKey },
  { id: 'previousHit', area: 'Reading', keys: 'Shift+F3', what: 'Previous search hit', match: (e) => e.key === 'F3' && e.shiftKey },
  { id: 'escape', area: 'Reading', keys: 'Escape', what: 'Close the open panel, else drop the selection', match: (e) => e.key === 'Escape' },
  { id: 'openAtCaret', area: 'Reading', keys: 'Enter', what: 'Open the annotation (or suggestion) at the caret', match: (e) => plain(e, 'Enter') && !e.shiftKey },
  { id: 'tagByKey', area: 'Selecting and tagging', keys: '1–9', what: 'Tag the selection with the tag of that key (see the codebook)', match: (e) => /^[1-9]$/.test(e.key) && !mod(e) && !e.altKey },
  { id: 'extendEnd', area: 'Selecting and tagging', keys: 'Alt+Shift+→', what: 'Move the end of the selection one word right', match: (e) => altShift(e, 'ArrowRight') },
  { id: 'shrinkEnd', area: 'Selecting and tagging', keys: 'Alt+Shift+←', what: 'Move the end of the selection one word left', match: (e) => altShift(e, 'ArrowLeft') },
  { id: 'extendStart', area: 'Selecting and tagging', keys: 'Alt+Shift+↑', what: 'Move the start of the selection one word left', match: (e) => altShift(e, 'ArrowUp') },
  { id: 'shrinkStart', area: 'Selecting and tagging', keys: 'Alt+Shift+↓', what: 'Move the start of the selection one word right', match: (e) => altShift(e, 'ArrowDown') },
  { id: 'nextSuggestion', area: 'Suggestions', keys: 'n', what: 'Next suggestion', match: (e) => plain(e, 'n') },
  { id: 'previousSuggestion', area: 'Suggestions', keys: 'p', what: 'Previous suggestion', match: (e) => plain(e, 'p') },
  { id: 'acceptSuggestion', area: 'Suggestions', keys: 'a', what: 'Accept the selected suggestion', match: (e) => plain(e, 'a') },
  { id: 'rejectSuggestion', area: 'Suggestions', keys: 'r', what: 'Reject the selected suggestion', match: (e) => plain(e, 'r') },
  // Adjudication (agreement/AdjudicationView.tsx): keys of the disagreement that has the focus.
  { id: 'adjudicateTake', area: 'Adjudicating', keys: '1–9', what: 'Take that coder’s version (in the order shown) into the consensus', match: (e) => /^[1-9]$/.test(e.key) && !mod(e) && !e.altKey },
  { id: 'adjudicateEdit', area: 'Adjudicating', keys: 'e', what: 'Edit the first version (span, tag, attributes, note), then take it', match: (e) => plain(e, 'e') },
  { id: 'adjudicateReject', area: 'Adjudicating', keys: 'r', what: 'Reject all versions', match: (e) => plain(e, 'r') },
  { id: 'adjudicateUndo', area: 'Adjudicating', keys: 'u', what: 'Undo this disagreement’s take or rejection', match: (e) => plain(e, 'u') },
  { id: 'adjudicateNext', area: 'Adjudicating', keys: 'j or ↓', what: 'Next disagreement', match: (e) => plain(e, 'j') || plain(e, 'ArrowDown') },
  { id: 'adjudicatePrevious', area: 'Adjudicating', keys: 'k or ↑', what: 'Previous disagreement', match: (e) => plain(e, 'k') || plain(e, 'ArrowUp') },
];

const byId = new Map(SHORTCUTS.map((s) => [s.id, s]));

export function matchesShortcut(id: ShortcutId, e: KeyInfo): boolean {
  return byId.get(id)!.match(e);
}

/** The shortcut an event is, among `ids` (first match); null when none. */
export function shortcutFor(e: KeyInfo, ids: readonly ShortcutId[]): ShortcutId | null {
  return ids.find((id) => matchesShortcut(id, e)) ?? null;
}
