import { describe, it, expect } from 'vitest';
import { hashForRoute, routeFromHash } from './hashRoute';

describe('hashRoute', () => {
  it('starts at the library when the fragment names no screen', () => {
    expect(routeFromHash('')).toEqual({ view: 'library' });
    expect(routeFromHash('#token=abc')).toEqual({ view: 'library' });
  });

  it('comes back to the same reader or comparison after a reload', () => {
    const reader = { view: 'reader', articleId: '002_38b56a2e379d189f' } as const;
    expect(routeFromHash(hashForRoute(reader, ''))).toEqual(reader);
    const compare = { view: 'compare', articleIds: ['a.1', 'b_2', 'c-3'] } as const;
    const hash = hashForRoute({ ...compare, articleIds: [...compare.articleIds] }, '');
    expect(hash).toBe('#view=compare&articles=a.1,b_2,c-3');
    expect(routeFromHash(hash)).toEqual(compare);
    // A pair from who copies whom opens at its shared passage.
    const atShared = hashForRoute({ view: 'compare', articleIds: ['a', 'b'], atShared: true }, '');
    expect(atShared).toBe('#view=compare&articles=a,b&at=shared');
    expect(routeFromHash(atShared)).toEqual({ view: 'compare', articleIds: ['a', 'b'], atShared: true });
  });

  it('keeps the host token in the fragment', () => {
    const hash = hashForRoute({ view: 'reader', articleId: 'x' }, '#token=s3cr3t');
    expect(new URLSearchParams(hash.slice(1)).get('token')).toBe('s3cr3t');
    expect(hashForRoute({ view: 'library' }, hash)).toBe('#token=s3cr3t');
  });

  it('falls back to the library for ids that cannot be article ids, or a comparison of fewer than two', () => {
    expect(routeFromHash('#view=reader&article=../../etc')).toEqual({ view: 'library' });
    expect(routeFromHash('#view=reader')).toEqual({ view: 'library' });
    expect(routeFromHash('#view=compare&articles=a,a')).toEqual({ view: 'library' });
    expect(routeFromHash('#view=compare&articles=a,<b>,c')).toEqual({ view: 'compare', articleIds: ['a', 'c'] });
  });

  it('comes back to the coverage matrix, and to the reader opened at one annotation', () => {
    expect(routeFromHash(hashForRoute({ view: 'coverage' }, '#token=t'))).toEqual({ view: 'coverage' });
    const atAnnotation = { view: 'reader', articleId: '000_x', annotationId: 'ann-1' } as const;
    const hash = hashForRoute({ ...atAnnotation }, '#token=t');
    expect(routeFromHash(hash)).toEqual(atAnnotation);
    // Leaving the reader drops the annotation from the fragment.
    expect(hashForRoute({ view: 'coverage' }, hash)).toBe('#token=t&view=coverage');
    expect(routeFromHash('#view=reader&article=a&annotation=')).toEqual({ view: 'reader', articleId: 'a' });
  });

  it('comes back to the people screen', () => {
    expect(hashForRoute({ view: 'people' }, '#token=t&view=codebook')).toBe('#token=t&view=people');
    expect(routeFromHash('#token=t&view=people')).toEqual({ view: 'people' });
  });

  it('comes back to the agreement screen', () => {
    expect(hashForRoute({ view: 'agreement' }, '#token=t&view=codebook')).toBe('#token=t&view=agreement');
    expect(routeFromHash('#token=t&view=agreement')).toEqual({ view: 'agreement' });
    const adjudicate = { view: 'adjudicate', articleId: '002_38b56a2e379d189f' } as const;
    expect(routeFromHash(hashForRoute(adjudicate, '#token=t'))).toEqual(adjudicate);
    expect(routeFromHash('#view=adjudicate&article=../x')).toEqual({ view: 'library' });
  });

  it('comes back to who copies whom', () => {
    expect(hashForRoute({ view: 'copies' }, '#token=t&view=reader&article=a')).toBe('#token=t&view=copies');
    expect(routeFromHash('#token=t&view=copies')).toEqual({ view: 'copies' });
  });

  it('comes back to the codebook screen', () => {
    expect(hashForRoute({ view: 'codebook' }, '#token=t&view=reader&article=a')).toBe('#token=t&view=codebook');
    expect(routeFromHash('#token=t&view=codebook')).toEqual({ view: 'codebook' });
  });

  it('keeps quote drift with its group and chosen reference (issue 18)', () => {
    const route = { view: 'drift', groupId: 'g_123', referenceArticleId: '000_9c2375f696f0b1fa' } as const;
    const hash = hashForRoute(route, '#token=abc');
    expect(hash).toContain('token=abc');
    expect(routeFromHash(hash)).toEqual(route);
    expect(routeFromHash('#view=drift&group=g_1')).toEqual({ view: 'drift', groupId: 'g_1' });
    expect(routeFromHash('#view=drift&group=')).toEqual({ view: 'library' });
    expect(routeFromHash(hashForRoute({ view: 'ledger' }, ''))).toEqual({ view: 'ledger' });
  });
});
