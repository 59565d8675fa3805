import { describe, expect, it } from 'vitest';
import { findQuoteInLibrary } from './findQuoteInLibrary';

const texts = new Map([
  ['a1', 'The minister said the plan would fail. Nobody listened.'],
  ['a2', 'Reporters wrote that the plan would fail, citing sources.'],
  ['a3', 'Nothing to see here.'],
]);

describe('findQuoteInLibrary', () => {
  it('finds the one article whose text holds the quote with its surroundings', () => {
    expect(findQuoteInLibrary(texts, { exact: 'the plan would fail', prefix: 'minister said ', suffix: '. Nobody' })).toEqual({ found: 'a1' });
    expect(findQuoteInLibrary(texts, { exact: 'the plan would fail', prefix: 'wrote that ', suffix: ', citing' })).toEqual({ found: 'a2' });
  });

  it('reports an ambiguous quote that two articles hold equally well, naming them', () => {
    expect(findQuoteInLibrary(texts, { exact: 'the plan would fail' })).toEqual({ ambiguous: ['a1', 'a2'] });
  });

  it('reports a quote no article holds', () => {
    expect(findQuoteInLibrary(texts, { exact: 'the plan worked' })).toEqual({ missing: true });
  });
});
