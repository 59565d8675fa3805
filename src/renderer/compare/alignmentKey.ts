/** The same key for the same set of articles, whatever their order: one alignment request per set. */
export function alignmentKey(articleIds: readonly string[]): string {
  return [...new Set(articleIds)].sort().join(',');
}
