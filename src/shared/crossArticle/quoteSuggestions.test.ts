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
  it('suggests the quote and a source covering speaker and cue together, with the detected attributes', () => {
    const text = 'Mr Smith told Reuters: “We will win this.”';
    const { suggestions } = quoteSuggestions('a', text, [quote(text, 'We will win this.', 'Mr Smith', 'told Reuters')]);
    expect(suggestions).toEqual([
      {
        id: 'source:0:21', articleId: 'a', tagId: 'source', start: 0, end: 21, exact: 'Mr Smith told Reuters', speaker: 'Mr Smith', cue: 'told Reuters',
        credits: 'quote:24:41', attributes: { name: 'Mr Smith' }, why: null,
      },
      {
        id: 'quote:24:41', articleId: 'a', tagId: 'quote', start: 24, end: 41, exact: 'We will win this.', speaker: 'Mr Smith', cue: 'told Reuters',
        credits: null, attributes: { form: 'direct', speaker: 'Mr Smith' }, why: null, speech: true,
      },
    ]);
  });

  it('never suggests a bare verb or pronoun as the source: the named speaker instead', () => {
    const far = `Ms Lee, ${'who has spoken about this on many occasions over the past several years in public, '}said “no”.`;
    const farSource = quoteSuggestions('a', far, [quote(far, 'no', 'Ms Lee', 'said')]).suggestions.find((s) => s.tagId === 'source');
    expect(farSource?.exact).toBe('Ms Lee');

    // "he" two sentences after the person is named: the source is the named mention, the suggestion says why.
    const text = 'Tom Reiner spoke first. The hall was full. Then, “it is over,” he said.';
    const q = { ...quote(text, 'it is over,', 'he', 'said'), speaker: 'Tom Reiner' };
    q.speakerSpan = { start: text.indexOf('he said'), end: text.indexOf('he said') + 2 };
    q.cueSpan = { start: text.indexOf('said'), end: text.indexOf('said') + 4 };
    const detail = { how: 'attribution' as const, evidence: { start: 0, end: 10 }, confidence: 0.75, use: 'speech' as const };
    const { suggestions } = quoteSuggestions('a', text, [q], [detail]);
    const source = suggestions.find((s) => s.tagId === 'source')!;
    expect(source).toMatchObject({ exact: 'Tom Reiner', speaker: 'Tom Reiner', attributes: { name: 'Tom Reiner' } });
    expect(source.why).toBe('‘he’ → Tom Reiner, named two sentences earlier');

    const unresolved = 'He arrived late. Then, “it is over,” he said.';
    const none = quoteSuggestions('a', unresolved, [quote(unresolved, 'it is over,', 'He', 'said')]).suggestions.find((s) => s.tagId === 'source');
    expect(none).toBeUndefined();
  });

  it('does not stretch the source over the quote it credits', () => {
    const text = 'Ms Lee, “we are ready”, said.';
    const source = quoteSuggestions('a', text, [quote(text, 'we are ready', 'Ms Lee', 'said')]).suggestions.find((s) => s.tagId === 'source');
    expect(source?.exact).toBe('Ms Lee');
  });

  it('leaves titles and markup out and marks scare quotes as likely not speech', () => {
    const text = 'She likes “Morning at the Lake” and calls it “fun”.';
    const title = quote(text, 'Morning at the Lake', null, null);
    const scare = quote(text, 'fun', null, null);
    const details = [
      { how: 'none' as const, evidence: null, confidence: 0, use: 'title' as const },
      { how: 'none' as const, evidence: null, confidence: 0, use: 'scare' as const },
    ];
    const { suggestions } = quoteSuggestions('a', text, [title, scare], details);
    expect(suggestions.map((s) => [s.exact, s.speech])).toEqual([['fun', false]]);
  });

  it('keeps the channel as how the source was reached', () => {
    const text = 'Ms Lee wrote in an email: “We are ready.”';
    const { suggestions } = quoteSuggestions('a', text, [quote(text, 'We are ready.', 'Ms Lee', 'wrote in an email')]);
    expect(suggestions.find((s) => s.tagId === 'source')?.attributes).toEqual({ name: 'Ms Lee', reached: 'email' });
  });

  it('suggests one attribution shared by two quotes once, crediting the first', () => {
    const text = '“First part,” Ms Lee said. “Second part.”';
    const first = quote(text, 'First part,', 'Ms Lee', 'said');
    const second = { ...quote(text, 'Second part.', null, null), speaker: first.speaker, cue: first.cue, speakerSpan: first.speakerSpan, cueSpan: first.cueSpan };
    const { suggestions, creditedQuotes } = quoteSuggestions('a', text, [first, second]);
    const sources = suggestions.filter((s) => s.tagId === 'source');
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ exact: 'Ms Lee said', credits: `quote:${first.start}:${first.end}` });
    expect(creditedQuotes.get(sources[0]!.id)).toEqual([`quote:${first.start}:${first.end}`, `quote:${second.start}:${second.end}`]);
  });

  it('makes one Source of one mention of a speaker: a bare name and the name with its verb overlap, so they become one span crediting both quotes', () => {
    const text = 'Strike “a disgrace” The head said. Ms Lee said she was “never so proud”.';
    const headline = quote(text, 'a disgrace', 'Ms Lee', null);
    const body = quote(text, 'never so proud', 'Ms Lee', 'said');
    const { suggestions, creditedQuotes } = quoteSuggestions('a', text, [headline, body]);
    const sources = suggestions.filter((s) => s.tagId === 'source');
    expect(sources.map((s) => s.exact)).toEqual(['Ms Lee said']);
    expect(creditedQuotes.get(sources[0]!.id)).toEqual([`quote:${headline.start}:${headline.end}`, `quote:${body.start}:${body.end}`]);
  });

  it('suggests only the quote when nobody is credited', () => {
    const text = 'Signs read “never again” everywhere.';
    const { suggestions } = quoteSuggestions('a', text, [quote(text, 'never again', null, null)]);
    expect(suggestions.map((s) => s.id)).toEqual(['quote:12:23']);
  });

  it('marks the phrase naming the channel with the speaker and the cue, and reads how the source was reached from it', () => {
    const text = 'The firm opened in May. In a post on X, Tom Reyes wrote: “We ship next year.”';
    const q = { ...quote(text, 'We ship next year.', 'Tom Reyes', 'wrote'), channel: 'X', channelSpan: { start: text.indexOf('In a post'), end: text.indexOf(', Tom') } };
    const source = quoteSuggestions('a', text, [q]).suggestions.find((s) => s.tagId === 'source');
    expect(source).toMatchObject({ exact: 'In a post on X, Tom Reyes wrote', attributes: { name: 'Tom Reyes', reached: 'social post' } });

    const phoned = 'Ms Hale, reached by phone by the AP, said: “No comment.”';
    const p = { ...quote(phoned, 'No comment.', 'Ms Hale', 'said'), channel: 'the AP', channelSpan: { start: phoned.indexOf('reached'), end: phoned.indexOf(', said') } };
    const phonedSource = quoteSuggestions('a', phoned, [p]).suggestions.find((s) => s.tagId === 'source');
    expect(phonedSource).toMatchObject({ exact: 'Ms Hale, reached by phone by the AP, said', attributes: { name: 'Ms Hale', reached: 'phone' } });
  });
});

