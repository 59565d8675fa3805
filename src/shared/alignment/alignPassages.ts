/**
 * Follows passages across articles: groups of passages that two or more
 * articles share exactly or nearly (after normalizeForMatch; small
 * insertions, deletions and changed words are tolerated).
 *
 * Two passes feed one grouping:
 * 1. findSharedPassages: word-for-word reuse of at least `minWords` words
 *    (shingle index, seeds grown with gaps; near-linear in corpus size).
 * 2. linkQuotes (unless `linkQuotes: false`): quotes that say the same thing
 *    with fewer shared words — a fragment of a longer quote, a different
 *    translation — linked by their content words.
 * groupPassages then clusters the pairs (union-find over overlapping spans).
 *
 * Deterministic; groups come in order of their first passage, passages in
 * article order (as given) then text order. An article may appear twice in a
 * group when it holds the passage twice (say, once in full, once cut down).
 */
import { findQuoteSpans } from '../quotes/findQuoteSpans';
import { contentStem } from './contentStem';
import { findSharedPassages, type PassagePair } from './findSharedPassages';
import { groupPassages } from './groupPassages';
import { linkQuotes, type QuoteWords } from './linkQuotes';
import { GroupPacker, unpackGroups, type PackedGroups } from './packedGroups';
import { matchWordOffsets, tokenizeForMatch, type MatchTokens } from './tokenizeForMatch';
import { wordHash } from './wordHash';

export interface AlignedPassage {
  /** Article id. */
  article: string;
  /** Offsets in the article's canonical text. */
  start: number;
  end: number;
  exact: string;
}

export interface AlignedGroup {
  passages: AlignedPassage[];
}

export interface AlignOptions {
  /** Words per shingle (seed length). Default 5. */
  shingle?: number;
  /** Fewest exactly matched words in a reused passage. Default 8. */
  minWords?: number;
  /** Most words skipped on either side to bridge a difference. Default 3. */
  maxGap?: number;
  /** Words that must agree again after a gap. Default 3. */
  anchor?: number;
  /** A shingle in more articles than this is a stock phrase and ignored. Default max(50, 5% of the articles). */
  maxArticles?: number;
  /** Link paraphrased and cut-down quotes (second pass). Default true. */
  linkQuotes?: boolean;
  /** Fewest content words two linked quotes share. Default 3. */
  quoteMinShared?: number;
  /** Least weight of the shared content words as a share of the shorter quote's (words weighted by rarity). Default 0.6. */
  quoteMinSimilarity?: number;
}

export type AlignPhase = 'reading' | 'passages' | 'quotes' | 'grouping';

/** Called as the work goes: articles read so far, then each later phase once. */
export type AlignProgress = (phase: AlignPhase, done: number, total: number) => void;

export function alignPassages(articles: readonly { id: string; text: string }[], options: AlignOptions = {}): AlignedGroup[] {
  const aligner = createPassageAligner(options);
  for (const article of articles) aligner.add(article);
  return aligner.finish();
}

export interface PassageAligner {
  /** Reads one more article (library order). */
  add(article: { id: string; text: string }): void;
  /** Articles read. */
  readonly size: number;
  /** The groups over every article read. */
  finish(progress?: AlignProgress): AlignedGroup[];
  /**
   * The same groups packed (articles by number, exact texts as UTF-8): no text of the library is
   * held once they are made, and a worker hands them over without a copy. Call finish or finishPacked once.
   */
  finishPacked(progress?: AlignProgress): PackedGroups;
  /**
   * Each article's word hashes (passageFingerprints' words), for the alignment index the
   * run leaves behind; call after finish.
   */
  wordHashesOf(doc: number): Int32Array;
  /** Lets go of article doc's words once its word hashes were taken (the index is written a doc at a time). */
  release(doc: number): void;
  readonly ids: readonly string[];
}

/**
 * Gives article `doc` (the doc-th added, id `id`) again, the same text as was added: with it the
 * aligner keeps no text while reading (a library of 500 MB of text is read again from disk, for the
 * articles in a group only, when the groups are drawn up).
 */
export type TextAgain = (doc: number, id: string) => string;

/**
 * alignPassages one article at a time, so a caller can stream a large library in without holding
 * more than each article's text and word ids (word offsets are found again at the end, for the
 * articles in a group only). With `textAgain`, not even the texts are held.
 */
