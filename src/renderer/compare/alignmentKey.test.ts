import { describe, it, expect } from 'vitest';
import { alignmentKey } from './alignmentKey';

describe('alignmentKey', () => {
  it('is the same for the same articles in any order, and differs when the set changes', () => {
    expect(alignmentKey(['b', 'a', 'c'])).toBe(alignmentKey(['c', 'b', 'a']));
    expect(alignmentKey(['a', 'b', 'a'])).toBe(alignmentKey(['b', 'a']));
    expect(alignmentKey(['a', 'b'])).not.toBe(alignmentKey(['a', 'b', 'c']));
  });
});
