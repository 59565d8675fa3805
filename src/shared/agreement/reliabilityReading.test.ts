import { describe, expect, it } from 'vitest';
import { reliabilityReading } from './reliabilityReading';

describe('reliabilityReading', () => {
  it('reads α ≥ .800 as reliable, .667–.800 as tentative, below as unreliable', () => {
    expect(reliabilityReading(0.8)).toBe('reliable');
    expect(reliabilityReading(0.799)).toBe('tentative');
    expect(reliabilityReading(0.667)).toBe('tentative');
    expect(reliabilityReading(0.666)).toBe('unreliable');
    expect(reliabilityReading(-0.2)).toBe('unreliable');
    expect(reliabilityReading(null)).toBe('undefined');
  });
});
