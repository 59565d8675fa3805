import { describe, expect, it } from 'vitest';
import { rangesCoincide } from './rangesCoincide';

describe('rangesCoincide', () => {
  it('holds for the same range', () => {
    expect(rangesCoincide({ start: 5, end: 9 }, { start: 5, end: 9 })).toBe(true);
  });

  it('holds when the overlap is at least 90% of the longer range', () => {
    expect(rangesCoincide({ start: 0, end: 100 }, { start: 1, end: 99 })).toBe(true);
    expect(rangesCoincide({ start: 0, end: 100 }, { start: 10, end: 100 })).toBe(true);
  });

  it('fails when a short range lies inside a much longer one, or they barely touch', () => {
    expect(rangesCoincide({ start: 0, end: 100 }, { start: 20, end: 80 })).toBe(false);
    expect(rangesCoincide({ start: 0, end: 100 }, { start: 11, end: 100 })).toBe(false);
    expect(rangesCoincide({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
  });
});
