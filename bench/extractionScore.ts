/**
 * The score of article extraction used by the public article-extraction
 * benchmark (scrapinghub/article-extraction-benchmark): each text is cut
 * into word tokens (`\w+`, Unicode), tokens into overlapping 4-word
 * shingles; per page, true positives, false positives and false negatives
 * are counted over the shingles and normalised to sum to 1 (so long pages
 * weigh no more than short ones); precision and recall are averaged over the
 * pages and F1 is taken of the two averages. Also a plain word-level F1 (bag
 * of whitespace tokens) for a second view.
 */

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function compare(truth: Map<string, number>, predicted: Map<string, number>): PageCounts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...predicted.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = predicted.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** One page's counts over 4-word shingles, as the benchmark counts them. */
export function shingleCounts(truth: string, predicted: string, n = 4): PageCounts {
  return compare(shingles(truth, n), shingles(predicted, n));
}

/** One page's counts over whitespace tokens (a bag of words). */
export function wordCounts(truth: string, predicted: string): PageCounts {
  const bag = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const w of text.split(/\s+/)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  };
  return compare(bag(truth), bag(predicted));
}

export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision and recall averaged over pages, F1 of the averages (the benchmark's way). */
export function extractionScore(pages: readonly PageCounts[]): ExtractionScore {
  const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map((c) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp / (c.tp + c.fp))));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map((c) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp / (c.tp + c.fn))));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
