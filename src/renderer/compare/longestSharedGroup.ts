/**
 * The shared passage to open a pair of articles at (who copies whom → side
 * by side): of the aligned groups that reach every one of the articles, the
 * one covering the most text (its passages' lengths summed); ties go to the
 * one that comes first in the first article. Null when none reaches them all.
 */
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';

export function longestSharedGroup(groups: readonly AlignedGroupResult[], articleIds: readonly string[]): AlignedGroupResult | null {
  let best: AlignedGroupResult | null = null;
  let bestLength = 0;
  let bestStart = Infinity;
  for (const group of groups) {
    if (!articleIds.every((id) => group.passages.some((p) => p.article === id))) continue;
    const length = group.passages.reduce((sum, p) => sum + (p.end - p.start), 0);
    const start = Math.min(...group.passages.filter((p) => p.article === articleIds[0]).map((p) => p.start));
    if (length > bestLength || (length === bestLength && start < bestStart)) [best, bestLength, bestStart] = [group, length, start];
  }
  return best;
}
