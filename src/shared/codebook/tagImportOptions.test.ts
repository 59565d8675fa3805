import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../model/model';
import { importedTagChoice } from './tagImportOptions';

describe('importedTagChoice', () => {
  it('maps, creates or leaves out a tag name, ignoring case and spaces', () => {
    expect(importedTagChoice(' Person ', DEFAULT_CODEBOOK, { tagMap: { person: 'source' } })).toEqual({ kind: 'mapped', tagId: 'source' });
    expect(importedTagChoice('Person', DEFAULT_CODEBOOK, { createTags: ['PERSON'] })).toEqual({ kind: 'create' });
    expect(importedTagChoice('Person', DEFAULT_CODEBOOK, { createTags: ['Place'] })).toEqual({ kind: 'leave-out' });
    expect(importedTagChoice('Person', DEFAULT_CODEBOOK, { createTags: true })).toEqual({ kind: 'create' });
  });

  it('does not map onto a tag the codebook lacks', () => {
    expect(importedTagChoice('Person', DEFAULT_CODEBOOK, { tagMap: { Person: 'nope' } })).toEqual({ kind: 'leave-out' });
  });
});
