import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { participleContinuesQuote } from './participleAfterQuote';

describe('participleContinuesQuote', () => {
  it('reads a participle right after a quote, with only a comma or "and" between, as going on from it', () => {
    const text = 'She stated, “No,” adding, “Never.”';
    const close = text.indexOf('”') + 1;
    expect(participleContinuesQuote(text, close, 'adding', text.indexOf('adding'))).toBe(true);
    const withAnd = 'She stated, “No,” and adding, “Never.”';
    expect(participleContinuesQuote(withAnd, withAnd.indexOf('”') + 1, 'adding', withAnd.indexOf('adding'))).toBe(true);
  });

  it('does not when a subject or verb of its own comes between, or the cue is no participle', () => {
    const text = 'She stated, “No,” Tom Reese said, adding, “Never.”';
    expect(participleContinuesQuote(text, text.indexOf('”') + 1, 'adding', text.indexOf('adding'))).toBe(false);
    const finite = 'She stated, “No,” he added, “Never.”';
    expect(participleContinuesQuote(finite, finite.indexOf('”') + 1, 'added', finite.indexOf('added'))).toBe(false);
  });

  it('credits the second quote of “X stated, “…,” adding, “…”” to X, not to a man named in the sentence before', () => {
    const text = 'Dana Whitfield defended the plan on Monday. Tom Reese, the mayor, objected at the meeting.\n\nOn the radio the day before, she stated, “We have no other choice,” adding, “Nothing else would pass the council.”';
    expect(detectQuotes(text).map((q) => [q.speaker, q.cue])).toEqual([
      ['Dana Whitfield', 'stated'],
      ['Dana Whitfield', 'adding'],
    ]);
  });
});
