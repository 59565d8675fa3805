/**
 * What a coverage cell says beyond the annotation (issue 18): whom the
 * article credits (speaker, cue and channel, read by quoteCredit — the
 * annotation's own Speaker attribute wins over the detector's) and how its
 * wording drifts from the row's reference, the row's earliest wording in
 * publication order (quoteDrift's rules: words added, dropped, changed; a
 * cut-down fragment; a likely translation). Returns a new matrix; cells of
 * articles without a text keep no credit. Pure.
 */
import type { CoverageCell, CoverageMatrix } from './crossArticle';
import type { DetectedQuoteWithDetail } from '../quotes/detectQuotes';
import { quoteCredit } from './quoteCredit';
import { driftAgainst, driftText, publicationOrder } from './quoteDrift';

export interface ArticleQuotes {
  text: string;
  quotes: readonly DetectedQuoteWithDetail[];
}

export function withCoverageDetails(matrix: CoverageMatrix, quotesOf: (articleId: string) => ArticleQuotes | undefined): CoverageMatrix {
  const ordered = publicationOrder(matrix);
  const rows = matrix.rows.map((row) => {
    let reference: CoverageCell | undefined;
    for (const article of ordered) {
      reference = row.cells[article.id]?.[0];
      if (reference) break;
    }
    const referenceWording = reference ? driftText(reference.exact) : '';
    const cells: typeof row.cells = Object.create(null) as typeof row.cells;
    for (const [articleId, list] of Object.entries(row.cells)) {
      const found = quotesOf(articleId);
      cells[articleId] = list.map((cell) => {
        const credit = found ? quoteCredit(found.text, found.quotes, cell.start, cell.end) : null;
        const isReference = cell === reference;
        const { added, dropped, changed, fragment, translated } = driftAgainst(referenceWording, driftText(cell.exact), isReference);
        return {
          ...cell,
          speaker: cell.speaker ?? credit?.speaker ?? null,
          cue: credit?.cue ?? null,
          channel: credit?.channel ?? null,
          drift: { reference: isReference, added, dropped, changed, fragment, translated },
        };
      });
    }
    return { ...row, cells };
  });
  return { ...matrix, rows };
}
