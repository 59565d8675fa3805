import { describe, expect, it } from 'vitest';
import { passageFingerprints } from './passageFingerprints';

/** A distinct filler word sequence per call, so unrelated text never matches. */
let fillers = 0;
const filler = (n: number): string => Array.from({ length: n }, () => `w${fillers++}x`).join(' ');
const shared = (a: Uint32Array, b: Uint32Array): number => a.filter((fp) => b.includes(fp)).length;

describe('passageFingerprints', () => {
  it('gives two texts sharing a run of eight words a common fingerprint, wherever the run sits', () => {
    for (let trial = 0; trial < 50; trial++) {
      const run = filler(8);
      const a = passageFingerprints(`${filler(trial + 3)} ${run} ${filler(40)}`);
      const b = passageFingerprints(`${filler(60 - trial)} ${run.toUpperCase()}. ${filler(7)}`);
      expect(shared(a, b)).toBeGreaterThan(0);
    }
  });

  it('gives unrelated texts none, and keeps well under half the shingles', () => {
    const a = passageFingerprints(filler(900));
    const b = passageFingerprints(filler(900));
    expect(shared(a, b)).toBe(0);
    expect(a.length).toBeGreaterThan(100);
    expect(a.length).toBeLessThan(900 * 0.5);
  });

  it('depends on the text alone: the same words give the same fingerprints in any run, sorted, each once', () => {
    const text = `${filler(50)} ${filler(50)}`;
    passageFingerprints(filler(300)); // other texts seen before change nothing
    const first = passageFingerprints(text);
    expect(passageFingerprints(text)).toEqual(first);
    expect([...first]).toEqual([...new Set(first)].sort((x, y) => x - y));
  });

  it('gives a text shorter than a shingle no fingerprint', () => {
    expect(passageFingerprints('only four words here').length).toBe(0);
  });
});
