/**
 * Sorting the coverage matrix: by group label, by how many articles carry the
 * group, or by whether one chosen article carries it (those that do first,
 * in the order they appear in that article). Ties fall back to the label, so
 * the order is always the same for the same data. Also the header-click rule
 * (same column flips the direction; a new column starts at its natural one)
 * and the `aria-sort` value of each header.
 */
import type { CoverageRow } from '../../shared/crossArticle/crossArticle';

export type SortDirection = 'ascending' | 'descending';
export type CoverageSortKey = { by: 'label' } | { by: 'count' } | { by: 'article'; articleId: string };
export type CoverageSort = CoverageSortKey & { direction: SortDirection };

export const DEFAULT_COVERAGE_SORT: CoverageSort = { by: 'label', direction: 'ascending' };

/** How many articles carry the group (have at least one cell). */
export function articleCount(row: CoverageRow): number {
  return Object.values(row.cells).filter((cells) => cells.length > 0).length;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byLabel = (a: CoverageRow, b: CoverageRow) => collator.compare(a.label, b.label) || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0);

/** Where the group first appears in the article, or null when it does not. */
function firstStart(row: CoverageRow, articleId: string): number | null {
  const cells = row.cells[articleId] ?? [];
  return cells.length === 0 ? null : Math.min(...cells.map((c) => c.start));
}

export function sortCoverageRows(rows: readonly CoverageRow[], sort: CoverageSort): CoverageRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: CoverageRow, b: CoverageRow): number => {
    if (sort.by === 'label') return sign * byLabel(a, b);
    if (sort.by === 'count') return sign * (articleCount(a) - articleCount(b)) || byLabel(a, b);
    const [pa, pb] = [firstStart(a, sort.articleId), firstStart(b, sort.articleId)];
    // Descending: the rows the article carries first.
    if ((pa === null) !== (pb === null)) return sign * (pa === null ? -1 : 1);
    if (pa !== null && pb !== null && pa !== pb) return pa - pb;
    return byLabel(a, b);
  };
  return [...rows].sort(compare);
}

function sameKey(a: CoverageSortKey, b: CoverageSortKey): boolean {
  if (a.by !== b.by) return false;
  return a.by !== 'article' || (b.by === 'article' && a.articleId === b.articleId);
}

/** The sort after clicking a header: the same one flips, another starts at its natural direction. */
export function nextCoverageSort(current: CoverageSort, clicked: CoverageSortKey): CoverageSort {
  if (sameKey(current, clicked)) return { ...current, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...clicked, direction: clicked.by === 'label' ? 'ascending' : 'descending' };
}

export function ariaSort(current: CoverageSort, header: CoverageSortKey): SortDirection | 'none' {
  return sameKey(current, header) ? current.direction : 'none';
}
