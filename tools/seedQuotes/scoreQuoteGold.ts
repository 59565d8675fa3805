/**
 * Scores detected quotes against a hand-made gold list (seedQuotesGold.json
 * for the seed corpus), by the rules of the shared quote development set so
 * that both figures read alike:
 * - a gold quote is found when predictions in its article cover at least 80 %
 *   of its characters;
 * - precision: predictions lying at least 80 % inside gold quotes, over all;
 * - speaker: for each found gold quote with a speaker, the prediction
 *   overlapping it most must name a speaker that contains the gold speaker
 *   (or one of its accepted forms), case-insensitively.
 * Plain data in, plain figures out: no file is read here.
 */

export interface GoldQuote {
  /** The article's id (for the seeds: the corpus file name without `.txt`). */
  article: string;
  /** The text between the quotation marks. */
  exact: string;
  /** 0-based occurrence of `exact` in the article, when it occurs more than once. */
  nth?: number;
  /** Surname or organisation the speaker must contain; null when no one can be named. */
  speaker: string | null;
  /** Other acceptable forms of the speaker ("Ministry of Defence" for "MoD"). */
  accept?: string[];
  /** How a careful reader knows who spoke it. */
  why?: string;
}

export interface PredictedQuote {
  article: string;
  start: number;
  end: number;
  speaker: string | null;
}

export interface GoldMiss {
  article: string;
  exact: string;
  covered: number;
}

export interface WrongSpeaker {
  article: string;
  exact: string;
  gold: string;
  predicted: string | null;
}

export interface QuoteGoldScore {
  gold: number;
  found: number;
  predicted: number;
  predictedInGold: number;
  speakerAsked: number;
  speakerRight: number;
  missed: GoldMiss[];
  wrongSpeakers: WrongSpeaker[];
  /** Predictions mostly outside every gold quote. */
  spurious: PredictedQuote[];
}

/** Share of a gold quote's characters predictions must cover for it to count as found. */
const FOUND_SHARE = 0.8;

interface Located extends GoldQuote {
  start: number;
  end: number;
}

function locate(quote: GoldQuote, texts: ReadonlyMap<string, string>): Located {
  const text = texts.get(quote.article);
  if (text === undefined) throw new Error(`gold quote "${quote.exact.slice(0, 40)}": no article "${quote.article}"`);
  let at = -1;
  for (let k = 0; k <= (quote.nth ?? 0); k++) {
    at = text.indexOf(quote.exact, at + 1);
    if (at < 0) throw new Error(`gold quote "${quote.exact.slice(0, 40)}" (occurrence ${quote.nth ?? 0}) is not in the text of ${quote.article}`);
  }
  return { ...quote, start: at, end: at + quote.exact.length };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function scoreQuoteGold(gold: readonly GoldQuote[], predictions: readonly PredictedQuote[], texts: ReadonlyMap<string, string>): QuoteGoldScore {
  const located = gold.map((q) => locate(q, texts));
  const byArticle = new Map<string, PredictedQuote[]>();
  for (const p of predictions) byArticle.set(p.article, [...(byArticle.get(p.article) ?? []), p]);
  const score: QuoteGoldScore = {
    gold: located.length,
    found: 0,
    predicted: predictions.length,
    predictedInGold: 0,
    speakerAsked: 0,
    speakerRight: 0,
    missed: [],
    wrongSpeakers: [],
    spurious: [],
  };
  for (const q of located) {
    const own = byArticle.get(q.article) ?? [];
    const covered = new Set<number>();
    for (const p of own) for (let i = Math.max(q.start, p.start); i < Math.min(q.end, p.end); i++) covered.add(i);
    const share = covered.size / Math.max(1, q.end - q.start);
    if (share < FOUND_SHARE) {
      score.missed.push({ article: q.article, exact: q.exact, covered: Number(share.toFixed(2)) });
      continue;
    }
    score.found++;
    if (q.speaker === null) continue;
    score.speakerAsked++;
    const best = own.reduce<PredictedQuote | null>((a, p) => (overlap(p, q) > (a ? overlap(a, q) : 0) ? p : a), null);
    const said = best?.speaker?.toLowerCase() ?? '';
    const right = [q.speaker, ...(q.accept ?? [])].some((s) => said.includes(s.toLowerCase()));
    if (right) score.speakerRight++;
    else score.wrongSpeakers.push({ article: q.article, exact: q.exact, gold: q.speaker, predicted: best?.speaker ?? null });
  }
  for (const p of predictions) {
    const inside = located.filter((q) => q.article === p.article).reduce((n, q) => n + overlap(p, q), 0);
    if (inside / Math.max(1, p.end - p.start) >= FOUND_SHARE) score.predictedInGold++;
    else score.spurious.push(p);
  }
  return score;
}
