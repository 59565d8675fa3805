/**
 * Moving between suggestions from the keyboard (`n` next, `p` previous) and
 * what to show after one is decided. Suggestions are taken in text order.
 */
import type { Suggestion } from '../../../shared/crossArticle/crossArticle';

type Placed = Pick<Suggestion, 'id' | 'start' | 'end'>;

/**
 * The suggestion to select next. From a selected one: the one after (or
 * before) it in text order, wrapping around at either end. With none
 * selected: the first one starting at or after the caret (or the last one
 * starting before it), wrapping around too. Null when there are none.
 */
export function adjacentSuggestion(
  sorted: readonly Placed[],
  currentId: string | null,
  caret: number,
  direction: 'next' | 'previous',
): string | null {
  if (sorted.length === 0) return null;
  const at = currentId === null ? -1 : sorted.findIndex((s) => s.id === currentId);
  if (at >= 0) {
    const step = direction === 'next' ? 1 : -1;
    return sorted[(at + step + sorted.length) % sorted.length]!.id;
  }
  if (direction === 'next') return (sorted.find((s) => s.start >= caret) ?? sorted[0]!).id;
  const before = sorted.filter((s) => s.start < caret);
  return (before[before.length - 1] ?? sorted[sorted.length - 1]!).id;
}

/**
 * After the selected suggestion was accepted or rejected (possibly with
 * others), the one to select: the next still pending one in text order, else
 * the last pending one before it, else none.
 */
export function suggestionAfterDecision(
  sorted: readonly Placed[],
  decidedIds: readonly string[],
  currentId: string,
): string | null {
  const decided = new Set(decidedIds);
  const at = sorted.findIndex((s) => s.id === currentId);
  if (at < 0) return sorted.find((s) => !decided.has(s.id))?.id ?? null;
  const after = sorted.slice(at + 1).find((s) => !decided.has(s.id));
  if (after) return after.id;
  const before = sorted.slice(0, at).filter((s) => !decided.has(s.id));
  return before[before.length - 1]?.id ?? null;
}
