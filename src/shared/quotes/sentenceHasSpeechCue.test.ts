import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './findQuoteSpans';
import { sentenceHasSpeechCue } from './sentenceHasSpeechCue';

/** Whether the sentence around the quote holding `word` has a speech cue. */
const cued = (text: string, word: string) => sentenceHasSpeechCue(text, findQuoteSpans(text).find((q) => text.slice(q.start, q.end).includes(word))!);

describe('sentenceHasSpeechCue', () => {
  it('finds speech, opinion and naming verbs and nouns for words around the quote', () => {
    expect(cued('The senator, who says the deal is “disastrous,” left.', 'disastrous')).toBe(true);
    expect(cued('Reformers have long seen the fund as a “lifeboat” for the party.', 'lifeboat')).toBe(true);
    expect(cued('Few liked the term “pivot” in the memo.', 'pivot')).toBe(true);
    expect(cued('The report was, according to the board, “incomplete.”', 'incomplete')).toBe(true);
  });

  it('finds none around a label or a scare quote', () => {
    expect(cued('He crushed the party’s “establishment” candidate in May.', 'establishment')).toBe(false);
    expect(cued('Through this “night vision” I began to see more.', 'night')).toBe(false);
  });

  it('stops at the sentence ends: the quote’s own words and the next sentence do not count', () => {
    expect(cued('There will be plenty of “moaning.” Only then will he say it.', 'moaning')).toBe(false);
    expect(cued('She told the crowd. The “unity” lunch came next.', 'unity')).toBe(false);
    expect(cued('The “said and done” plan failed.', 'said')).toBe(false);
  });
});
