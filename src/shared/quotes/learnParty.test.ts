import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';
import { partyOfWords } from './learnParty';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('learnParty', () => {
  it('learns a party from a tag, the words before a name and an apposition', () => {
    const people = buildPersonIndex('Rep. Tim Reese (D-Ohio) met Ann Lamb, R-Utah, and Republican nominee Dale Greer. Nora Diaz, a Democrat, came too. Sam Ortiz came.');
    expect(['Reese', 'Lamb', 'Greer', 'Diaz', 'Ortiz'].map((n) => people.entity(n)?.party ?? null)).toEqual(['D', 'R', 'R', 'D', null]);
  });

  it('gives no party to someone the article calls both', () => {
    const people = buildPersonIndex('Tom Hale, a Republican, spoke. Later Democrat Tom Hale spoke again.');
    expect(people.entity('Hale')?.party).toBeNull();
  });

  it('reads the party a description names, and none from other words', () => {
    expect(partyOfWords(['Democratic', 'nominee'])).toBe('D');
    expect(partyOfWords(['Ohio', 'Republican'])).toBe('R');
    expect(partyOfWords(['Vermont', 'senator'])).toBeNull();
  });
});

describe('a party description as a speaker', () => {
  it('does not credit "the Democratic nominee" to the Republican named last', () => {
    expect(speakers('Republican nominee Dale Greer attacked Nora Diaz on Monday. “He is a disaster,” the Democratic nominee said.')).toEqual(['Nora Diaz']);
  });

  it('reads "the Ohio Democrat" as a person described, resolved to a Democrat, not as a name', () => {
    expect(speakers('Rep. Tim Reese, D-Ohio, spoke after Jim Orr. Orr, a Republican, disagreed. “We need jobs,” the Ohio Democrat said.')).toEqual(['Tim Reese']);
    expect(speakers('Rep. Tim Reese, D-Ohio, spoke after Jim Orr (R-Ohio). “We need jobs,” said the Ohio Democrat.')).toEqual(['Tim Reese']);
  });

  it('reads a party word before a noun as a qualifier, not a person ("the Democrat convention committee")', () => {
    expect(speakers('Sen. Tim Reese, D-Ohio, spoke. The Democrat convention committee said: “The platform goes further.”')).toEqual([null]);
  });
});
