import { describe, it, expect } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { tagLookup, UNKNOWN_TAG_COLOR } from './tagLookup';

describe('tagLookup', () => {
  it('returns the codebook tag with that id', () => {
    expect(tagLookup(DEFAULT_CODEBOOK, 'quote')).toMatchObject({ name: 'Quote', color: '#5aa9e6', key: 2 });
  });

  it('gives an unknown tag id a grey stand-in named after the id, with no key', () => {
    expect(tagLookup(DEFAULT_CODEBOOK, 'framing')).toEqual({
      id: 'framing',
      name: 'framing',
      color: UNKNOWN_TAG_COLOR,
      key: null,
      description: '',
      attributes: [],
    });
  });
});
