/**
 * The quote cache lines of a batch of articles (quoteCacheLine): each text
 * read straight from its file in the data folder (readStoredTextSync), detected,
 * and let go. What a quotes worker thread does with each batch, and what the
 * caller does itself when there is no built worker (tests, the source layout).
 */
import { quoteCacheLine } from '../store/quoteCache';
import type { StoredTextRef } from '../store/listStoredArticles';
import { readStoredTextSync } from '../store/readStoredText';

export async function detectQuoteLines(dataDir: string, refs: readonly StoredTextRef[]): Promise<string[]> {
  const lines: string[] = [];
  // Read synchronously: a batch is a few hundred small files, and a promise per file cost ten times the CPU.
  for (const ref of refs) lines.push(quoteCacheLine(ref.hash, readStoredTextSync(dataDir, ref).text));
  return lines;
}
