import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

describe('detectQuotes', () => {
  it('reports each quote with its exact text, offsets, speaker and cue', () => {
    const text = 'Boris Bondarev resigned.\n“We are done,” he said.';
    const [quote] = detectQuotes(text);
    expect(quote).toEqual({
      start: 26,
      end: 37,
      exact: 'We are done',
      speaker: 'Boris Bondarev',
      cue: 'said',
      speakerSpan: { start: 40, end: 42 },
      cueSpan: { start: 43, end: 47 },
      channel: null,
      channelSpan: null,
    });
    expect(text.slice(quote!.start, quote!.end)).toBe(quote!.exact);
  });

  it('credits a quote to the verb before it, not to a participle after it ("X said, “…,” adding …")', () => {
    const text = 'Ed Marlow spoke to Jane Tull on Monday. Later Mr. Marlow said of the vote, “I don’t like it,” adding that it was rushed.';
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Ed Marlow', cue: 'said' });
  });

  it('credits “his comment Monday that “…,” refusing to admit …” to the possessor, not to a speaker before', () => {
    const text = 'Mayor Anna Holt spoke first. “We are done,” Holt said.\n\nAs the debate went on and Tom Reyes stood by his comment Monday that “farmers come first,” refusing to admit that not all farmers agree, Holt again tried to rebuke him.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Anna Holt', 'Tom Reyes']);
  });

  it('credits a quote opening a sentence right after a person’s action in its paragraph to that person (“The judge turned to me. “…””)', () => {
    expect(detectQuotes('Judge Richard Bell heard the case. The judge then turned to me. “Mr. Ruiz?”')[0]).toMatchObject({ speaker: 'Richard Bell', cue: null });
    expect(detectQuotes('Tom Ruiz lost the vote. He stood up slowly. “It is over.”')[0]?.speaker).toBe('Tom Ruiz');
  });

  it('leaves such a quote without a speaker when the sentence before has no person as subject, or a quote before speaks for someone unnamed', () => {
    expect(detectQuotes('Tom Ruiz lost the vote. The crowd went home. “It is over.”')[0]?.speaker ?? null).toBeNull();
    const text = 'Tom Ruiz spoke at noon.\n\n“He is old news,” said a longtime adviser to Ruiz, who declined to be named. “He does not know the new media.”';
    expect(detectQuotes(text).map((q) => q.speaker ?? null)).toEqual([null, null]);
  });

  it('keeps the speaker of the quotes before for "she replied" when another woman is only mentioned', () => {
    const text = 'Susan Hale backs the plan.\n\n“It is overdue,” she said.\n\nAsked about her vote in the event that Mary Lund runs, she replied: “I don’t know.”';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Susan Hale', 'Susan Hale']);
  });

  it('credits a quote that ends its sentence to a name and speech verb opening the next, however long', () => {
    const text = 'The hall was packed. “Perpetual motion!” Rep. Dale Harlan, R-Ohio, said of the swirl of parties that kept delegates busy all week.';
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Dale Harlan' });
  });

  it('leaves a quote without a speaker rather than credit a capitalised word that names no one', () => {
    const text = 'Contrast that with the senators, who called the pact “insanity” last year.';
    expect(detectQuotes(text)[0]!.speaker).toBeNull();
  });

  it('credits a quote after a colon to the name right before it', () => {
    const text = 'Pollsters under fire - Pollwatch: “Turnout models failed.”';
    expect(detectQuotes(text)[0]!.speaker).toBe('Pollwatch');
  });

  it('credits a quote paragraph after a paragraph that ends with a colon to that paragraph\'s speaker', () => {
    const text = 'The attack shocked the city.\n\nIn response, Republican presidential nominee Tom Reiner issued the following statement:\n\n“Our prayers are with all those affected.”';
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Tom Reiner' });
    const verb = 'The Daily Ledger made these claims in May, and the Harlan Institute responded:\n\n“The claims are false.”';
    expect(detectQuotes(verb)[0]).toMatchObject({ speaker: 'Harlan Institute', cue: 'responded' });
  });

  it('credits a quote to the name a dash sets off before its colon, not to the verb before the dash', () => {
    const text = 'Analysts agree - Ann Lamb: “Keep contacting voters as late as possible.”';
    expect(detectQuotes(text)[0]!.speaker).toBe('Ann Lamb');
  });

  it('credits a partial quote to the person a descriptive opening names, not to the country in it', () => {
    const text = 'The vote was close. Former US secretary of state Ann Lamb, a party elder, stirred anger over her remark that “some deals are traps.”';
    expect(detectQuotes(text)[0]!.speaker).toBe('Ann Lamb');
  });

  it('gives a follow-on quote in the same paragraph the attribution before it', () => {
    const quotes = detectQuotes('Anna Petrova spoke.\n“I studied law,” she said. “But I simply cannot stay.”');
    expect(quotes.map((q) => [q.exact, q.speaker, q.cue])).toEqual([
      ['I studied law', 'Anna Petrova', 'said'],
      ['But I simply cannot stay.', 'Anna Petrova', 'said'],
    ]);
  });

  it('gives a quote paragraph right after an attributed quote the same attribution', () => {
    const quotes = detectQuotes('“He is a hero,” said Hillel Neuer.\n\n“Others should follow him.”');
    expect(quotes[1]).toMatchObject({ exact: 'Others should follow him.', speaker: 'Hillel Neuer', cue: 'said' });
  });

  it('does not carry an attribution over a paragraph without quotes', () => {
    const quotes = detectQuotes('“He is a hero,” said Hillel Neuer.\nThe ministry was silent.\n“Others should follow him.”');
    expect(quotes[1]).toMatchObject({ speaker: null, cue: null });
  });

  it('reports a quote without attribution with null speaker and cue', () => {
    expect(detectQuotes('The so-called “special operation” went on.')).toEqual([
      { start: 15, end: 32, exact: 'special operation', speaker: null, cue: null, speakerSpan: null, cueSpan: null, channel: null, channelSpan: null },
    ]);
  });

  it('finds nothing in a text without quotes', () => {
    expect(detectQuotes('Russia’s war, the students’ union and rock ’n’ roll.')).toEqual([]);
    expect(detectQuotes('')).toEqual([]);
  });
});

