import { describe, expect, it } from 'vitest';
import type { Suggestion } from './crossArticle';
import { pendingSuggestions } from './pendingSuggestions';

const suggestion = (tagId: string, start: number, end: number): Suggestion => ({
  id: `${tagId}:${start}:${end}`,
  articleId: 'a',
  tagId,
  start,
  end,
  exact: 'x'.repeat(end - start),
  speaker: null,
  cue: null,
  credits: null,
});

describe('pendingSuggestions', () => {
  const all = [suggestion('quote', 0, 100), suggestion('source', 110, 120), suggestion('quote', 200, 260)];

  it('keeps everything when nothing is annotated or rejected', () => {
    expect(pendingSuggestions(all, [], [])).toEqual(all);
  });

  it('hides rejected suggestions and ones an annotation of the same tag already marks', () => {
    const annotations = [
      { tagId: 'quote', start: 2, end: 100 },
      { tagId: 'claim', start: 110, end: 120 },
    ];
    expect(pendingSuggestions(all, annotations, ['quote:200:260']).map((s) => s.id)).toEqual(['source:110:120']);
  });

  it('keeps a suggestion when the annotation only covers part of it', () => {
    expect(pendingSuggestions(all, [{ tagId: 'quote', start: 0, end: 50 }], []).map((s) => s.id)).toContain('quote:0:100');
  });
});
