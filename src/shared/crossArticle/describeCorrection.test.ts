import { describe, expect, it } from 'vitest';
import { describeCorrection } from './describeCorrection';

describe('describeCorrection', () => {
  it('says each kind of correction in words, naming the entities', () => {
    expect(describeCorrection({ op: 'merge', into: 'boris-bondarev', from: 'bondarev' })).toBe('merge "bondarev" into "boris-bondarev"');
    expect(describeCorrection({ op: 'rename', id: 'bill-browder', name: 'William Browder' })).toBe('rename "bill-browder" to William Browder');
    expect(describeCorrection({ op: 'kind', id: 'reuters', kind: 'outlet' })).toBe('make "reuters" an outlet');
    expect(describeCorrection({ op: 'kind', id: 'nyt', kind: 'person' })).toBe('make "nyt" a person');
    expect(describeCorrection({ op: 'split', id: 'boris-bondarev', alias: 'the diplomat', newId: 'the-diplomat' })).toBe('split "the diplomat" off "boris-bondarev" as "the-diplomat"');
  });
});
