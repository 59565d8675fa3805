import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/model';
import { quoteSelector } from './quoteSelector';
import { reanchorAnnotations } from './reanchorAnnotations';

function annotationOn(text: string, quote: string, id: string, nth = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no "${quote}" in the text`);
  const end = start + quote.length;
  return {
    id,
    articleId: 'art_x',
    tagId: 'claim',
    start,
    end,
    ...quoteSelector(text, start, end),
    note: `note ${id}`,
    attributes: {},
    creator: 'me',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

const OLD = 'The minister said the plan would cost 2 billion euros. Critics called it reckless. The vote is on Tuesday.';

describe('reanchorAnnotations', () => {
  it('moves an annotation whose passage shifted when text was added before it', () => {
    const a = annotationOn(OLD, 'Critics called it reckless.', 'a');
    const next = 'UPDATED. ' + OLD;
    const { anchored, unanchored } = reanchorAnnotations(next, [a]);
    expect(unanchored).toEqual([]);
    expect(next.slice(anchored[0]!.start, anchored[0]!.end)).toBe('Critics called it reckless.');
    expect(anchored[0]!.start).toBe(a.start + 'UPDATED. '.length);
    expect(anchored[0]!.note).toBe('note a');
  });

  it('finds a slightly reworded passage approximately, with its new wording as the quote', () => {
    const a = annotationOn(OLD, 'the plan would cost 2 billion euros', 'a');
    const next = OLD.replace('2 billion euros', '3 billion euros');
    const { anchored, approximate } = reanchorAnnotations(next, [a]);
    expect(approximate).toBe(1);
    expect(anchored[0]!.exact).toBe('the plan would cost 3 billion euros');
  });

  it('keeps apart an annotation whose passage was removed', () => {
    const a = annotationOn(OLD, 'Critics called it reckless.', 'a');
    const b = annotationOn(OLD, 'The vote is on Tuesday.', 'b');
    const next = OLD.replace(' Critics called it reckless.', '');
    const { anchored, unanchored } = reanchorAnnotations(next, [a, b]);
    expect(unanchored.map((x) => x.id)).toEqual(['a']);
    expect(anchored.map((x) => x.id)).toEqual(['b']);
    expect(next.slice(anchored[0]!.start, anchored[0]!.end)).toBe('The vote is on Tuesday.');
  });

  it('chooses the occurrence whose context matches when the quote appears twice', () => {
    const text = 'Alpha said yes. Beta said no. Gamma said yes. End.';
    const second = annotationOn(text, 'said yes', 'a', 1);
    const next = 'Intro. ' + text.replace('Alpha said yes.', 'Alpha said yes, twice.');
    const { anchored } = reanchorAnnotations(next, [second]);
    expect(next.slice(anchored[0]!.start - 6, anchored[0]!.end)).toBe('Gamma said yes');
  });
});
