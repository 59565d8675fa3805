import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuoteInLibrary } from './findQuoteInLibrary';
import { ANCHOR_CHARS, findQuotesInLibrary } from './findQuotesInLibrary';

describe('findQuotesInLibrary', () => {
  it('answers as findQuoteInLibrary does, quote by quote: found, ambiguous (in the texts\' order) or missing', () => {
    const texts = new Map([
      ['a1', 'The minister said the plan would fail before the vote. Nobody listened to the minister.'],
      ['a2', 'Reporters wrote that the plan would fail before the vote, citing sources close to the minister.'],
      ['a3', 'Nothing to see here, nothing at all, not even the plan.'],
    ]);
    const quotes = [
      { exact: 'the plan would fail before the vote', prefix: 'minister said ', suffix: '. Nobody' },
      { exact: 'the plan would fail before the vote', prefix: 'wrote that ', suffix: ', citing' },
      { exact: 'the plan would fail before the vote' },
      { exact: 'Nothing to see here, nothing at all' },
      { exact: 'the plan worked out well in the end' },
      { exact: 'the minister' },
    ];
    const answers = findQuotesInLibrary(texts, quotes);
    expect(answers).toEqual([{ found: 'a1' }, { found: 'a2' }, { ambiguous: ['a1', 'a2'] }, { found: 'a3' }, { missing: true }, { ambiguous: ['a1', 'a2'] }]);
    expect(answers).toEqual(quotes.map((q) => findQuoteInLibrary(texts, q)));
  });

  it('gives the same answers as findQuoteInLibrary for random texts and quotes (overlapping, repeated, at the ends)', () => {
    // Two letters: quotes occur often, overlap and repeat.
    const letters = fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 0, maxLength: 300, size: 'max' });
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ from: fc.nat(), length: fc.integer({ min: 1, max: 2 * ANCHOR_CHARS }), prefix: fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 5 }), suffix: fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 5 }) }), { maxLength: 30 }),
        (textList, picks) => {
          const texts = new Map(textList.map((t, i) => [`t${i}`, t] as const));
          const all = textList.join('');
          const quotes = picks.map(({ from, length, prefix, suffix }) => {
            const at = all.length === 0 ? 0 : from % all.length;
            const exact = all.slice(at, at + length) || 'ab'.repeat(length);
            return { exact, prefix, suffix };
          });
          expect(findQuotesInLibrary(texts, quotes)).toEqual(quotes.map((q) => findQuoteInLibrary(texts, q)));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('finds the quotes of 30,000 annotations in a 12 MB text in one reading of it', () => {
    const sentence = 'The minister said on Tuesday that the plan would go ahead as announced. ';
    const long = sentence.repeat(Math.ceil(12e6 / sentence.length)) + 'A closing line no other article has.';
    const texts = new Map([
      ['long', long],
      ['short', 'Elsewhere the minister said on Tuesday that the plan would go ahead.'],
    ]);
    const quotes = Array.from({ length: 30_000 }, (_, i) => ({ exact: `words that appear in no article of the library, number ${i}`, prefix: 'before ', suffix: ' after' }));
    quotes.push({ exact: 'A closing line no other article has.', prefix: 'announced. ', suffix: '' });
    const answers = findQuotesInLibrary(texts, quotes);
    expect(answers.filter((a) => 'missing' in a)).toHaveLength(30_000);
    expect(answers.at(-1)).toEqual({ found: 'long' });
  }, 30_000);

  it('finds 30,000 short quotes (under ANCHOR_CHARS characters) in a 12 MB text in a few readings of it, not one each', () => {
    const sentence = 'The minister said on Tuesday that the plan would go ahead as announced. ';
    const long = sentence.repeat(Math.ceil(12e6 / sentence.length)) + 'Closing words.';
    const texts = new Map([
      ['long', long],
      ['short', 'Elsewhere: the plan, said the mayor.'],
    ]);
    // Each in no text: one scan of 12 MB apiece would be 30,000 of them.
    const quotes: { exact: string; prefix?: string; suffix?: string }[] = Array.from({ length: 30_000 }, (_, i) => ({ exact: `zq ${i} qz`.slice(0, 1 + (i % (ANCHOR_CHARS - 1))) }));
    quotes.push({ exact: 'Closing words.' }, { exact: 'the mayor' }, { exact: 'the plan', prefix: 'Elsewhere: ', suffix: ', said' }, { exact: 'the plan' }, { exact: 'Tuesday', prefix: 'said on ' });
    const answers = findQuotesInLibrary(texts, quotes);
    // No text holds a 'z': every one of the 30,000 is missing.
    expect(answers.slice(0, 30_000).filter((a) => 'missing' in a)).toHaveLength(30_000);
    expect(answers.slice(30_000)).toEqual([{ found: 'long' }, { found: 'short' }, { found: 'short' }, { ambiguous: ['long', 'short'] }, { found: 'long' }]);
    expect(answers.slice(30_000)).toEqual(quotes.slice(30_000).map((q) => findQuoteInLibrary(texts, q)));
  }, 60_000);
});
