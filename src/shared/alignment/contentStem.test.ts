import { describe, expect, it } from 'vitest';
import { contentStem } from './contentStem';

describe('contentStem', () => {
  it('has no stem for function words', () => {
    expect(['the', 'have', 'so', 'of', 'my', "it's"].map(contentStem)).toEqual([null, null, null, null, null, null]);
  });

  it('drops plural and possessive endings so forms of a word match', () => {
    expect(contentStem('years')).toBe(contentStem('year'));
    expect(contentStem("russia's")).toBe('russia');
    expect(contentStem('ashamed')).toBe('ashamed');
    expect(contentStem('never')).toBe('never');
  });

  it('leaves short words and double-s endings alone', () => {
    expect(contentStem('bus')).toBe('bus');
    expect(contentStem('press')).toBe('press');
  });
});
