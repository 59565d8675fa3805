import { describe, expect, it } from 'vitest';
import { coverageFilterChoices, filterCoverage, isFiltered, NO_COVERAGE_FILTER } from './coverageFilter';
import type { CoverageCell, CoverageMatrix } from '../../shared/crossArticle/crossArticle';

const cell = (id: string, tagId: string, speaker?: string): CoverageCell => ({
  annotationId: id,
  tagId,
  exact: `words of ${id}`,
  start: 0,
  end: 5,
  paragraph: 1,
  creditedTo: null,
  ...(speaker ? { speaker } : {}),
});

const MATRIX: CoverageMatrix = {
  articles: [
    { id: 'a', title: 'A', date: null, outlet: 'Reuters' },
    { id: 'b', title: 'B', date: null, outlet: 'Kyiv Post' },
    { id: 'c', title: 'C', date: null, outlet: 'reuters ' },
  ],
  rows: [
    { groupId: 'g1', label: 'Ashamed', cells: { a: [cell('1', 'quote', 'Boris Bondarev')], b: [cell('2', 'quote', 'boris bondarev')] } },
    { groupId: 'g2', label: 'Claim', cells: { b: [cell('3', 'claim')] } },
    { groupId: '', label: 'Lone', cells: { c: [cell('4', 'quote', 'Dmitry Peskov')] }, annotation: { articleId: 'c', annotationId: '4', tagId: 'quote' } },
  ],
};

const labels = (m: CoverageMatrix) => m.rows.map((r) => r.label);

describe('filterCoverage', () => {
  it('keeps everything without a filter', () => {
    expect(isFiltered(NO_COVERAGE_FILTER)).toBe(false);
    expect(filterCoverage(MATRIX, NO_COVERAGE_FILTER)).toEqual(MATRIX);
  });

  it('by tag: the rows with a cell of that tag', () => {
    expect(labels(filterCoverage(MATRIX, { ...NO_COVERAGE_FILTER, tagId: 'claim' }))).toEqual(['Claim']);
    expect(labels(filterCoverage(MATRIX, { ...NO_COVERAGE_FILTER, tagId: 'quote' }))).toEqual(['Ashamed', 'Lone']);
  });

  it('by speaker, whatever the case', () => {
    expect(labels(filterCoverage(MATRIX, { ...NO_COVERAGE_FILTER, speaker: 'BORIS BONDAREV' }))).toEqual(['Ashamed']);
  });

  it('by outlet: only its articles as columns (case and spaces aside), and the rows they carry', () => {
    const m = filterCoverage(MATRIX, { ...NO_COVERAGE_FILTER, outlet: 'Reuters' });
    expect(m.articles.map((a) => a.id)).toEqual(['a', 'c']);
    expect(labels(m)).toEqual(['Ashamed', 'Lone']);
    // A speaker found only in another outlet's column does not count.
    expect(labels(filterCoverage(MATRIX, { tagId: 'claim', speaker: null, outlet: 'Reuters' }))).toEqual([]);
  });
});

describe('coverageFilterChoices', () => {
  it('lists the tags, the speakers and the outlets once each, sorted', () => {
    expect(coverageFilterChoices(MATRIX)).toEqual({
      tagIds: ['claim', 'quote'],
      speakers: ['Boris Bondarev', 'Dmitry Peskov'],
      outlets: ['Kyiv Post', 'Reuters'],
    });
  });
});
