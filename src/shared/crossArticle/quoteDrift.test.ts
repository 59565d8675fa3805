import { describe, expect, it } from 'vitest';
import type { CoverageMatrix } from './crossArticle';
import { compareWording, driftText, quoteDrift } from './quoteDrift';

const cell = (annotationId: string, exact: string, creditedTo: string | null = null) => ({
  annotationId,
  tagId: 'quote',
  exact,
  start: 0,
  end: exact.length,
  paragraph: 1,
  creditedTo,
});

// Wordings modelled on the seed corpus's diplomat quote (paraphrased here).
const matrix: CoverageMatrix = {
  articles: [
    { id: 'late', title: 'Late story', date: '2022-05-25', outlet: 'Weekly', },
    { id: 'undated', title: 'Undated story', date: null, outlet: null },
    { id: 'first', title: 'First story', date: '2022-05-23', outlet: 'Wire' },
    { id: 'second', title: 'Second story', date: '2022-05-24', outlet: 'Daily' },
    { id: 'absent', title: 'Absent story', date: '2022-05-24', outlet: 'Other' },
  ],
  rows: [
    {
      groupId: 'g',
      label: 'Ashamed',
      cells: {
        late: [cell('l', '“never been so ashamed of my country”')],
        undated: [cell('u', 'Nunca me había avergonzado tanto de mi país')],
        first: [cell('f', '‘’Never have I been so ashamed of my country as on February 24,’’', 'Bondarev')],
        second: [cell('s', '"never have I felt so ashamed of my country as on February 24"')],
      },
    },
  ],
};

describe('quoteDrift', () => {
  it('lists every wording in publication order, the earliest as reference, and the outlets without it', () => {
    const drift = quoteDrift(matrix, 'g')!;
    expect(drift.versions.map((v) => v.articleId)).toEqual(['first', 'second', 'late', 'undated']);
    expect(drift.referenceArticleId).toBe('first');
    expect(drift.versions[0]).toMatchObject({ isReference: true, added: 0, dropped: 0, changed: 0, creditedTo: 'Bondarev' });
    expect(drift.notCarried.map((a) => a.articleId)).toEqual(['absent']);
  });

  it('counts a changed word, dropped words of a fragment, and flags a translation', () => {
    const [, second, late, undated] = quoteDrift(matrix, 'g')!.versions;
    expect(second).toMatchObject({ changed: 1, added: 0, dropped: 0, fragment: false, translated: false });
    expect(second!.parts.filter((p) => p.changed).map((p) => [p.kind, p.text])).toEqual([
      ['dropped', 'been'],
      ['added', 'felt'],
    ]);
    // "never been so ashamed of my country": drops "have I" and "as on February 24".
    expect(late).toMatchObject({ fragment: true, added: 0, changed: 0, dropped: 6 });
    expect(undated).toMatchObject({ translated: true });
  });

  it('diffs against a chosen reference instead', () => {
    const drift = quoteDrift(matrix, 'g', 'late')!;
    expect(drift.versions.find((v) => v.articleId === 'late')!.isReference).toBe(true);
    expect(drift.versions.find((v) => v.articleId === 'first')).toMatchObject({ added: 6, dropped: 0, changed: 0 });
  });

  it('does not count typography or the marks around the quote as drift', () => {
    expect(driftText('“It’s — over”')).toBe("It's - over");
    expect(compareWording(driftText('“It’s over,” '), driftText('"It\'s over,"'))).toMatchObject({ added: 0, dropped: 0, changed: 0 });
  });

  it('is null for a group the matrix does not have', () => {
    expect(quoteDrift(matrix, 'nope')).toBeNull();
  });
});
