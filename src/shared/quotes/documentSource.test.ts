import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { documentIssuedAt } from './documentSource';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('documentSource', () => {
  it('credits a document to the issuer named with it', () => {
    expect(speakers('As a Homeland Security memo put it, “the threat is evolving faster than our defenses.”')).toEqual(['Homeland Security']);
    expect(speakers('A Pentagon report concluded that the program was “a costly failure.”')).toEqual(['Pentagon']);
  });

  it('credits "the statement" to the one the article said issued it', () => {
    expect(speakers('The Kremlin issued a statement late on Friday. According to the statement, “the talks were frank.”')).toEqual(['Kremlin']);
    expect(speakers('Donald Trumble issued a statement on Monday. The statement said Clinton was “a liar.”')).toEqual(['Donald Trumble']);
  });

  it('credits no one when the document’s issuer is not given, rather than a person named before', () => {
    expect(speakers('Tom Hale criticised the report. “It is wrong,” the report said.')).toEqual([null]);
  });

  it('credits "It read: “…”" to no one: a notice reads, not the organisation named before', () => {
    expect(speakers('The notice was posted on the door of City Hall. It read: “Closed until further notice.”')).toEqual([null]);
    expect(speakers('The Kremlin issued a statement. It said: “The talks were useful.”')).toEqual(['Kremlin']);
  });

  it('finds where a document was issued, and nothing for one only mentioned', () => {
    const text = 'The Kremlin issued a statement late on Friday. According to the statement';
    expect(documentIssuedAt(text, 'statement', text.lastIndexOf('statement'))).toBe(text.indexOf('issued'));
    const other = 'Tom Hale criticised the statement. According to the statement';
    expect(documentIssuedAt(other, 'statement', other.lastIndexOf('statement'))).toBe(-1);
  });
});
