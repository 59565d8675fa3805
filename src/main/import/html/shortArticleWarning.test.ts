import { describe, expect, it } from 'vitest';
import { shortArticleWarning } from './shortArticleWarning';

describe('shortArticleWarning', () => {
  it('warns under 200 characters whatever the page, naming how much was found', () => {
    expect(shortArticleWarning(9, 6_400)).toBe(
      'only 9 characters of article text found (the page shows 6,400) — imported anyway; import the whole page text instead if the article is missing',
    );
    expect(shortArticleWarning(11, 11)).toBe('only 11 characters of text found in the whole page — imported anyway');
  });

  it('warns under 500 characters only when that is under a quarter of the page', () => {
    expect(shortArticleWarning(450, 2_000)).not.toBeNull();
    expect(shortArticleWarning(450, 1_500)).toBeNull();
    expect(shortArticleWarning(600, 10_000)).toBeNull();
  });
});