describe('detectQuotes: who said it, the way a reader tells', () => {
  const speakerOf = (text: string, start: string) => detectQuotes(text).find((q) => q.exact.startsWith(start))?.speaker ?? null;

  it('credits the name before a colon, in a headline or after a verb that is no speech verb', () => {
    expect(speakerOf('Dana Moss: ‘We Will Not Back Down’\nThe senator spoke on Monday.', 'We Will')).toBe('Dana Moss');
    expect(speakerOf('The union asked for a ban. Gov. Tom Reiner resisted: “The law does not allow it.”', 'The law')).toBe('Tom Reiner');
  });

  it('credits a headline quote to the headline’s first person, however long the title-case run', () => {
    const text = 'Governor Reiner Calls Tax Plan ‘A Disgrace’ At Town Hall\nGov. Tom Reiner spoke on Monday.';
    expect(speakerOf(text, 'A Disgrace')).toBe('Tom Reiner');
  });

  it('credits a partial quote in narration to the subject of its clause', () => {
    expect(speakerOf('Sen. Maria Kowalski cautioned “let’s not get ahead of ourselves” before the vote.', 'let’s')).toBe('Maria Kowalski');
    expect(speakerOf('Tom Reiner proposed a debate, but the Kowalski campaign rejected the idea as “ludicrous” on Friday.\nMaria Kowalski said nothing.', 'ludicrous')).toBe('Maria Kowalski');
  });

  it('carries the speaker of a sentence with a speech verb to the quote paragraph after it', () => {
    const text = 'Maria Kowalski said on Tuesday that the plan would fail.\n“It cannot work,” she added.\n“Nobody believes in it.”';
    expect(speakerOf(text, 'Nobody')).toBe('Maria Kowalski');
    expect(speakerOf('“We lost.” “We will be back,” said Tom Reiner.', 'We lost')).toBe('Tom Reiner');
  });

  it('reads inverted attributions with role words and appositions with the name between commas', () => {
    expect(speakerOf('“It is over,” said Ridgeway College political scientist Anna Lind.', 'It is over')).toBe('Anna Lind');
    expect(speakerOf('“It is over,” Rep. Dana Moss’s chief of staff, Joe Kasner, told reporters.', 'It is over')).toBe('Joe Kasner');
    expect(speakerOf('“It is over,” Cecilia Marsh, 67, a retired nurse in Dover, Del., said.', 'It is over')).toBe('Cecilia Marsh');
  });

  it('credits organisations and outlets, and “the newspaper” to the outlet named before', () => {
    expect(speakerOf('“Repairs are late,” the Daily Ledger reported.', 'Repairs')).toBe('Daily Ledger');
    expect(speakerOf('The Daily Ledger ran the story first. According to the newspaper, “the bridge was never inspected.”', 'the bridge')).toBe('Daily Ledger');
    expect(speakerOf('“We will appeal,” the ACU said in a statement.', 'We will')).toBe('ACU');
  });

  it('keeps the speaker of the quote for "he says" when another man is only named after "that" in an aside', () => {
    const text = 'Ed Lamb is rich. Lamb’s pollster, Doug Pike, says the mood will turn. “The doubt” — that Lamb is too rich — “will not last,” he says.';
    expect(detectQuotes(text).find((q) => q.exact.startsWith('will not'))?.speaker).toBe('Doug Pike');
  });

  it('credits a quote inside a later sentence of the paragraph to that sentence’s own subject, not the quote before', () => {
    const text =
      'Senator Tom Reiner issued a statement, insisting that the state “must stop the project now.” Meanwhile, Governor Ann Lamb backed the plan, although she made it clear that she has “serious doubts” about its cost.';
    const speakers = detectQuotes(text).map((q) => [q.exact.slice(0, 12), q.speaker]);
    expect(speakers).toEqual([
      ['must stop th', 'Tom Reiner'],
      ['serious doub', 'Ann Lamb'],
    ]);
  });

  it('credits a partial quote to the "he" of its clause when no name opens the sentence', () => {
    const text = 'Tom Reiner, a teacher, said he knows the town well.\n\nThat is why he wanted to “go an extra step” for it.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Tom Reiner');
  });

  it('does not take a person named after "with" in a sentence for the "she" that follows in it', () => {
    const text =
      '“She is my oldest friend,” Betsy Hale said of Ann Lamb. In her long talks with Lamb, she often called her by a nickname, “Bee.” The name stuck.';
    expect(detectQuotes(text).find((q) => q.exact === 'Bee.')?.speaker).toBe('Betsy Hale');
  });

  it('uses gender to skip the wrong person for he/she', () => {
    const text = 'Mayor Tom Reiner endorsed Susan Hale on Sunday. Reiner praised her record.\n“She is ready,” he said.';
    expect(speakerOf(text, 'She is ready')).toBe('Tom Reiner');
    const other = 'Susan Hale met Tom Reiner on Sunday. Reiner praised her record.\n“I am ready,” she said.';
    expect(speakerOf(other, 'I am ready')).toBe('Susan Hale');
  });
});

