/**
 * Quote recall and speaker accuracy on the seed corpus (corpus/, our own
 * default corpus) against the hand-made gold list in
 * tools/seedQuotes/seedQuotesGold.json (issue 15's target: all 44 quotes,
 * speaker ≥ 0.95). Quotes are detected as the `quotes` command lists them:
 * titles of works and markup left out.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { canonicalArticleText } from '../src/shared/model/canonicalText';
import { detectQuotesWithDetail } from '../src/shared/quotes/detectQuotes';
import { scoreQuoteGold, type GoldQuote, type PredictedQuote, type QuoteGoldScore } from '../tools/seedQuotes/scoreQuoteGold';

export const SEED_GOLD = 'tools/seedQuotes/seedQuotesGold.json';

export function scoreSeedQuotes(corpusDir: string, goldFile: string = SEED_GOLD): QuoteGoldScore {
  const gold = (JSON.parse(readFileSync(resolve(goldFile), 'utf8')) as { quotes: GoldQuote[] }).quotes;
  const texts = new Map<string, string>();
  for (const id of new Set(gold.map((q) => q.article))) {
    texts.set(id, canonicalArticleText(readFileSync(join(resolve(corpusDir), `${id}.txt`), 'utf8')).text);
  }
  const predictions: PredictedQuote[] = [...texts].flatMap(([article, text]) =>
    detectQuotesWithDetail(text)
      .filter(({ detail }) => detail.use === 'speech' || detail.use === 'scare')
      .map(({ quote }) => ({ article, start: quote.start, end: quote.end, speaker: quote.speaker })),
  );
  return scoreQuoteGold(gold, predictions, texts);
}

const ratio = (a: number, b: number): string => `${(a / Math.max(1, b)).toFixed(3)} (${a}/${b})`;

/** The summary line: recall, precision and speaker accuracy beside the targets. */
export function seedQuotesLine(score: QuoteGoldScore): string {
  return `seed corpus quotes: recall ${ratio(score.found, score.gold)}  precision ${ratio(score.predictedInGold, score.predicted)}  speaker ${ratio(score.speakerRight, score.speakerAsked)}; targets all ${score.gold} quotes, speaker ≥ 0.95`;
}

/** `npm run eval:seeds`: the lists of misses, spurious quotes and wrong speakers, then the summary line. */
function main(): void {
  const corpus = process.argv[2] ?? 'corpus';
  const score = scoreSeedQuotes(corpus);
  const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s).replace(/\s+/g, ' ');
  console.log(`missed (${score.missed.length})`);
  for (const m of score.missed) console.log(`- ${m.article} covered ${m.covered}: ${clip(m.exact)}`);
  console.log(`spurious (${score.spurious.length})`);
  for (const p of score.spurious) console.log(`- ${p.article} ${p.start}–${p.end} (speaker ${p.speaker ?? '–'})`);
  console.log(`wrong speakers (${score.wrongSpeakers.length})`);
  for (const w of score.wrongSpeakers) console.log(`- ${w.article} gold ${w.gold}, predicted ${w.predicted ?? '–'}: ${clip(w.exact)}`);
  console.log(seedQuotesLine(score));
}

if (process.argv[1]?.endsWith('seedQuotesEval.js')) main();
