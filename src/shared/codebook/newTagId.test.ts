import { describe, expect, it } from 'vitest';
import { newTagId } from './newTagId';

describe('newTagId', () => {
  it('makes a readable id from the name', () => {
    expect(newTagId('  Número de víctimas! ', [])).toBe('numero-de-victimas');
  });
  it('avoids the ids taken', () => {
    expect(newTagId('Claim', ['claim', 'claim-2'])).toBe('claim-3');
  });
  it('falls back when the name has no letters or digits', () => {
    expect(newTagId('¿?', [], 'attribute')).toBe('attribute');
  });
});
