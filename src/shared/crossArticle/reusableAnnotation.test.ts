import { describe, expect, it } from 'vitest';
import { reusableAnnotation } from './reusableAnnotation';

describe('reusableAnnotation', () => {
  const present = [
    { id: 'claim', tagId: 'claim', start: 0, end: 200 },
    { id: 'quote', tagId: 'quote', start: 40, end: 120 },
    { id: 'far', tagId: 'quote', start: 300, end: 340 },
  ];

  it('reuses a Quote over the same words, give or take the marks and the attribution', () => {
    expect(reusableAnnotation(present, 'quote', { start: 25, end: 121 })?.id).toBe('quote');
    expect(reusableAnnotation(present, 'quote', { start: 41, end: 119 })?.id).toBe('quote');
  });

  it('does not reuse another tag or a barely overlapping one', () => {
    expect(reusableAnnotation(present, 'source', { start: 40, end: 120 })).toBeNull();
    expect(reusableAnnotation(present, 'quote', { start: 110, end: 200 })).toBeNull();
  });
});
