/**
 * The corpus search's word index, kept on disk in <dataDir>/derived/search/
 * (issue 20), so the first search after a start reads a few small files
 * instead of every text. Derived data, never a source of truth: which
 * articles it covers (id and text hash) is its manifest, a missing or
 * damaged index is built again, and a search checks every candidate it
 * gives against the text itself, so the index only has to never leave out
 * an article that holds the words (a stale or extra candidate costs a read).
 *
 * Files:
 *   manifest.json    { version, articles: [[id, hash] | null, …] } — an
 *                    article's position is its number in the postings;
 *                    null: removed (numbers are never used again)
 *   terms.txt        every word of the index, one a line
 *   shards/<n>.txt   lines "word\tentry,entry,…" for the words hashed to shard n;
 *                    an entry is "number:code.code…" (base 36), one code per
 *                    occurrence of the word in that article (see wordPositions),
 *                    so a query of words with spaces between is counted
 *                    from the index alone (hits, articles), reading no text
 * Adding articles appends their lines (each append starts on a new line)
 * and only then writes the manifest atomically (fsync'd), with the size of
 * every file it appended to: a crash in between leaves bytes beyond those
 * sizes, which are never read and are cut off before the next append; a file
 * shorter than the manifest says (appends lost in a power cut) makes the
 * index damaged, and it is built again. Removing an article only marks it in
 * the manifest. With more removed than kept, it is built anew.
 *
 * Why our own and not a library: MiniSearch and FlexSearch, measured on
 * 10,000 articles here, took 72–75 s to build and 2.8–10.8 s to load (the
 * whole index at once); this one loads only the shards a query's words hash
 * to, and a corpus search needs only which articles hold the words (it finds
 * the phrase and its offsets in the candidates' texts).
 */
