import { describe, expect, it } from 'vitest';
import type { DetectedQuote } from '../quotes/detectQuotes';
import { quoteSuggestions } from './quoteSuggestions';

/** A detected quote over `exact`, with speaker/cue spans found by their words in the text. */
function quote(text: string, exact: string, speaker: string | null, cue: string | null, speakerAt?: number): DetectedQuote {
  const start = text.indexOf(exact);
  const speakerStart = speaker === null ? -1 : text.indexOf(speaker, speakerAt ?? 0);
  const cueStart = cue === null ? -1 : text.indexOf(cue, Math.max(0, speakerStart));
  return {
    start,
    end: start + exact.length,
    exact,
    speaker,
    cue,
    speakerSpan: speakerStart < 0 ? null : { start: speakerStart, end: speakerStart + speaker!.length },
    cueSpan: cueStart < 0 ? null : { start: cueStart, end: cueStart + cue!.length },
  };
}

describe('quoteSuggestions', () => {
  it('suggests the quote and a source covering speaker and cue together', () => {
    const text = 'Mr Smith told Reuters: “We will win this.”';
    const { suggestions } = quoteSuggestions('a', text, [quote(text, 'We will win this.', 'Mr Smith', 'told Reuters')]);
    expect(suggestions).toEqual([
      { id: 'source:0:21', articleId: 'a', tagId: 'source', start: 0, end: 21, exact: 'Mr Smith told Reuters', speaker: 'Mr Smith', cue: 'told Reuters', credits: 'quote:24:41' },
      { id: 'quote:24:41', articleId: 'a', tagId: 'quote', start: 24, end: 41, exact: 'We will win this.', speaker: 'Mr Smith', cue: 'told Reuters', credits: null },
    ]);
  });

  it('takes the cue alone when the speaker is in an earlier sentence or too far away', () => {
    const earlier = 'He arrived late. Then, “it is over,” he said.';
    const inherited = quote(earlier, 'it is over,', 'He', 'said');
    const source = quoteSuggestions('a', earlier, [inherited]).suggestions.find((s) => s.tagId === 'source');
    expect(source?.exact).toBe('said');

    const far = `Ms Lee, ${'who has spoken about this on many occasions over the past several years in public, '.repeat(1)}said “no”.`;
    const farSource = quoteSuggestions('a', far, [quote(far, 'no', 'Ms Lee', 'said')]).suggestions.find((s) => s.tagId === 'source');
    expect(farSource?.exact).toBe('said');
  });

  it('does not stretch the source over the quote it credits', () => {
    const text = 'Ms Lee, “we are ready”, said.';
    const source = quoteSuggestions('a', text, [quote(text, 'we are ready', 'Ms Lee', 'said')]).suggestions.find((s) => s.tagId === 'source');
    expect(source?.exact).toBe('said');
  });

  it('suggests one attribution shared by two quotes once, crediting the first', () => {
    const text = '“First part,” she said. “Second part.”';
    const first = quote(text, 'First part,', 'she', 'said');
    const second = { ...quote(text, 'Second part.', null, null), speaker: first.speaker, cue: first.cue, speakerSpan: first.speakerSpan, cueSpan: first.cueSpan };
    const { suggestions, creditedQuotes } = quoteSuggestions('a', text, [first, second]);
    const sources = suggestions.filter((s) => s.tagId === 'source');
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ exact: 'she said', credits: `quote:${first.start}:${first.end}` });
    expect(creditedQuotes.get(sources[0]!.id)).toEqual([`quote:${first.start}:${first.end}`, `quote:${second.start}:${second.end}`]);
  });

  it('suggests only the quote when nobody is credited', () => {
    const text = 'Signs read “never again” everywhere.';
    const { suggestions } = quoteSuggestions('a', text, [quote(text, 'never again', null, null)]);
    expect(suggestions.map((s) => s.id)).toEqual(['quote:12:23']);
  });
});
