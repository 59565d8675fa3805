import { describe, expect, it } from 'vitest';
import { copyPercent, copyShade } from './copyShade';

describe('copyShade', () => {
  it('darkens with the share and leaves nothing shared blank', () => {
    expect([0, 0.05, 0.2, 0.4, 0.6, 1].map(copyShade)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('writes whole percents and never shows a trace of copying as 0%', () => {
    expect(copyPercent(0)).toBe('0%');
    expect(copyPercent(0.004)).toBe('<1%');
    expect(copyPercent(0.256)).toBe('26%');
    expect(copyPercent(1)).toBe('100%');
  });
});
