import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';

describe('buildPersonIndex', () => {
  it('collects people, not institutions, places or dates', () => {
    const text =
      'Russian diplomat Boris Bondarev left the United Nations on Monday, May 23. Sky News and The New York Times reported it. ' +
      'Foreign Minister Sergey Lavrov said nothing; Mr Gatilov declined to comment.';
    expect(buildPersonIndex(text).people).toEqual(['Boris Bondarev', 'Sergey Lavrov', 'Gatilov']);
  });

  it('turns a surname or titled name into the fullest form the article uses', () => {
    const people = buildPersonIndex('Boris Bondarev resigned. Later Mr Bondarev spoke.');
    expect(people.canonical('Mr Bondarev')).toBe('Boris Bondarev');
    expect(people.canonical('Bondarev’s')).toBe('Boris Bondarev');
    expect(people.canonical('Reuters')).toBe('Reuters');
  });

  it('keeps two people of one family apart, and prefers a body name to a headline abbreviation', () => {
    const people = buildPersonIndex('AG Kowalski at the hearing.\n\nFormer Attorney General Michael Kowalski spoke. Betsy Ebeling came with her husband, Tom Ebeling.');
    expect(people.canonical('Kowalski')).toBe('Michael Kowalski');
    expect(people.canonical('Tom Ebeling')).toBe('Tom Ebeling');
    expect(people.canonical('Ebeling')).toBe('Betsy Ebeling');
  });

  it('takes a lone name opening a sentence before a past-tense verb for a person', () => {
    const text = 'The vigil was held at night. Lamb adopted the plan at once. And he made a point of saying more.';
    expect(buildPersonIndex(text).resolve(text.indexOf('he made'), { gender: 'm' })).toBe('Lamb');
  });

  it('resolves a pronoun to the latest person named as a subject, not as an object', () => {
    const text = 'Mr Bondarev was scathing about Sergey Lavrov, calling him a disgrace. He went on.';
    expect(buildPersonIndex(text).resolve(text.indexOf('He went'))).toBe('Bondarev');
  });

  it('falls back to the latest person named at all', () => {
    const text = 'The letter reached Anna Petrova in Geneva. She read it.';
    expect(buildPersonIndex(text).resolve(text.indexOf('She'))).toBe('Anna Petrova');
  });

  it('looks ahead for a lede that names its person in the next sentence, and ignores possessives', () => {
    const text = 'One of Putin’s allies quit, declaring shame.\nBoris Bondarev left. Vladimir Putin said nothing.';
    expect(buildPersonIndex(text).resolve(0)).toBe('Boris Bondarev');
  });

  it('ignores people named only inside quotes', () => {
    const text = 'Hillel Neuer spoke. “Boris Bondarev is a hero,” he said.';
    const quote = { start: text.indexOf('Boris'), end: text.indexOf(' is a hero') };
    expect(buildPersonIndex(text, [quote]).resolve(text.indexOf('he said'))).toBe('Hillel Neuer');
  });

  it('reads a name opening a sentence with "The" as an institution, so that "it" can refer to it', () => {
    const text = 'The Pentagon said the strike was lawful. It said more.';
    const people = buildPersonIndex(text);
    expect(people.people).toEqual([]);
    expect(people.entity('Pentagon')?.kind).toBe('organisation');
    expect(people.resolve(text.indexOf('It said'), { kind: 'organisation' })).toBe('Pentagon');
  });

  it('knows nobody in a text without names', () => {
    expect(buildPersonIndex('he said it was fine.').resolve(0)).toBeNull();
  });
});

describe('buildPersonIndex: a given name alone', () => {
  it('joins a later first-name-only mention to the one person with that given name', () => {
    const text = 'Marcy Dunlap runs the shelter. Her brother helps.\n\n“We are full,” Marcy said.';
    const people = buildPersonIndex(text);
    expect(people.canonical('Marcy')).toBe('Marcy Dunlap');
    expect(people.people).toEqual(['Marcy Dunlap']);
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Marcy Dunlap', cue: 'said' });
  });

  it('joins a family name written first (“Ban Ki-moon” … “Ban said”) the same way', () => {
    expect(buildPersonIndex('Ban Ki-moon spoke in Paris. Ban said the deal would hold.').canonical('Ban')).toBe('Ban Ki-moon');
  });

  it('does not join a given name two people share, or one that is also a surname', () => {
    const shared = buildPersonIndex('Tom Ruiz met Tom Hale. Later Tom said the deal was done.');
    expect(shared.canonical('Tom')).toBe('Tom');
    const surname = buildPersonIndex('Grant Lee met Ulysses Grant. Later Grant said no.');
    expect(surname.canonical('Grant')).toBe('Ulysses Grant');
  });

  it('reads a full stop before a comma as an abbreviation, so a long apposition keeps its subject ("Ava, Mo., who …")', () => {
    const text =
      '“This is too much,” said Dan Roe of the retail group.\n\n' +
      'Paul Tate, a driver from Ava, Mo., who is a union member and a supporter of Mr. Hale, said he was paid fairly. “I have friends who are not,” he said.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Dan Roe', 'Paul Tate']);
  });
});
