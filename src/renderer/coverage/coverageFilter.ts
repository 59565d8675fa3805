/**
 * Filtering the coverage matrix by tag, entity (the speaker a cell credits)
 * and outlet. An outlet keeps only its articles as columns; every filter
 * keeps the rows that still have a matching cell in the columns shown (a
 * tag matches a cell of that tag, or an annotation row of that tag; a
 * speaker matches case-insensitively). Also the choices each filter offers,
 * read from the matrix itself.
 */
import type { CoverageCell, CoverageMatrix, CoverageRow } from '../../shared/crossArticle/crossArticle';

export interface CoverageFilter {
  tagId: string | null;
  speaker: string | null;
  outlet: string | null;
}

export const NO_COVERAGE_FILTER: CoverageFilter = { tagId: null, speaker: null, outlet: null };

export function isFiltered(filter: CoverageFilter): boolean {
  return filter.tagId !== null || filter.speaker !== null || filter.outlet !== null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const same = (a: string, b: string) => collator.compare(a.trim(), b.trim()) === 0;

export function filterCoverage(matrix: CoverageMatrix, filter: CoverageFilter): CoverageMatrix {
  const articles = filter.outlet === null ? matrix.articles : matrix.articles.filter((a) => a.outlet !== null && same(a.outlet, filter.outlet!));
  const shown = (row: CoverageRow): CoverageCell[] => articles.flatMap((a) => row.cells[a.id] ?? []);
  const rows = matrix.rows.filter((row) => {
    const cells = shown(row);
    if (cells.length === 0) return false;
    if (filter.tagId !== null && row.annotation?.tagId !== filter.tagId && !cells.some((c) => c.tagId === filter.tagId)) return false;
    if (filter.speaker !== null && !cells.some((c) => c.speaker && same(c.speaker, filter.speaker!))) return false;
    return true;
  });
  return { ...matrix, articles, rows };
}

export interface CoverageFilterChoices {
  tagIds: string[];
  speakers: string[];
  outlets: string[];
}

/** The tags, speakers and outlets the matrix holds (speakers and outlets sorted, each once whatever its case). */
export function coverageFilterChoices(matrix: CoverageMatrix): CoverageFilterChoices {
  const tagIds = new Set<string>();
  const speakers = new Map<string, string>();
  for (const row of matrix.rows) {
    if (row.annotation) tagIds.add(row.annotation.tagId);
    for (const list of Object.values(row.cells)) {
      for (const cell of list) {
        tagIds.add(cell.tagId);
        if (cell.speaker) speakers.set(cell.speaker.trim().toLowerCase(), speakers.get(cell.speaker.trim().toLowerCase()) ?? cell.speaker.trim());
      }
    }
  }
  const outlets = new Map<string, string>();
  for (const a of matrix.articles) if (a.outlet?.trim()) outlets.set(a.outlet.trim().toLowerCase(), outlets.get(a.outlet.trim().toLowerCase()) ?? a.outlet.trim());
  return {
    tagIds: [...tagIds].sort(),
    speakers: [...speakers.values()].sort(collator.compare),
    outlets: [...outlets.values()].sort(collator.compare),
  };
}
