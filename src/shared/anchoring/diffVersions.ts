/**
 * What changed between two versions of an article's text, word by word (the
 * `diff` library's diffWords, Myers' algorithm): passages kept, added,
 * removed, and reworded (a removal right followed by an addition, shown as
 * one change from the old words to the new), with counts of each — what a
 * researcher tracking stealth edits reads.
 */
import { diffWords } from 'diff';

export type VersionDiffPart =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'reworded'; from: string; to: string };

export interface VersionDiff {
  parts: VersionDiffPart[];
  /** Words added, removed, and changes that replaced words by others. */
  added: number;
  removed: number;
  reworded: number;
}

export function diffVersions(older: string, newer: string): VersionDiff {
  const parts: VersionDiffPart[] = [];
  const changes = diffWords(older, newer);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      parts.push({ kind: 'reworded', from: change.value, to: next.value });
      i++;
    } else if (change.added && next?.removed) {
      parts.push({ kind: 'reworded', from: next.value, to: change.value });
      i++;
    } else if (change.added) parts.push({ kind: 'added', text: change.value });
    else if (change.removed) parts.push({ kind: 'removed', text: change.value });
    else parts.push({ kind: 'same', text: change.value });
  }
  return {
    parts,
    added: parts.reduce((n, p) => n + (p.kind === 'added' ? wordCount(p.text) : 0), 0),
    removed: parts.reduce((n, p) => n + (p.kind === 'removed' ? wordCount(p.text) : 0), 0),
    reworded: parts.filter((p) => p.kind === 'reworded').length,
  };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}
