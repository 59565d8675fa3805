import { describe, expect, it } from 'vitest';
import { foldName, speakerMatcher } from './speakerFilter';

const entities = [
  { id: 'boris-bondarev', name: 'Boris Bondarev', aliases: ['Bondarev', 'Mr Bondarev', 'the diplomat'] },
  { id: 'reuters', name: 'Reuters', aliases: [] },
  { id: 'jose-pena', name: 'José Peña', aliases: [] },
];
const bondarev = { id: 'boris-bondarev', name: 'Boris Bondarev' };

describe('speakerMatcher', () => {
  it('finds the rows credited to an entity by any of its names, whatever the coder typed', () => {
    for (const typed of ['Mr Bondarev', 'bondarev', 'THE DIPLOMAT', 'boris']) expect(speakerMatcher(typed, entities)(bondarev)).toBe(true);
    expect(speakerMatcher('reuters', entities)(bondarev)).toBe(false);
    expect(speakerMatcher('the diplomat', entities)({ id: 'reuters', name: 'Reuters' })).toBe(false);
  });

  it('compares without case or accents, and without the index falls back to the row’s name', () => {
    expect(speakerMatcher('jose pena', entities)({ id: 'jose-pena', name: 'José Peña' })).toBe(true);
    expect(speakerMatcher('bondarev')(bondarev)).toBe(true);
    expect(speakerMatcher('the diplomat')(bondarev)).toBe(false);
  });

  it('an empty filter lets every row through; a filter never matches a row that credits no one', () => {
    expect(speakerMatcher('  ', entities)(null)).toBe(true);
    expect(speakerMatcher('bondarev', entities)(null)).toBe(false);
    expect(speakerMatcher('bondarev', entities)(undefined)).toBe(false);
  });

  it('folds names', () => {
    expect(foldName('  Zoë   Ó Briain ')).toBe('zoe o briain');
  });
});
