import { describe, it, expect } from 'vitest';
import type { CoverageCell, CoverageRow } from '../../shared/crossArticle/crossArticle';
import { ariaSort, articleCount, nextCoverageSort, sortCoverageRows } from './coverageSort';

const cell = (start: number): CoverageCell => ({
  annotationId: `ann-${start}`,
  tagId: 'quote',
  exact: 'text',
  start,
  end: start + 4,
  paragraph: 1,
  creditedTo: null,
});
const row = (groupId: string, label: string, cells: Record<string, number[]>): CoverageRow => ({
  groupId,
  label,
  cells: Object.fromEntries(Object.entries(cells).map(([article, starts]) => [article, starts.map(cell)])),
});

const rows = [
  row('g1', 'ashamed of my country', { a: [10], b: [300], c: [5] }),
  row('g2', 'Aggressive war', { a: [400] }),
  row('g3', 'lies and unprofessionalism', { b: [20], c: [900] }),
  row('g4', 'Group 10', { b: [50, 10] }),
  row('g5', 'Group 9', { a: [], b: [700] }),
];
const labels = (list: CoverageRow[]) => list.map((r) => r.label);

describe('sortCoverageRows', () => {
  it('sorts by label, ignoring case and reading numbers as numbers', () => {
    expect(labels(sortCoverageRows(rows, { by: 'label', direction: 'ascending' }))).toEqual([
      'Aggressive war',
      'ashamed of my country',
      'Group 9',
      'Group 10',
      'lies and unprofessionalism',
    ]);
    expect(labels(sortCoverageRows(rows, { by: 'label', direction: 'descending' }))[0]).toBe('lies and unprofessionalism');
  });

  it('sorts by how many articles carry the group, ties by label', () => {
    expect(labels(sortCoverageRows(rows, { by: 'count', direction: 'descending' }))).toEqual([
      'ashamed of my country',
      'lies and unprofessionalism',
      'Aggressive war',
      'Group 9',
      'Group 10',
    ]);
    expect(labels(sortCoverageRows(rows, { by: 'count', direction: 'ascending' }))[4]).toBe('ashamed of my country');
  });

  it('puts the groups an article carries first, in the order they appear in it', () => {
    expect(labels(sortCoverageRows(rows, { by: 'article', articleId: 'b', direction: 'descending' }))).toEqual([
      'Group 10', // starts at 10 in b
      'lies and unprofessionalism', // 20
      'ashamed of my country', // 300
      'Group 9', // 700
      'Aggressive war', // not in b
    ]);
    expect(labels(sortCoverageRows(rows, { by: 'article', articleId: 'b', direction: 'ascending' }))[0]).toBe('Aggressive war');
  });

  it('does not change the list it was given', () => {
    const before = labels(rows);
    sortCoverageRows(rows, { by: 'count', direction: 'descending' });
    expect(labels(rows)).toEqual(before);
  });
});

describe('articleCount', () => {
  it('counts only articles with at least one cell', () => {
    expect(articleCount(rows[4]!)).toBe(1);
    expect(articleCount(rows[0]!)).toBe(3);
  });
});

describe('nextCoverageSort and ariaSort', () => {
  it('flips the direction on the same header and starts a new header at its natural direction', () => {
    const byLabel = { by: 'label', direction: 'ascending' } as const;
    expect(nextCoverageSort(byLabel, { by: 'label' })).toEqual({ by: 'label', direction: 'descending' });
    expect(nextCoverageSort(byLabel, { by: 'count' })).toEqual({ by: 'count', direction: 'descending' });
    const byA = nextCoverageSort(byLabel, { by: 'article', articleId: 'a' });
    expect(byA).toEqual({ by: 'article', articleId: 'a', direction: 'descending' });
    expect(nextCoverageSort(byA, { by: 'article', articleId: 'b' })).toEqual({ by: 'article', articleId: 'b', direction: 'descending' });
    expect(nextCoverageSort(byA, { by: 'article', articleId: 'a' }).direction).toBe('ascending');
  });

  it('reports the sorted header only', () => {
    const byA = { by: 'article', articleId: 'a', direction: 'descending' } as const;
    expect(ariaSort(byA, { by: 'article', articleId: 'a' })).toBe('descending');
    expect(ariaSort(byA, { by: 'article', articleId: 'b' })).toBe('none');
    expect(ariaSort(byA, { by: 'label' })).toBe('none');
  });
});
