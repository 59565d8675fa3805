import { describe, expect, it } from 'vitest';
import { classifyQuoteSpan, type QuoteUse } from './classifyQuoteSpan';
import { findQuoteSpans } from './findQuoteSpans';

/** The use of the first quote in `text`. */
function useOf(text: string, credited = false, cued = false): QuoteUse {
  const [span] = findQuoteSpans(text);
  return classifyQuoteSpan(text, { ...span!, credited, cued });
}

/** The use of the quote holding `word`. */
function useAt(text: string, word: string, credited = false, cued = false): QuoteUse {
  const span = findQuoteSpans(text).find((q) => text.slice(q.start, q.end).includes(word));
  return classifyQuoteSpan(text, { ...span!, credited, cued });
}

describe('classifyQuoteSpan', () => {
  it('takes a show named by its channel for a title, even when a speech verb is near', () => {
    expect(useOf('Lamb said on KTVB’s “Evening Edition” that he would run.', true, true)).toBe('title');
    expect(useOf('Harlan said on XYZ’s “Today.”', true, true)).toBe('title');
  });

  it('takes a nickname inside a name, a button label, a dated slogan and a book by its author for no speech', () => {
    expect(useOf('The campaign sent Gov. R.J. “Buddy” Harlan to the rally.')).toBe('title');
    expect(useOf('To subscribe, click “sign up” below.')).toBe('markup');
    expect(useOf('The party’s posters read “No to open borders” (2009) and worse.')).toBe('title');
    expect(useOf('According to “Rivers of Iron: The Harlan Years” by Ann Lamb, he left early.')).toBe('title');
  });

  it('takes a short heading line between paragraphs for no speech, but not a quote paragraph carrying on', () => {
    const text = 'The plan failed, critics said.\n\nA ‘$25 billion mistake’?\n\nWhen the doors opened, the crowd cheered.';
    expect(useAt(text, 'billion')).toBe('title');
    const single = 'It was hard, she said.\n\n‘A change warrior.’\n\nShe was fired in 2005.';
    expect(useAt(single, 'warrior')).toBe('title');
    const carried = '“We lost,” Tom Reiner told reporters.\n\n“So the best way we do it is to win. Game over.”\n\nOthers disagree.';
    expect(useAt(carried, 'Game over')).toBe('speech');
  });

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

  it('keeps a short quote no one is credited with as speech when its sentence speaks of words said', () => {
    expect(useOf('Critics who called the plan “reckless” were not named.')).toBe('speech');
    expect(useOf('The phrase “tax reform” came up once.')).toBe('speech');
    expect(useOf('He won the “establishment” vote in May.')).toBe('scare');
  });

  it('takes a hashtag in marks for a named thing, not speech', () => {
    expect(useOf('Ann Marsh posted a photo of a sign that read “#BringBackOurGirls”.', true, true)).toBe('title');
  });

  it('takes attribute values, handles and ids for markup', () => {
    expect(useOf('<tweet id="750366792434978816" author="@someone">Hi</tweet>')).toBe('markup');
    expect(useOf('<tweet author="@someone">Hi</tweet>')).toBe('markup');
  });

  it('keeps ordinary speech', () => {
    expect(useOf('“We will rebuild the bridge before winter,” the mayor said.', true, true)).toBe('speech');
  });

  it('takes page furniture, link text, serial parts, long book titles and bylined headlines for no speech', () => {
    expect(useOf('Wages rose again.\n“Related:” Three towns vote on the levy.')).toBe('markup');
    expect(useOf('See <a href="https://example.org/x">A Rally in Tulsa “Anger is palpable” (with photos)</a>.')).toBe('markup');
    expect(useOf('Excerpt: Ann Lamb’s ‘Harbour Lights,’ Part 2. Editor’s note follows.')).toBe('title');
    expect(useOf('The meeting is told in Ed Roe’s book “Overreach: Ann Lamb’s High-Stakes Battle for the Soul of Harbour Mills.” It ran long.', true)).toBe('title');
    expect(useOf('SHORT READS: “‘River’ star refused to change the ending,” by the Daily Courier’s Amy Stone.')).toBe('title');
    expect(useOf('STAGE BEAT: “Ann Lamb is leaving ‘Harbour,’” by Courier’s Ed Roe.')).toBe('title');
  });

  it('still reads a quote followed by “by” and an agent as speech', () => {
    expect(useAt('He called it an error reported in a “hit piece” by The Daily Courier.', 'hit piece', true)).toBe('speech');
  });

  it('takes a term glued to a suffix (“moan”-worthy) for no speech', () => {
    expect(useOf('A browse through “moan”-worthy headlines shows it.', true)).toBe('title');
  });

  it('takes a short single-quoted term in the headline lines, credited to no one, for a title', () => {
    expect(useOf('Harbour a ‘newcomer’ in the race;\nResidents cite jobs\n\nThe town has grown fast since the mill reopened and more.')).toBe('title');
    expect(useOf('Harbour a ‘newcomer’ in the race;\nResidents cite jobs', true)).toBe('speech');
    const body = 'Wages rose.\nThe mill reopened.\nThe mayor spoke at length about the mill, the port and the new school, all of which matter.\nHarbour is a ‘newcomer’ here.';
    expect(useAt(body, 'newcomer')).toBe('scare');
  });

  it('takes a newspaper in German marks told after its speaker for a title, not for speech', () => {
    const text = '„Wir bleiben“, sagte Karl Brandt der „Nordwest Zeitung“.';
    expect(useAt(text, 'Nordwest', true, true)).toBe('title');
    expect(useAt(text, 'bleiben', true, true)).toBe('speech');
  });
});

