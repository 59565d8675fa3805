import { describe, expect, it } from 'vitest';
import { channelPhrase } from './channelPhrase';

/** The channel phrase of `text` for the cue and speaker written as `cue` and `speaker` (found by their words). */
function phrase(text: string, cue: string, speaker: string | null): { phrase: string; channel: string } | null {
  const at = (words: string): { start: number; end: number } => {
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`${words} not in ${text}`);
    return { start, end: start + words.length };
  };
  const found = channelPhrase(text, at(cue), speaker === null ? null : at(speaker));
  return found && { phrase: text.slice(found.span.start, found.span.end), channel: found.channel };
}

describe('channelPhrase', () => {
  it('reads an opening phrase that names the medium and the outlet', () => {
    expect(phrase('The firm opened in May. In a post on X, Reyes wrote: “We ship next year.”', 'wrote', 'Reyes')).toEqual({ phrase: 'In a post on X', channel: 'X' });
    expect(phrase('In an interview with the BBC, Ms Hale said she would stay.', 'said', 'Ms Hale')).toEqual({ phrase: 'In an interview with the BBC', channel: 'the BBC' });
    expect(phrase('In a statement, the council said: “The road stays shut.”', 'said', 'the council')).toEqual({ phrase: 'In a statement', channel: 'statement' });
  });

  it('reads a clause before or after the verb: reached by phone by an outlet, speaking to one', () => {
    expect(phrase('Reached by phone by the Associated Press, Ms Hale said: “No comment.”', 'said', 'Ms Hale')).toEqual({ phrase: 'Reached by phone by the Associated Press', channel: 'the Associated Press' });
    expect(phrase('Ms Hale, reached by phone by the AP, said: “No comment.”', 'said', 'Ms Hale')).toEqual({ phrase: 'reached by phone by the AP', channel: 'the AP' });
    expect(phrase('“We will stay,” Ms Hale said, speaking to the BBC on Sunday.', 'said', 'Ms Hale')).toEqual({ phrase: 'speaking to the BBC', channel: 'the BBC' });
    expect(phrase('“We will stay,” Ms Hale said, reached by phone.', 'said', 'Ms Hale')).toEqual({ phrase: 'reached by phone', channel: 'phone' });
  });

  it('reads where a statement was posted after the cue', () => {
    expect(phrase('“We will stay,” she said in a statement posted on LinkedIn.', 'said in a statement', 'she')).toEqual({ phrase: 'posted on LinkedIn', channel: 'LinkedIn' });
  });

  it('reads the outlet a French, German, Spanish or Russian verb names after its speaker', () => {
    expect(phrase('« Nous resterons », a déclaré Paul Girard à l’AFP.', 'déclaré', 'Paul Girard')).toEqual({ phrase: 'à l’AFP', channel: 'AFP' });
    expect(phrase('« Nous resterons », a déclaré Paul Girard au quotidien Le Matin.', 'déclaré', 'Paul Girard')).toEqual({ phrase: 'au quotidien Le Matin', channel: 'Le Matin' });
    expect(phrase('„Wir bleiben“, sagte Karl Brandt der „Nordwest Zeitung“.', 'sagte', 'Karl Brandt')).toEqual({ phrase: 'der „Nordwest Zeitung“', channel: 'Nordwest Zeitung' });
    expect(phrase('„Wir bleiben“, sagte Karl Brandt gegenüber der dpa.', 'sagte', 'Karl Brandt')).toEqual({ phrase: 'gegenüber der dpa', channel: 'dpa' });
    expect(phrase('“Nos quedamos”, dijo Luis Pardo a la agencia EFE.', 'dijo', 'Luis Pardo')).toEqual({ phrase: 'a la agencia EFE', channel: 'EFE' });
    expect(phrase('«Мы остаёмся», — заявил Олег Смирнов ТАСС.', 'заявил', 'Олег Смирнов')).toEqual({ phrase: 'ТАСС', channel: 'ТАСС' });
  });

  it('names no channel for a place, an institution or an audience that is no outlet', () => {
    expect(phrase('« Nous resterons », a déclaré Paul Girard à Lyon.', 'déclaré', 'Paul Girard')).toBeNull();
    expect(phrase('„Wir bleiben“, sagte Karl Brandt der Polizei.', 'sagte', 'Karl Brandt')).toBeNull();
    expect(phrase('«Мы остаёмся», — заявил Олег Смирнов журналистам.', 'заявил', 'Олег Смирнов')).toBeNull();
    expect(phrase('“We will stay,” Ms Hale said on a visit to the plant.', 'said', 'Ms Hale')).toBeNull();
    // an English verb: an outlet after it is no Spanish or Russian channel
    expect(phrase('“We will stay,” said a CNN producer.', 'said', null)).toBeNull();
    expect(phrase('Ms Hale said CNN’s ratings “are fine”.', 'said', 'Ms Hale')).toBeNull();
    expect(phrase('In a rare move, Ms Hale said: “We will stay.”', 'said', 'Ms Hale')).toBeNull();
  });

  it('does not look past the sentence or into the quote', () => {
    expect(phrase('In a post on X, the rival mocked her. “We will stay,” Ms Hale said.', 'said', 'Ms Hale')).toBeNull();
    expect(phrase('Ms Hale said: “In a post on X, I said otherwise.”', 'said', 'Ms Hale')).toBeNull();
  });
});