import { open, readFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { occurrencesIn, phraseHits, phraseMayStand, termMatches, type QueryTerm, type TermOccurrence } from '../../shared/search/searchTerms';
import { writeFileAtomic } from './writeFileAtomic';

const VERSION = 2;
export const SEARCH_SHARDS = 256;
/** Candidates few enough that reading their texts costs less than narrowing them further. */
const NARROW_ENOUGH = 2000;
/** Most shards read to narrow candidates already found by another word. */
const MAX_SHARDS_TO_NARROW = 16;
/** Most shards read to count a query from the index (a query word that is part of very many words reads the texts instead). */
const MAX_SHARDS_TO_COUNT = 48;
/** Words whose lines are kept in memory between searches. */
const CACHED_WORDS = 64;

interface Manifest {
  version: number;
  articles: ([string, string] | null)[];
  /** Bytes of each shard file and of terms.txt after the last append: a shorter file lost lines (damaged). */
  sizes: Record<string, number>;
}

/** A file of the index is shorter than its manifest says: the index must be built again. */
export class DamagedSearchIndex extends Error {}

export interface IndexedArticle {
  id: string;
  hash: string;
  /** Every word of the folded text with its codes (wordPositions). */
  words: ReadonlyMap<string, readonly number[]>;
}

/** Hits per article (by id) of a query, counted from the index. */
export type IndexCounts = Map<string, number>;

/**
 * What the index says about a query of words: every article's hits, or —
 * when a word at an end of the phrase is part of too many words to count
 * ("a much …") — the articles where the other words stand as the phrase
 * needs (their texts are then scanned).
 */
export type IndexAnswer = { exact: true; counts: IndexCounts } | { exact: false; candidates: Set<string> };

export class PersistedSearchIndex {
  private manifest: Manifest | null = null;
  private loaded = false;
  private vocabulary: Set<string> | null = null;
  /** The lines of recently asked words (word → its lines' entries), most recent last. */
  private readonly lines = new Map<string, string[]>();

  constructor(readonly dir: string) {}

  /** The articles the index covers, id → text hash (empty when there is no usable index). */
  async covered(): Promise<Map<string, string>> {
    const manifest = await this.readManifest();
    const map = new Map<string, string>();
    for (const entry of manifest?.articles ?? []) if (entry) map.set(entry[0], entry[1]);
    return map;
  }

  /** Whether it is best built anew: none there, damaged, or more removed articles than kept. */
  async needsRebuild(): Promise<boolean> {
    const manifest = await this.readManifest();
    if (!manifest) return true;
    const kept = manifest.articles.filter((a) => a !== null).length;
    return manifest.articles.length > 1000 && kept * 2 < manifest.articles.length;
  }

  /** Removes every file of the index and starts an empty one. */
  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    this.manifest = { version: VERSION, articles: [], sizes: {} };
    this.loaded = true;
    this.vocabulary = new Set();
    this.lines.clear();
    await mkdir(join(this.dir, 'shards'), { recursive: true });
    await this.writeManifest();
  }

  /** Adds articles (their words); durable when it returns. */
  async add(articles: readonly IndexedArticle[]): Promise<void> {
    if (articles.length === 0) return;
    const manifest = (await this.readManifest()) ?? (await this.clear(), this.manifest!);
    const vocabulary = await this.readVocabulary();
    const perShard = new Map<number, Map<string, string[]>>();
    const newTerms: string[] = [];
    for (const article of articles) {
      const number = manifest.articles.length;
      manifest.articles.push([article.id, article.hash]);
      for (const [term, codes] of article.words) {
        if (!vocabulary.has(term)) {
          vocabulary.add(term);
          newTerms.push(term);
        }
        const shard = shardOf(term);
        let lines = perShard.get(shard);
        if (!lines) perShard.set(shard, (lines = new Map()));
        let entries = lines.get(term);
        if (!entries) lines.set(term, (entries = []));
        entries.push(`${number.toString(36)}:${codes.map((c) => c.toString(36)).join('.')}`);
      }
    }
    await mkdir(join(this.dir, 'shards'), { recursive: true });
    for (const [shard, lines] of perShard) {
      let text = '\n';
      for (const [term, entries] of lines) {
        const line = entries.join(',');
        text += `${term}\t${line}\n`;
        this.lines.get(term)?.push(line);
      }
      await this.append(`shards/${shard}.txt`, text);
    }
    if (newTerms.length > 0) await this.append('terms.txt', `\n${newTerms.join('\n')}\n`);
    await this.writeManifest();
  }

  /** Marks articles as no longer covered (removed, or their text changed). */
  async remove(ids: ReadonlySet<string>): Promise<void> {
    const manifest = await this.readManifest();
    if (!manifest || ids.size === 0) return;
    manifest.articles = manifest.articles.map((entry) => (entry && ids.has(entry[0]) ? null : entry));
    await this.writeManifest();
  }

  /** The ids of the covered articles that have, for every query word, a word matching it. */
  async candidates(query: readonly QueryTerm[]): Promise<Set<string>> {
    const manifest = (await this.readManifest()) ?? { version: VERSION, articles: [], sizes: {} };
    let numbers: Set<number> | null = null;
    // Exact words first (one shard each, usually the smallest sets), then the longest parts of words.
    const rank = (q: QueryTerm) => (q.match === 'exact' ? 0 : 1);
    const ordered = [...query].sort((a, b) => rank(a) - rank(b) || b.term.length - a.term.length);
    for (const q of ordered) {
      const words = q.match === 'exact' ? [q.term] : [...(await this.readVocabulary())].filter((word) => termMatches(word, q));
      const shards = new Set(words.map(shardOf));
      // Candidates are checked against the texts anyway: a word that would need many shards read to narrow
      // a set already small is skipped (the set stays a superset, so nothing is missed).
      if (numbers !== null && (numbers.size <= NARROW_ENOUGH || shards.size > MAX_SHARDS_TO_NARROW)) continue;
      const found = new Set<number>();
      const lines = await this.linesOfWords(words);
      for (const word of words) {
        for (const line of lines.get(word)!) {
          for (const entry of line.split(',')) {
            const n = parseInt(entry, 36); // the number before ":"
            if (!numbers || numbers.has(n)) found.add(n);
          }
        }
      }
      numbers = found;
      if (numbers.size === 0) break;
    }
    const ids = new Set<string>();
    for (const n of numbers ?? []) {
      const entry = manifest.articles[n];
      if (entry) ids.add(entry[0]);
    }
    return ids;
  }

  /**
   * The hits of a query of words with one space between them (countableTerms)
   * in each covered article holding at least one, counted from the index
   * alone as a scan of the folded texts would count them; null when a query
   * word is part of so many words that counting it here would read most of
   * the index (the texts are then scanned instead).
   */
  async counts(terms: readonly QueryTerm[]): Promise<IndexCounts | null> {
    const answer = await this.answer(terms);
    return answer?.exact ? answer.counts : null;
  }

  /** counts, or the articles that may hold the phrase when a word at its end is part of too many words (see IndexAnswer); null: ask the texts. */
  async answer(terms: readonly QueryTerm[]): Promise<IndexAnswer | null> {
    const manifest = (await this.readManifest()) ?? { version: VERSION, articles: [], sizes: {} };
    const vocabulary = terms.every((q) => q.match === 'exact') ? null : await this.readVocabulary();
    const wordsOf = (q: QueryTerm): string[] => (q.match === 'exact' ? [q.term] : [...vocabulary!].filter((word) => termMatches(word, q)));
    const words = terms.map(wordsOf);
    // The ends of a phrase that are part of too many words (the one with most shards first) stand for any word.
    const broad = terms.map(() => false);
    const shardCount = () => new Set(words.filter((_, i) => !broad[i]).flat().map(shardOf)).size;
    const ends = [0, terms.length - 1].sort((a, b) => new Set(words[b]!.map(shardOf)).size - new Set(words[a]!.map(shardOf)).size);
    for (const end of ends) if (shardCount() > MAX_SHARDS_TO_COUNT) broad[end] = true;
    if (shardCount() > MAX_SHARDS_TO_COUNT || broad.every(Boolean)) return null;
    const someBroad = broad.some(Boolean);
    const byNumber = new Map<number, number>();
    if (terms.length === 1) {
      const term = terms[0]!.term;
      const lines = await this.linesOfWords(words[0]!);
      for (const word of words[0]!) {
        const each = occurrencesIn(word, term);
        for (const line of lines.get(word)!) {
          for (const entry of line.split(',')) {
            const n = parseInt(entry, 36);
            byNumber.set(n, (byNumber.get(n) ?? 0) + each * codeCount(entry));
          }
        }
      }
    } else {
      // Articles holding a word for every term (smallest set first), then where those words stand in them.
      const all = await this.linesOfWords([...new Set(words.filter((_, i) => !broad[i]).flat())]);
      const lines = words.map((list, i) => (broad[i] ? [] : list.map((word) => ({ word, lines: all.get(word)! }))));
      // One pass per term, the shortest lines first: each keeps only the articles every term before it is in,
      // and where its words stand there.
      const order = terms.map((_, i) => i).filter((i) => !broad[i]);
      const length = (i: number) => lines[i]!.reduce((n, { lines: wordLines }) => n + wordLines.reduce((m, line) => m + line.length, 0), 0);
      const lengths = new Map(order.map((i) => [i, length(i)]));
      order.sort((a, b) => lengths.get(a)! - lengths.get(b)!);
      const at: Map<number, TermOccurrence[]>[] = terms.map(() => new Map());
      let wanted: Set<number> | null = null;
      for (const i of order) {
        const occurrences = at[i]!;
        for (const { word, lines: wordLines } of lines[i]!) {
          for (const line of wordLines) {
            for (const entry of line.split(',')) {
              const colon = entry.indexOf(':');
              const n = parseInt(entry.slice(0, colon), 36);
              if (wanted && !wanted.has(n)) continue;
              let list = occurrences.get(n);
              if (!list) occurrences.set(n, (list = []));
              for (const code of entry.slice(colon + 1).split('.')) list.push({ code: parseInt(code, 36), length: word.length });
            }
          }
        }
        wanted = new Set(occurrences.keys());
        if (wanted.size === 0) break;
      }
      for (const n of wanted ?? []) {
        const occurrences = at.map((list) => list.get(n) ?? []);
        const hits = someBroad ? (phraseMayStand(terms, occurrences, broad) ? 1 : 0) : phraseHits(terms, occurrences);
        if (hits > 0) byNumber.set(n, hits);
      }
    }
    const counts: IndexCounts = new Map();
    for (const [n, hits] of byNumber) {
      const entry = manifest.articles[n];
      if (entry && hits > 0) counts.set(entry[0], hits);
    }
    return someBroad ? { exact: false, candidates: new Set(counts.keys()) } : { exact: true, counts };
  }

  /** Appends lines (on a new line, so a line a crash cut short never runs into them) and records the size. */
  private async append(file: string, text: string): Promise<void> {
    const handle = await open(join(this.dir, ...file.split('/')), 'a');
    try {
      // Bytes beyond the recorded size are what an add cut short left: cut off, so they never count.
      const recorded = this.manifest!.sizes[file] ?? 0;
      if ((await handle.stat()).size > recorded) await handle.truncate(recorded);
      await handle.writeFile(text);
      this.manifest!.sizes[file] = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  }

  /** A file of the index, checked to be at least as long as the manifest says (else DamagedSearchIndex). */
  private async readChecked(file: string): Promise<string> {
    const bytes = await readFile(join(this.dir, ...file.split('/'))).catch(() => Buffer.alloc(0));
    const size = this.manifest?.sizes[file] ?? 0;
    if (bytes.length < size) throw new DamagedSearchIndex(`${file} is shorter than the index's manifest says`);
    return bytes.subarray(0, size).toString('utf8');
  }

  private async readManifest(): Promise<Manifest | null> {
    if (this.loaded) return this.manifest;
    this.loaded = true;
    try {
      const value = JSON.parse(await readFile(join(this.dir, 'manifest.json'), 'utf8')) as Manifest;
      const good =
        value.version === VERSION &&
        Array.isArray(value.articles) &&
        typeof value.sizes === 'object' &&
        value.sizes !== null &&
        value.articles.every((a) => a === null || (Array.isArray(a) && typeof a[0] === 'string' && typeof a[1] === 'string'));
      this.manifest = good ? value : null;
    } catch {
      this.manifest = null;
    }
    return this.manifest;
  }

  private async writeManifest(): Promise<void> {
    await writeFileAtomic(join(this.dir, 'manifest.json'), JSON.stringify(this.manifest));
  }

  private async readVocabulary(): Promise<Set<string>> {
    if (this.vocabulary) return this.vocabulary;
    const raw = await this.readChecked('terms.txt');
    this.vocabulary = new Set(raw.split('\n').filter((line) => line !== ''));
    return this.vocabulary;
  }

  /** The entries of every line of each word (one line per add that held it), each shard read once; kept for the next searches. */
  private async linesOfWords(words: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const toRead = new Map<number, string[]>();
    for (const word of words) {
      const known = this.lines.get(word);
      if (known) {
        result.set(word, known);
        continue;
      }
      const shard = shardOf(word);
      toRead.set(shard, [...(toRead.get(shard) ?? []), word]);
    }
    for (const [shard, shardWords] of toRead) {
      const raw = await this.readChecked(`shards/${shard}.txt`);
      for (const word of shardWords) {
        const found: string[] = [];
        const head = `\n${word}\t`;
        for (let at = raw.indexOf(head); at >= 0; at = raw.indexOf(head, at + head.length)) {
          const from = at + head.length;
          const end = raw.indexOf('\n', from);
          found.push(raw.slice(from, end < 0 ? raw.length : end));
        }
        result.set(word, found);
      }
    }
    // The words asked last stay in memory (their lines), a bounded few.
    for (const [word, found] of result) {
      this.lines.delete(word);
      this.lines.set(word, found);
    }
    while (this.lines.size > CACHED_WORDS) this.lines.delete(this.lines.keys().next().value!);
    return result;
  }
}

/** How many codes an entry "number:code.code…" holds. */
function codeCount(entry: string): number {
  let n = 1;
  for (let at = entry.indexOf('.'); at >= 0; at = entry.indexOf('.', at + 1)) n++;
  return n;
}

/** FNV-1a of the word, to one of SEARCH_SHARDS shards. */
export function shardOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_SHARDS;
}
