import { describe, expect, it } from 'vitest';
import { checkCodebook } from './checkCodebook';
import { DEFAULT_CODEBOOK, type Tag } from '../model/model';

const defaults = (): Tag[] => structuredClone(DEFAULT_CODEBOOK) as Tag[];
const withTag = (patch: Partial<Tag>, at = 0): Tag[] => defaults().map((t, i) => (i === at ? { ...t, ...patch } : t));

describe('checkCodebook', () => {
  it('accepts the default codebook', () => {
    expect(checkCodebook(DEFAULT_CODEBOOK)).toBeNull();
  });

  it('needs at least one tag', () => {
    expect(checkCodebook([])).toBe('The codebook needs at least one tag.');
  });

  it('refuses repeated ids, names (case ignored) and keys, naming them', () => {
    expect(checkCodebook(withTag({ id: 'quote' }))).toBe('Two tags have the id "quote".');
    expect(checkCodebook(withTag({ name: ' quote ' }))).toBe('Two tags are named "Quote".');
    expect(checkCodebook(withTag({ key: 2 }))).toBe('"Claim" and "Quote" both have the key 2.');
  });

  it('allows several tags without a key', () => {
    expect(checkCodebook(defaults().map((t) => ({ ...t, key: null })))).toBeNull();
  });

  it('refuses blank names, bad colours and keys outside 1–9', () => {
    expect(checkCodebook(withTag({ name: '  ' }))).toBe('Tag 1 has no name.');
    expect(checkCodebook(withTag({ color: 'red' }))).toBe('The tag "Claim" has the colour "red"; colours are written #rrggbb.');
    expect(checkCodebook(withTag({ key: 0 }))).toBe('The tag "Claim" has the key 0; keys are 1 to 9, or none.');
    expect(checkCodebook(withTag({ key: 10 }))).toMatch(/keys are 1 to 9/);
  });

  it('checks attributes: unique ids and names, choices with distinct options', () => {
    const attr = (patch: Partial<Tag['attributes'][number]>) => ({ id: 'a', name: 'A', type: 'text' as const, options: [], ...patch });
    expect(checkCodebook(withTag({ attributes: [attr({}), attr({ name: 'B' })] }))).toBe('Two attributes of "Claim" have the id "a".');
    expect(checkCodebook(withTag({ attributes: [attr({}), attr({ id: 'b', name: 'a' })] }))).toBe('Two attributes of "Claim" are named "a".');
    expect(checkCodebook(withTag({ attributes: [attr({ type: 'choice' })] }))).toBe(
      'The attribute "A" of "Claim" is a choice but offers no options.',
    );
    expect(checkCodebook(withTag({ attributes: [attr({ type: 'choice', options: ['x', ' x'] })] }))).toBe(
      'The attribute "A" of "Claim" offers "x" twice.',
    );
    expect(checkCodebook(withTag({ attributes: [attr({ name: ' ' })] }))).toBe('An attribute of "Claim" has no name.');
    expect(checkCodebook(withTag({ attributes: [attr({ type: 'number' })] }))).toBeNull();
  });
});
