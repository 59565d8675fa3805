import { describe, expect, it } from 'vitest';
import { detectQuotesWithDetail } from '../../shared/quotes/detectQuotes';
import { speakerWordsOnly } from './readEntityIndex';

describe('speakerWordsOnly', () => {
  it("keeps each quote's speaker words readable through its moved span, and nothing else of the article", () => {
    const filler = 'The talks went on into the night. '.repeat(200);
    const text = `${filler}“We will not sign,” said Boris Bondarev. ${filler}“Never,” she told Reuters. Anna Petrova added: “It is over.”`;
    const quotes = detectQuotesWithDetail(text);
    const said = quotes.filter((q) => q.quote.speakerSpan).map((q) => text.slice(q.quote.speakerSpan!.start, q.quote.speakerSpan!.end));
    expect(said.length).toBeGreaterThanOrEqual(2);

    const kept = speakerWordsOnly(text, quotes);
    expect(kept.quotes.filter((q) => q.quote.speakerSpan).map((q) => kept.text.slice(q.quote.speakerSpan!.start, q.quote.speakerSpan!.end))).toEqual(said);
    expect(kept.text).toBe(said.join(''));
    expect(kept.text.length).toBeLessThan(text.length / 50);
    // The quotes themselves are unchanged: where they are and what they say.
    expect(kept.quotes.map((q) => [q.quote.start, q.quote.end, q.quote.exact, q.quote.speaker])).toEqual(quotes.map((q) => [q.quote.start, q.quote.end, q.quote.exact, q.quote.speaker]));
  });
});
