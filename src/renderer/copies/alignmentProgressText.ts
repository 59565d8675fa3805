/**
 * What the library alignment's progress bar says: the phase in words and,
 * while reading or indexing, the counts ("Reading articles: 1,200 of 5,000").
 * The bar's value: articles read while reading, then one step per later phase.
 */
import type { LibraryAlignmentStatus } from '../../shared/contract/libraryAlignmentSchemas';
import { formatCount } from '../components/formatCount';

type Run = NonNullable<LibraryAlignmentStatus['running']>;

const PHASES: Record<Run['phase'], string> = {
  reading: 'Reading articles',
  passages: 'Finding shared passages',
  quotes: 'Linking quotes',
  grouping: 'Grouping passages',
  indexing: 'Writing the alignment index',
  saving: 'Saving the results',
};

const ORDER: Run['phase'][] = ['reading', 'passages', 'quotes', 'grouping', 'indexing', 'saving'];

export function alignmentProgressText(run: Run): string {
  if (run.cancelling) return 'Cancelling…';
  const words = PHASES[run.phase];
  if (run.phase === 'reading') return `${words}: ${formatCount(run.articlesRead)} of ${formatCount(run.articles)}`;
  if (run.phase === 'indexing' && run.total > 1) return `${words}: ${formatCount(run.done)} of ${formatCount(run.total)}`;
  return `${words}…`;
}

/** The bar as [value, max]: reading counts articles; each later phase is a fifth of the articles more. */
export function alignmentProgressValue(run: Run): [number, number] {
  const articles = Math.max(run.articles, 1);
  const step = Math.ceil(articles / 5);
  const later = ORDER.length - 1;
  if (run.phase === 'reading') return [Math.min(run.articlesRead, articles), articles + later * step];
  return [articles + (ORDER.indexOf(run.phase) - 1) * step + (run.total > 0 ? Math.round((step * run.done) / run.total) : 0), articles + later * step];
}
