import { describe, it, expect } from 'vitest';
import { tagTint } from './tagTint';

describe('tagTint', () => {
  it('turns a hex colour into rgba with the given alpha', () => {
    expect(tagTint('#f2b33d', 0.3)).toBe('rgba(242, 179, 61, 0.3)');
    expect(tagTint('#5AA9E6', 0.5)).toBe('rgba(90, 169, 230, 0.5)');
  });

  it('falls back to a neutral grey for a colour it cannot read', () => {
    expect(tagTint('red', 0.2)).toBe('rgba(138, 143, 152, 0.2)');
  });

  it('keeps alpha between 0 and 1', () => {
    expect(tagTint('#000000', 7)).toBe('rgba(0, 0, 0, 1)');
    expect(tagTint('#000000', -1)).toBe('rgba(0, 0, 0, 0)');
  });
});
