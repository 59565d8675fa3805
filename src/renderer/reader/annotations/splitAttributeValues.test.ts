import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../shared/model/model';
import { splitAttributeValues } from './splitAttributeValues';

const quote = DEFAULT_CODEBOOK[1]!;

describe('splitAttributeValues', () => {
  it('keeps the values the tag accepts, in its order', () => {
    expect(splitAttributeValues(quote, { form: 'direct', speaker: 'Ana' })).toEqual({ valid: { speaker: 'Ana', form: 'direct' }, stale: [] });
  });
  it('sets apart values of attributes the tag dropped or no longer accepts', () => {
    const narrowed = { ...quote, attributes: [{ id: 'form', name: 'Form', type: 'choice' as const, options: ['direct'] }] };
    expect(splitAttributeValues(narrowed, { form: 'indirect', speaker: 'Ana' })).toEqual({
      valid: {},
      stale: [
        ['form', 'indirect'],
        ['speaker', 'Ana'],
      ],
    });
  });
});
