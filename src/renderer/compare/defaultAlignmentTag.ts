/**
 * The tag to offer when a shared passage is accepted as a group: Quote when
 * one of its passages lies inside a detected quote (at least 80 % of it is
 * covered by quote suggestions or Quote annotations of its article), else
 * Claim. Falls back to the codebook's first tag when those tags are missing.
 */
import type { Tag } from '../../shared/model/model';

interface Range {
  start: number;
  end: number;
}

export const INSIDE_QUOTE_SHARE = 0.8;

function coveredLength(passage: Range, ranges: readonly Range[]): number {
  const parts = ranges
    .map((r) => ({ start: Math.max(r.start, passage.start), end: Math.min(r.end, passage.end) }))
    .filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = passage.start;
  for (const p of parts) {
    if (p.end <= reach) continue;
    covered += p.end - Math.max(p.start, reach);
    reach = p.end;
  }
  return covered;
}

export function defaultAlignmentTag(
  passages: readonly (Range & { articleId: string })[],
  quoteRanges: ReadonlyMap<string, readonly Range[]>,
  codebook: readonly Tag[],
): string {
  const inQuote = passages.some((p) => {
    const length = p.end - p.start;
    return length > 0 && coveredLength(p, quoteRanges.get(p.articleId) ?? []) >= INSIDE_QUOTE_SHARE * length;
  });
  const wanted = inQuote ? 'quote' : 'claim';
  return codebook.find((t) => t.id === wanted)?.id ?? codebook[0]?.id ?? wanted;
}
