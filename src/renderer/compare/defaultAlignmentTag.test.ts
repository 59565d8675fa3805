import { describe, it, expect } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { defaultAlignmentTag } from './defaultAlignmentTag';

describe('defaultAlignmentTag', () => {
  const quotes = new Map([
    ['a', [{ start: 100, end: 150 }]],
    ['b', [{ start: 0, end: 20 }, { start: 20, end: 60 }]],
  ]);

  it('offers Quote when a passage lies inside a detected quote', () => {
    expect(defaultAlignmentTag([{ articleId: 'a', start: 98, end: 150 }], quotes, DEFAULT_CODEBOOK)).toBe('quote');
  });

  it('counts quotes that touch end to end as one covered stretch', () => {
    expect(defaultAlignmentTag([{ articleId: 'b', start: 5, end: 55 }], quotes, DEFAULT_CODEBOOK)).toBe('quote');
  });

  it('offers Claim when the passage is mostly outside quotes, or its article has none', () => {
    expect(defaultAlignmentTag([{ articleId: 'a', start: 60, end: 140 }], quotes, DEFAULT_CODEBOOK)).toBe('claim');
    expect(defaultAlignmentTag([{ articleId: 'c', start: 0, end: 10 }], quotes, DEFAULT_CODEBOOK)).toBe('claim');
  });

  it('needs only one of the passages to be a quote', () => {
    const passages = [
      { articleId: 'c', start: 0, end: 10 },
      { articleId: 'a', start: 110, end: 140 },
    ];
    expect(defaultAlignmentTag(passages, quotes, DEFAULT_CODEBOOK)).toBe('quote');
  });

  it('falls back to the first tag of a codebook without Quote or Claim', () => {
    const codebook = [{ id: 'frame', name: 'Frame', color: '#123456', key: 1, description: '', attributes: [] }];
    expect(defaultAlignmentTag([{ articleId: 'a', start: 100, end: 150 }], quotes, codebook)).toBe('frame');
  });
});
