import { describe, expect, it } from 'vitest';
import { disagreeingAnnotations } from './codingDisagreements';

const a = (id: string, creator: string, tagId: string, start: number, end: number, attributes: Record<string, string | number | boolean> = {}) => ({
  id,
  creator,
  tagId,
  start,
  end,
  attributes,
});

describe('disagreeingAnnotations', () => {
  it('leaves out what every coder marked alike; keeps a different span, tag, attribute, or one coder’s only', () => {
    const list = [
      a('ana-same', 'ana', 'quote', 0, 10, { form: 'direct' }),
      a('bo-same', 'bo', 'quote', 0, 10, { form: 'direct' }),
      a('ana-span', 'ana', 'claim', 20, 30),
      a('bo-span', 'bo', 'claim', 20, 28),
      a('ana-tag', 'ana', 'quote', 40, 50),
      a('bo-tag', 'bo', 'claim', 40, 50),
      a('ana-attr', 'ana', 'source', 60, 70, { kind: 'official' }),
      a('bo-attr', 'bo', 'source', 60, 70, { kind: 'expert' }),
      a('ana-only', 'ana', 'quote', 80, 90),
    ];
    expect([...disagreeingAnnotations(list)].sort()).toEqual(['ana-attr', 'ana-only', 'ana-span', 'ana-tag', 'bo-attr', 'bo-span', 'bo-tag']);
  });

  it('needs every coder of the article: what two of three marked alike is still a disagreement', () => {
    const list = [a('1', 'ana', 'quote', 0, 5), a('2', 'bo', 'quote', 0, 5), a('3', 'cy', 'claim', 9, 12)];
    expect([...disagreeingAnnotations(list)].sort()).toEqual(['1', '2', '3']);
  });

  it('finds nothing to disagree on with one coder; empty attribute values count as none', () => {
    expect(disagreeingAnnotations([a('1', 'ana', 'quote', 0, 5)]).size).toBe(0);
    expect(disagreeingAnnotations([a('1', 'ana', 'quote', 0, 5, { form: '' }), a('2', 'bo', 'quote', 0, 5)]).size).toBe(0);
  });
});
