import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalArticleText } from '../../src/shared/model/canonicalText';
import { scoreQuoteGold, type GoldQuote, type PredictedQuote } from './scoreQuoteGold';

const TEXT = 'Ann Lee said: “We will win.” Later she added, “Not today.” The so-called “experts” disagreed.';
const texts = new Map([['a', TEXT]]);
const at = (exact: string) => ({ start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length });
const gold: GoldQuote[] = [
  { article: 'a', exact: 'We will win.', speaker: 'Lee' },
  { article: 'a', exact: 'Not today.', speaker: 'Lee' },
];

describe('scoreQuoteGold', () => {
  it('counts a gold quote found when its article’s predictions cover 80 % of it, and checks the best-overlapping speaker', () => {
    const predictions: PredictedQuote[] = [
      { article: 'a', ...at('We will win.'), speaker: 'Ann Lee' },
      { article: 'a', ...at('Not today.'), speaker: 'Bob Stone' },
      { article: 'a', ...at('experts'), speaker: null },
    ];
    const score = scoreQuoteGold(gold, predictions, texts);
    expect(score).toMatchObject({ gold: 2, found: 2, predicted: 3, predictedInGold: 2, speakerAsked: 2, speakerRight: 1 });
    expect(score.wrongSpeakers).toEqual([{ article: 'a', exact: 'Not today.', gold: 'Lee', predicted: 'Bob Stone' }]);
    expect(score.spurious.map((p) => TEXT.slice(p.start, p.end))).toEqual(['experts']);
  });

  it('misses a quote covered too little or only by another article’s predictions', () => {
    const half = at('We will win.');
    const predictions: PredictedQuote[] = [
      { article: 'a', start: half.start, end: half.start + 4, speaker: 'Lee' },
      { article: 'b', ...at('Not today.'), speaker: 'Lee' },
    ];
    const score = scoreQuoteGold(gold, predictions, new Map([...texts, ['b', TEXT]]));
    expect(score.found).toBe(0);
    expect(score.missed.map((m) => m.exact)).toEqual(['We will win.', 'Not today.']);
  });

  it('accepts another form of the speaker and does not ask for one when the gold names no one', () => {
    const score = scoreQuoteGold(
      [
        { article: 'a', exact: 'We will win.', speaker: 'MoD', accept: ['Ministry of Defence'] },
        { article: 'a', exact: 'Not today.', speaker: null },
      ],
      [
        { article: 'a', ...at('We will win.'), speaker: 'the Ministry of Defence' },
        { article: 'a', ...at('Not today.'), speaker: 'Somebody' },
      ],
      texts,
    );
    expect(score).toMatchObject({ found: 2, speakerAsked: 1, speakerRight: 1 });
  });

  it('names the gold quote that is not in its article', () => {
    expect(() => scoreQuoteGold([{ article: 'a', exact: 'Never said.', speaker: 'Lee' }], [], texts)).toThrow(/"Never said\." .*not in the text of a/);
  });

  it('finds every seed gold quote in the seed corpus', () => {
    const root = join(__dirname, '..', '..');
    const file = JSON.parse(readFileSync(join(__dirname, 'seedQuotesGold.json'), 'utf8')) as { quotes: GoldQuote[] };
    const seeds = new Map(
      [...new Set(file.quotes.map((q) => q.article))].map((id) => [id, canonicalArticleText(readFileSync(join(root, 'corpus', `${id}.txt`), 'utf8')).text]),
    );
    expect(seeds.size).toBe(5);
    const all = file.quotes.map((q) => ({ article: q.article, ...locateIn(seeds.get(q.article)!, q), speaker: q.speaker }));
    expect(scoreQuoteGold(file.quotes, all, seeds)).toMatchObject({ gold: 44, found: 44, predictedInGold: 44, speakerRight: 44 });
  });
});

function locateIn(text: string, q: GoldQuote): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= (q.nth ?? 0); k++) i = text.indexOf(q.exact, i + 1);
  return { start: i, end: i + q.exact.length };
}
