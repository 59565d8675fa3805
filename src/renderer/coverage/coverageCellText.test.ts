import { describe, expect, it } from 'vitest';
import { creditText, driftText } from './coverageCellText';

const drift = { reference: false, added: 0, dropped: 0, changed: 0, fragment: false, translated: false };

describe('driftText', () => {
  it('names the reference, a fragment, a translation and an unchanged wording', () => {
    expect(driftText({ ...drift, reference: true })).toBe('Reference');
    expect(driftText({ ...drift, fragment: true, dropped: 1 })).toBe('Fragment, 1 word dropped');
    expect(driftText({ ...drift, fragment: true, dropped: 4 })).toBe('Fragment, 4 words dropped');
    expect(driftText({ ...drift, translated: true, changed: 9 })).toBe('Likely translated');
    expect(driftText(drift)).toBe('Same wording');
  });

  it('counts the words changed, added and dropped, leaving out the zeros', () => {
    expect(driftText({ ...drift, changed: 2, dropped: 1 })).toBe('2 changed, 1 dropped');
    expect(driftText({ ...drift, added: 3 })).toBe('3 added');
  });

  it('says nothing when the matrix has no drift', () => {
    expect(driftText(undefined)).toBeNull();
  });
});

describe('creditText', () => {
  it('gives the speaker and the channel', () => {
    expect(creditText({ speaker: 'Boris Bondarev', channel: 'Reuters', creditedTo: 'Mr Bondarev told Reuters' })).toBe('Boris Bondarev · Reuters');
    expect(creditText({ speaker: null, channel: 'the AP', creditedTo: null })).toBe('the AP');
  });

  it('falls back to the linked Source, and is null without any credit', () => {
    expect(creditText({ speaker: null, channel: null, creditedTo: 'a spokesman' })).toBe('a spokesman');
    expect(creditText({ speaker: ' ', channel: undefined, creditedTo: null })).toBeNull();
  });

  it('names a speaker who is also the channel once', () => {
    expect(creditText({ speaker: 'Reuters', channel: 'reuters', creditedTo: null })).toBe('Reuters');
  });
});