describe('detectQuotes: long inverted tails and "of the" organisations', () => {
  const speakerOf = (text: string, start: string) => detectQuotes(text).find((q) => q.exact.startsWith(start))?.speaker ?? null;

  it('reads “…!” said NAME, who … however long the tail', () => {
    expect(speakerOf('“He is dangerous!” said Tom Burke, who is driving in from Dover to organise a rally against the plan on Monday.', 'He is')).toBe('Tom Burke');
  });

  it('credits the person, not the institute, in “NAME of the INSTITUTE wrote”', () => {
    expect(speakerOf('“Tax cuts do not pay for themselves,” James Peterson of the Ridgeway Policy Institute wrote recently.', 'Tax cuts')).toBe('James Peterson');
  });

  it('reads a capitalised sentence that ends before the quote as an attribution, not as a headline', () => {
    const text = 'Lake State University’s Dianne Fowler agreed. “The party is running out of time to find anyone else.”';
    expect(speakerOf(text, 'The party')).toBe('Dianne Fowler');
  });
});

describe('detectQuotes: headline verbs end a name', () => {
  it('credits “NAME Calls X Against Y ‘…’” to NAME, not to the people named after the verb', () => {
    const text = 'Maria Kowalski Calls Flood Damage Against Harbour Farmers ‘A Disaster’\n\nMaria Kowalski visited the Harbour Farmers on Monday.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Maria Kowalski');
  });

  it('names the channel of an attribution, in its cue or in a phrase of its sentence, and where that phrase is', () => {
    const text = 'The firm opened in May. In a post on X, Tom Reyes wrote: “We ship next year.” Ms Hale told Reuters: “We will see.”';
    const [posted, told] = detectQuotes(text);
    expect(posted).toMatchObject({ speaker: 'Tom Reyes', cue: 'wrote', channel: 'X' });
    expect(text.slice(posted!.channelSpan!.start, posted!.channelSpan!.end)).toBe('In a post on X');
    expect(told).toMatchObject({ speaker: 'Hale', cue: 'told Reuters', channel: 'Reuters', channelSpan: null });
  });

  it('finds a French quote glued to an elided word (d’« … », qu’« … »)', () => {
    const quotes = detectQuotes('Le maire a parlé d’« une faute lourde » et a ajouté qu’« il ne partira pas ».');
    expect(quotes.map((q) => q.exact)).toEqual(['une faute lourde', 'il ne partira pas']);
  });
});

