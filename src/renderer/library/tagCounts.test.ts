import { describe, it, expect } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { tagCounts } from './tagCounts';

const label = (list: ReturnType<typeof tagCounts>) => list.map((c) => `${c.count} ${c.tag.name}`);

describe('tagCounts', () => {
  it('lists counts in codebook order and leaves out tags with none', () => {
    expect(label(tagCounts({ source: 1, claim: 3, quote: 0 }, DEFAULT_CODEBOOK))).toEqual(['3 Claim', '1 Source']);
  });

  it('keeps counts of tags missing from the codebook, after the known ones', () => {
    expect(label(tagCounts({ zeta: 2, quote: 2, alpha: 1 }, DEFAULT_CODEBOOK))).toEqual([
      '2 Quote',
      '1 alpha',
      '2 zeta',
    ]);
  });

  it('is empty for an article without annotations', () => {
    expect(tagCounts({}, DEFAULT_CODEBOOK)).toEqual([]);
  });
});
