/**
 * The words a coverage cell shows beside the wording: its drift from the
 * row's reference in a few words ("Reference", "Same wording", "Fragment,
 * 3 words dropped", "Likely translated", "2 changed, 1 added") and its
 * credit ("Boris Bondarev · Reuters"; the linked Source when nothing else
 * is known). Null where the matrix did not say.
 */
import type { CoverageCell } from '../../shared/crossArticle/crossArticle';

const plural = (n: number, word: string) => `${n} ${word}`;

export function driftText(drift: CoverageCell['drift']): string | null {
  if (!drift) return null;
  if (drift.reference) return 'Reference';
  if (drift.translated) return 'Likely translated';
  if (drift.fragment) return `Fragment, ${plural(drift.dropped, drift.dropped === 1 ? 'word' : 'words')} dropped`;
  const parts = [
    drift.changed > 0 ? plural(drift.changed, 'changed') : '',
    drift.added > 0 ? plural(drift.added, 'added') : '',
    drift.dropped > 0 ? plural(drift.dropped, 'dropped') : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'Same wording' : parts.join(', ');
}

export function creditText(cell: Pick<CoverageCell, 'speaker' | 'channel' | 'creditedTo'>): string | null {
  const said = [cell.speaker, cell.channel].filter((s): s is string => !!s?.trim()).map((s) => s.trim());
  if (said.length === 2 && said[0]!.toLowerCase() === said[1]!.toLowerCase()) said.pop();
  if (said.length > 0) return said.join(' · ');
  return cell.creditedTo?.trim() || null;
}