export function createPassageAligner(options: AlignOptions = {}, textAgain?: TextAgain): PassageAligner {
  const vocabulary = new Map<string, number>();
  const docs: Int32Array[] = [];
  const ids: string[] = [];
  const texts: string[] = [];
  const quotes: QuoteWords[] = [];
  const linking = options.linkQuotes ?? true;
  let wordHashes: Int32Array | null = null;

  const aligner: PassageAligner = {
    get size() {
      return docs.length;
    },
    ids,
    add(article) {
      const doc = docs.length;
      const tokens = tokenizeForMatch(article.text, vocabulary);
      docs.push(tokens.ids);
      ids.push(article.id);
      if (!textAgain) texts.push(article.text);
      if (!linking) return;
      for (const span of findQuoteSpans(article.text)) {
        const words = wordsWithin(tokens, span.start, span.end);
        if (words.end > words.start) quotes.push({ doc, ...words });
      }
    },
    finish(progress) {
      return unpackGroups(aligner.finishPacked(progress), ids);
    },
    finishPacked(progress) {
      const maxArticles = options.maxArticles ?? Math.max(50, Math.ceil(docs.length * 0.05));
      progress?.('passages', 0, 1);
      const pairs: PassagePair[] = findSharedPassages(docs, {
        shingle: options.shingle ?? 5,
        minWords: options.minWords ?? 8,
        maxGap: options.maxGap ?? 3,
        anchor: options.anchor ?? 3,
        maxArticles,
      });
      progress?.('passages', 1, 1);

      if (linking) {
        progress?.('quotes', 0, 1);
        const stemIds = new Map<string, number>();
        const stemOf = new Int32Array(vocabulary.size);
        for (const [word, id] of vocabulary) {
          const stem = contentStem(word);
          if (stem === null) {
            stemOf[id] = -1;
            continue;
          }
          let stemId = stemIds.get(stem);
          if (stemId === undefined) stemIds.set(stem, (stemId = stemIds.size));
          stemOf[id] = stemId;
        }
        const stemWeights = rarityWeights(docs, stemOf, stemIds.size);
        const links = linkQuotes(docs, quotes, stemOf, stemWeights, {
          minShared: options.quoteMinShared ?? 3,
          minSimilarity: options.quoteMinSimilarity ?? 0.6,
          maxPostings: maxArticles,
        });
        // A loop, not push(...links): a spread of a corpus-sized array overflows the stack (issue 20).
        for (const link of links) pairs.push(link);
        progress?.('quotes', 1, 1);
      }

      progress?.('grouping', 0, 1);
      const spans = groupPassages(pairs);
      pairs.length = 0; // let go before the texts are read again (hundreds of thousands at 100,000 articles)
      const packer = new GroupPacker(spans.map((group) => group.length));
      // Each article's words are found again once, for all its passages, and let go (not kept for the whole run).
      const spansByDoc = new Map<number, number[]>();
      spans.forEach((group, g) =>
        group.forEach((span, k) => {
          let list = spansByDoc.get(span.doc);
          if (!list) spansByDoc.set(span.doc, (list = []));
          list.push(g, k);
        }),
      );
      const docsInGroups = [...spansByDoc.keys()].sort((x, y) => x - y);
      for (const doc of docsInGroups) {
        const text = textAgain ? textAgain(doc, ids[doc]!) : texts[doc]!;
        const list = spansByDoc.get(doc)!;
        // Only the offsets of the words up to the last one in a group (no vocabulary lookup).
        let words = 0;
        for (let k = 0; k < list.length; k += 2) words = Math.max(words, spans[list[k]!]![list[k + 1]!]!.end);
        const t = matchWordOffsets(text, words);
        for (let k = 0; k < list.length; k += 2) {
          const span = spans[list[k]!]![list[k + 1]!]!;
          packer.put(packer.passage(list[k]!, list[k + 1]!), doc, text, t.starts[span.start]!, t.ends[span.end - 1]!);
        }
      }
      progress?.('grouping', 1, 1);
      return packer.done();
    },
    wordHashesOf(doc) {
      if (!wordHashes) {
        wordHashes = new Int32Array(vocabulary.size);
        for (const [word, id] of vocabulary) wordHashes[id] = wordHash(word);
      }
      const table = wordHashes;
      return docs[doc]!.map((id) => table[id]!);
    },
    release(doc) {
      docs[doc] = EMPTY;
    },
  };
  return aligner;
}

const EMPTY = new Int32Array(0);

/** Articles of "smoothing": a small corpus weighs all words about the same, a large one by rarity. */
const WEIGHT_SMOOTHING = 20;

/**
 * How informative each stem is: log(1 + (N + s) / (df + s)) for a stem found
 * in df of the N articles (s = WEIGHT_SMOOTHING). A word in every article
 * weighs log 2; in a large corpus a rare word weighs several times that.
 */
function rarityWeights(docs: readonly Int32Array[], stemOf: Int32Array, stems: number): Float64Array {
  const df = new Int32Array(stems);
  const seenIn = new Int32Array(stems).fill(-1);
  docs.forEach((ids, doc) => {
    for (const id of ids) {
      const stem = stemOf[id]!;
      if (stem >= 0 && seenIn[stem] !== doc) {
        seenIn[stem] = doc;
        df[stem]!++;
      }
    }
  });
  const n = docs.length + WEIGHT_SMOOTHING;
  return Float64Array.from(df, (count) => Math.log(1 + n / (count + WEIGHT_SMOOTHING)));
}

/** Words lying entirely inside [from, to) of the text. */
function wordsWithin(t: MatchTokens, from: number, to: number): { start: number; end: number } {
  const start = lowerBound(t.starts, from);
  let end = lowerBound(t.starts, to);
  while (end > start && t.ends[end - 1]! > to) end--;
  return { start, end };
}

function lowerBound(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
