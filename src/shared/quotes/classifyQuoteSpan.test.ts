import { describe, expect, it } from 'vitest';
import { classifyQuoteSpan, type QuoteUse } from './classifyQuoteSpan';
import { findQuoteSpans } from './findQuoteSpans';

/** The use of the first quote in `text`. */
function useOf(text: string, credited = false, cued = false): QuoteUse {
  const [span] = findQuoteSpans(text);
  return classifyQuoteSpan(text, { ...span!, credited, cued });
}

describe('classifyQuoteSpan', () => {
  it('takes a title-case phrase inside a sentence for a title or a name', () => {
    expect(useOf('She appeared on the show “Morning at the Lake” twice.')).toBe('title');
    expect(useOf('The group backed the “Clean Rivers Initiative” last year.')).toBe('title');
  });

  it('keeps title case that opens a sentence, asks or exclaims, or is cued by a speech verb', () => {
    expect(useOf('“Never Again,” she said.', true, true)).toBe('speech');
    expect(useOf('He turned to me. “Mr. Adams, Are You Ready?”')).toBe('speech');
    expect(useOf('The crowd chanted “Lock Them Up!” all night.')).toBe('speech');
  });

  it('keeps quotes inside a headline written in title case', () => {
    expect(useOf('Mayor Calls Rival ‘A Total Disgrace’ At Rally')).toBe('speech');
  });

  it('takes “…,” by NAME for the title of an article', () => {
    expect(useOf('Read: “Why the river flooded again,” by Jane Roe.')).toBe('title');
  });

  it('marks one- or two-word quotes no one is credited with as scare quotes', () => {
    expect(useOf('The so-called “experts” disagreed.')).toBe('scare');
    expect(useOf('She called the plan “reckless” on Monday.', true)).toBe('speech');
  });

  it('takes attribute values, handles and ids for markup', () => {
    expect(useOf('<tweet id="750366792434978816" author="@someone">Hi</tweet>')).toBe('markup');
    expect(useOf('<tweet author="@someone">Hi</tweet>')).toBe('markup');
  });

  it('keeps ordinary speech', () => {
    expect(useOf('“We will rebuild the bridge before winter,” the mayor said.', true, true)).toBe('speech');
  });
});
