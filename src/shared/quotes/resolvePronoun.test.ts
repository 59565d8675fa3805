import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';

const resolveAt = (text: string, word: string, hint = {}) => buildPersonIndex(text).resolve(text.indexOf(word), hint);

describe('resolvePronoun (through the person index)', () => {
  it('skips a person of the other gender for he/she', () => {
    const text = 'Mayor Tom Reiner met Susan Hale. Later Hale spoke to Reiner about the budget. He disagreed.';
    expect(resolveAt(text, 'He disagreed', { gender: 'm' })).toBe('Tom Reiner');
    expect(resolveAt(text, 'He disagreed', { gender: 'f' })).toBe('Susan Hale');
  });

  it('learns gender from the pronouns the article uses after a person', () => {
    const text = 'Robin Morrow chairs the board. She was elected in May. Jordan Pike criticised the vote and he lost. Later, she responded.';
    expect(resolveAt(text, 'she responded', { gender: 'f' })).toBe('Robin Morrow');
  });

  it('learns no gender from a possessive that belongs to someone the sentence does not name', () => {
    // "her" is the candidate's, not Pike's: Pike may still be the "he".
    const text = 'Robin Morrow is running for mayor. Jordan Pike said the vote was only the latest test of her campaign. Later, he responded.';
    expect(resolveAt(text, 'he responded', { gender: 'm' })).toBe('Jordan Pike');
  });

  it('keeps the last speaker for "she said" when another woman is only mentioned in passing', () => {
    const text = 'Robin Morrow spoke to reporters. “We will win,” she said. Asked whether Dana Pike would run, she replied: “No idea.”';
    const quotes = [text.indexOf('We will'), text.indexOf('No idea')].map((start) => ({ start, end: start + 7 }));
    const index = buildPersonIndex(text, quotes);
    index.noteSpeaker('Robin Morrow', text.indexOf('” she said'), { start: 0, end: 12 });
    expect(index.resolve(text.indexOf('she replied'), { gender: 'f' })).toBe('Robin Morrow');
  });

  it('prefers the nearest sentence, and its subject over its object', () => {
    const text = 'Anna Petrova left Geneva. Boris Gatov thanked Ivan Somov for his help. He was moved.';
    expect(resolveAt(text, 'He was', { gender: 'm' })).toBe('Boris Gatov');
  });

  it('takes a later "he" in a sentence whose subject is "he" for that subject, not a man named in between', () => {
    const text = 'Mr. Dale Harlan spoke on Monday. He added that if his son Tom were still serving, he would warn him.';
    expect(resolveAt(text, 'he would', { gender: 'm' })).toBe('Dale Harlan');
  });

  it('follows a chain of sentences whose subject is the same pronoun back to its referent', () => {
    const text = 'Mr. Dale Harlan is a radio host. But he does not deny that he talks to Mr. Victor Lamb often. He was frank.';
    expect(resolveAt(text, 'He was frank', { gender: 'm' })).toBe('Dale Harlan');
  });

  it('takes a topic opener ("As for X, he …") as naming the subject', () => {
    const text = 'Senator Jane Kowalski spoke first. As for Tom Reiner, he said he was not worried.';
    expect(resolveAt(text, 'he said', { gender: 'm' })).toBe('Tom Reiner');
  });

  it('does not take a speaker inside a "when" clause, or what someone said, for the sentence\'s speaker', () => {
    const first = 'Dale Harlan did not sound sure when Victor Lamb asked about the vote. He was frank.';
    expect(resolveAt(first, 'He was', { gender: 'm' })).toBe('Dale Harlan');
    const second = 'Dale Harlan, a county chairman, said Victor Lamb continued to hurt the party. He was frank.';
    expect(resolveAt(second, 'He was', { gender: 'm' })).toBe('Dale Harlan');
  });

  it('reads a name in apposition ("his wife, Ana,") and a nickname in quotes as a person', () => {
    const text = 'Dale Harlan spoke first. At the gala, Harlan’s wife, Ana, is to speak. Juan “Chico” Ortiz came too. She was nervous.';
    expect(resolveAt(text, 'She was', { gender: 'f' })).toBe('Ana');
    expect(buildPersonIndex(text).canonical('Ortiz')).toBe('Juan Ortiz');
  });

  it('does not take a name after "He said that …" for that sentence\'s subject', () => {
    const text = 'Dale Harlan spoke on Monday. He said that Victor Lamb needs to do more. He was frank.';
    expect(resolveAt(text, 'He was', { gender: 'm' })).toBe('Dale Harlan');
  });

  it('gives a role description to the subject just before when it carries no other title', () => {
    const text = 'Vice President Tom Reiner spoke first. Ed Marlow joined in, bashing the plan. The former president said it was a mistake.';
    expect(resolveAt(text, 'The former president', { titles: ['President'] })).toBe('Ed Marlow');
    const vice = 'Vice President Tom Reiner spoke first. President Ed Marlow agreed. Mr. Reiner said twice that it was late. The vice president went on.';
    expect(resolveAt(vice, 'The vice president', { titles: ['Vice President'] })).toBe('Tom Reiner');
  });

  it('reads a role description in the first sentence, where nothing comes before it (it used to throw)', () => {
    expect(resolveAt('The senator said the vote would wait. Sen. Maria Kowalski left.', 'The senator', { titles: ['Sen', 'Senator'] })).toBe('Maria Kowalski');
  });

  it('names no one for a role description when the only person after it does not carry that title (a wrong name is worse than none)', () => {
    expect(resolveAt('The senator said the vote would wait. Tom Reiner left.', 'The senator', { titles: ['Sen', 'Senator'] })).toBeNull();
    expect(resolveAt('He said the vote would wait. Tom Reiner left.', 'He said', { gender: 'm' })).toBe('Tom Reiner');
  });

  it('resolves a role description to the nearest person carrying that title', () => {
    const text = 'Sen. Maria Kowalski and Gov. Tom Reiner met. Reiner left early. The senator stayed.';
    expect(resolveAt(text, 'The senator', { titles: ['Sen', 'Senator'] })).toBe('Maria Kowalski');
  });

  it('resolves "the newspaper" to the nearest outlet and "it" to the nearest organisation', () => {
    const text = 'The Daily Ledger published the memo on Monday. The Interior Ministry declined to comment. The newspaper said more would follow.';
    expect(resolveAt(text, 'The newspaper', { kind: 'outlet' })).toBe('Daily Ledger');
    expect(resolveAt(text, 'The newspaper', { kind: 'organisation' })).toBe('Interior Ministry');
  });

  it('does not resolve to people named only inside quotes', () => {
    const text = 'Tom Reiner spoke. “Ivan Somov is wrong,” he said.';
    const quote = { start: text.indexOf('Ivan'), end: text.indexOf(' is wrong') };
    expect(buildPersonIndex(text, [quote]).resolve(text.indexOf('he said'), { gender: 'm' })).toBe('Tom Reiner');
  });

  it('resolves a role description to the person given that role in apposition just after ("The minister, Anna Berg, …")', () => {
    const text = 'Asked about the strike, the minister said: “We are talking to all sides.” The minister, Anna Berg, did not give details.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Anna Berg');
  });
});
