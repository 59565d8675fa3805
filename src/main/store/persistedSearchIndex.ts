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
 *   manifest.json    { version, sizes, signatures, identity } — small: written
 *                    after every add; `signatures` name the library (ids and
 *                    hashes in order) the index last matched in full, so a
 *                    start compares one digest instead of every article, and
 *                    `identity` that article number n is the library's n-th
 *                    article (no id list needs reading then)
 *   articles.txt     "id\thash" a line: line n is article number n
 *   removed.txt      numbers of articles no longer covered (removed, or
 *                    their text changed), one a line; numbers are never used again
 *   terms.txt        every word of the index, one a line
 *   shards/<n>.txt   lines "word\tentry,entry,…" for the words hashed to shard n;
 *                    an entry is "number:code.code…" (base 36), one code per
 *                    occurrence of the word in that article (see wordPositions),
 *                    so a query of words with spaces between is counted
 *                    from the index alone (hits, articles)
 *   shards/<n>.dir   where each line of shards/<n>.txt is: "\nword\toffset\tlength"
 *                    (base 36: the entries' first byte in the shard file, their
 *                    bytes), and for a line longer than SKIP_EVERY bytes
 *                    "\tnumber.at,number.at,…": every SKIP_EVERY bytes or so, the
 *                    entry starting there (its article number, its byte in the
 *                    line). A query reads its words' lines alone, not the whole
 *                    shard (up to 11 MB at 100,000 articles); a common word of a
 *                    phrase only the stretches of its lines where the articles
 *                    the rarer words left can be, reading no text. A line longer
 *                    than TABLE_OVER bytes has "\t@at.entries" instead of skip
 *                    points: its entry table in shards/<n>.tab
 *   shards/<n>.tab   entry tables (version 5): per long line, for every entry its
 *                    article number and its byte in the line (32-bit little-endian
 *                    pairs). A phrase whose rare word is in a few thousand articles
 *                    looks those up in a common word's table (a word in every
 *                    article ~26 times: 8 MB of lines, 0.8 MB of table) and reads
 *                    and decodes only their entries, not the whole lines (issue 20)
 * Adding articles appends their lines (each append starts on a new line)
 * and only then writes the manifest atomically (fsync'd), with the size of
 * every file it appended to (articles.txt and removed.txt too): a crash in between leaves bytes beyond those
 * sizes, which are never read and are cut off before the next append; a file
 * shorter than the manifest says (appends lost in a power cut) makes the
 * index damaged, and it is built again. Removing an article only appends its
 * number to removed.txt. With more removed than kept, it is built anew.
 * A query reads the lines of its words as bytes and walks their entries
 * without splitting them (a common word's lines hold ~100,000 entries).
 *
 * Why our own and not a library: MiniSearch and FlexSearch, measured on
 * 10,000 articles here, took 72–75 s to build and 2.8–10.8 s to load (the
 * whole index at once); this one loads only the shards a query's words hash
 * to, and a corpus search needs only which articles hold the words (it finds
 * the phrase and its offsets in the candidates' texts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, readFile, rm, mkdir } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { forEachWordPosition, occurrencesIn, phraseHits, phraseMayStand, type QueryTerm, type TermOccurrence } from '../../shared/search/searchTerms';
import { writeFileAtomic } from './writeFileAtomic';

const VERSION = 5;
export const SEARCH_SHARDS = 256;
/** Candidates few enough that reading their texts costs less than narrowing them further. */
const NARROW_ENOUGH = 2000;
/** Most shards read to narrow candidates already found by another word. */
const MAX_SHARDS_TO_NARROW = 16;
/** Most shards read to count a query from the index (a query word that is part of very many words reads the texts instead). */
const MAX_SHARDS_TO_COUNT = 48;
/** Words whose lines are kept in memory between searches. */
const CACHED_WORDS = 64;
/** Bytes of a line between two of its skip points (see shards/<n>.dir). */
const SKIP_EVERY = 4096;
/** A line longer than this gets an entry table (shards/<n>.tab) instead of skip points. */
const TABLE_OVER = 65536;

/** Where one line of a word is: its shard, its entries' bytes in the shard file, and its skip points or entry table. */
interface LineRef {
  shard: number;
  offset: number;
  length: number;
  /** Flat [number, byte in the line, number, byte, …], ascending; null for a short line or one with a table. */
  skips: number[] | null;
  /** Where the line's entry table is in shards/<n>.tab (its first byte, its entries); null: none. */
  table: { at: number; entries: number } | null;
}

interface Manifest {
  version: number;
  /** Article numbers given so far (the lines of articles.txt). */
  count: number;
  /** Numbers listed in removed.txt. */
  removedCount: number;
  /** Bytes of each file after the last append: a shorter file lost lines (damaged). */
  sizes: Record<string, number>;
  /** Digests of the library the index last matched in full (librarySignature, the store's of index.json); none after any change since. */
  signatures: string[];
  /** Whether article number n was the n-th article of that library (none removed, same order). */
  identity: boolean;
}

/** A file of the index is shorter than its manifest says: the index must be built again. */
export class DamagedSearchIndex extends Error {}

export interface IndexedArticle {
  id: string;
  hash: string;
  /** Every word of the folded text with its codes (wordPositions). */
  words: ReadonlyMap<string, readonly number[]>;
}

/** Hits per article (by id) of a query, counted from the index, in the order of the articles' numbers. */
export type IndexCounts = Map<string, number>;

/**
 * What the index says about a query of words: every article's hits, or —
 * when a word at an end of the phrase is part of too many words to count
 * ("a much …") — the articles where the other words stand as the phrase
 * needs (their texts are then scanned).
 */
export type IndexAnswer = { exact: true; counts: IndexCounts } | { exact: false; candidates: Set<string> };

/** A query's hits per article number, as the index counted them (no map by id: 100,000 articles, issue 20). */
export interface NumberedCounts {
  /** Hits of article number n (0: none). */
  hits: Uint32Array;
  /** Article number n's id; null when it was removed. */
  idAt(n: number): string | null;
  /** The library whose n-th article is number n (the one matches() was last given, when its order is the index's); null: use idAt. */
  library: readonly { id: string }[] | null;
}

export type NumberedAnswer = { exact: true; counts: NumberedCounts } | { exact: false; candidates: Set<string> };

/** A long line of a later term of a phrase, asked through its entry table: `matches` are [number, entry, …] of the articles asked for. */
interface TabledLine {
  word: string;
  ref: LineRef;
  table: Uint32Array;
  matches: number[];
  /** The whole line when it is in memory already. */
  line: Buffer | null;
}

/** One line of a phrase's term (or a stretch of it) as bytes, or a long line through its table. */
type TermLine = { word: string; line: Buffer } | TabledLine;

/** Entries of a tabled line fewer than this many bytes apart are read in one read (with the bytes between); more than one per this many bytes: the whole line. */
const ENTRY_GAP = 2048;
const BIG_ENDIAN = endianness() === 'BE';

export class PersistedSearchIndex {
  private manifest: Manifest | null = null;
  private loaded = false;
  /** Line n of articles.txt: article number n (read only when needed). */
  private ids: string[] | null = null;
  private hashes: string[] | null = null;
  private removed: Set<number> | null = null;
  /** The library the index matched at the last sync when its numbers are the library's order (identity): no id list read. */
  private library: readonly { id: string }[] | null = null;
  /** terms.txt as read, one word a line, for finding the words a part of a word matches. */
  private vocabularyText: string | null = null;
  /** Every word, for adding (built from vocabularyText only when adding). */
  private vocabulary: Set<string> | null = null;
  /** The lines of recently asked words (word → its lines' entries), most recent last. */
  private readonly lines = new Map<string, Buffer[]>();

  /** Memory a common word's line is read into, kept from one line to the next (see tableEntries). */
  private scratch = Buffer.alloc(0);

  /** shards/<n>.dir as read (small), until the shard is appended to. */
  private readonly dirs = new Map<number, Buffer>();

  /** `skipEvery`: bytes between the skip points of a long line; `tableOver`: bytes above which a line gets an entry table (tests make them small). */
  constructor(
    readonly dir: string,
    private readonly skipEvery = SKIP_EVERY,
    private readonly tableOver = TABLE_OVER,
  ) {}

  /** The articles the index covers, id → text hash (empty when there is no usable index). */
  async covered(): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (!(await this.readManifest())) return map;
    await this.readIds();
    const removed = await this.readRemoved();
    const ids = this.ids!;
    const hashes = this.hashes!;
    for (let n = 0; n < ids.length; n++) if (!removed.has(n)) map.set(ids[n]!, hashes[n]!);
    return map;
  }

  /** Whether it is best built anew: none there, damaged, or more removed articles than kept. */
  async needsRebuild(): Promise<boolean> {
    const manifest = await this.readManifest();
    if (!manifest) return true;
    return manifest.count > 1000 && manifest.removedCount * 2 > manifest.count;
  }

  /**
   * Whether the index last matched, in full, the library with this signature
   * (librarySignature of `library`): nothing to compare or catch up then.
   * `library` is kept to name the articles when its order is the index's.
   */
  async matches(signature: string, library: readonly { id: string }[]): Promise<boolean> {
    const manifest = await this.readManifest();
    this.library = null;
    if (!manifest || !manifest.signatures.includes(signature)) return false;
    if (manifest.identity) this.library = library;
    return true;
  }

  /** Records that the index now covers exactly `library` (which these digests name). */
  async markMatched(signatures: string[], library: readonly { id: string }[]): Promise<void> {
    const manifest = (await this.readManifest()) ?? (await this.clear(), this.manifest!);
    await this.readIds();
    const ids = this.ids!;
    manifest.identity = manifest.removedCount === 0 && ids.length === library.length && library.every((a, n) => a.id === ids[n]);
    manifest.signatures = signatures;
    await this.writeManifest();
    this.library = manifest.identity ? library : null;
  }

  /**
   * Records that the library it last matched (see matches, just true) is
   * also named by these digests (index.json saved again with the same
   * articles: the coder, the codebook): its article numbers are not read.
   */
  async alsoNamed(signatures: string[]): Promise<void> {
    const manifest = await this.readManifest();
    if (!manifest) return;
    manifest.signatures = signatures;
    await this.writeManifest();
  }

  /** Removes every file of the index and starts an empty one. */
  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    this.manifest = { version: VERSION, count: 0, removedCount: 0, sizes: {}, signatures: [], identity: false };
    this.loaded = true;
    this.ids = [];
    this.hashes = [];
    this.removed = new Set();
    this.library = null;
    this.vocabularyText = '';
    this.vocabulary = new Set();
    this.lines.clear();
    this.dirs.clear();
    await mkdir(join(this.dir, 'shards'), { recursive: true });
    await this.writeManifest();
  }

  /** Adds articles (their words); durable when it returns. */
  async add(articles: readonly IndexedArticle[]): Promise<void> {
    if (articles.length === 0) return;
    const adder = await this.adding();
    for (const article of articles) adder.addWords(article.id, article.hash, article.words);
    await adder.commit();
  }

  /**
   * Adds articles one by one (numbered in the order given), without keeping
   * their texts or a map of words per article: each text's words go straight
   * into the lines being written. Durable once commit returns.
   */
  async adding(): Promise<IndexAdder> {
    const manifest = (await this.readManifest()) ?? (await this.clear(), this.manifest!);
    await this.readIds();
    const vocabulary = await this.readVocabulary();
    return new IndexAdder(manifest.count, vocabulary, (batch) => this.write(batch));
  }

  /** Writes what an IndexAdder gathered: lines, new words, then the manifest. */
  private async write(batch: GatheredBatch): Promise<void> {
    if (batch.articles.length === 0) return;
    const manifest = this.manifest!;
    this.changed();
    let listed = '';
    for (const [id, hash] of batch.articles) {
      if (/[\t\n]/.test(id + hash)) throw new Error(`Article id "${id}" cannot be indexed (tab or line break).`);
      this.ids!.push(id);
      this.hashes!.push(hash);
      listed += `${id}\t${hash}\n`;
    }
    manifest.count += batch.articles.length;
    const perShard = new Map<number, [string, number[]][]>();
    for (const [term, entries] of batch.terms) {
      const shard = shardOf(term);
      const lines = perShard.get(shard);
      if (lines) lines.push([term, entries]);
      else perShard.set(shard, [[term, entries]]);
    }
    await mkdir(join(this.dir, 'shards'), { recursive: true });
    const out = new LineWriter();
    // Each entry's article number and byte in its line, for the line's table if it gets one.
    let entryTable = new Uint32Array(1 << 16);
    for (const [shard, lines] of perShard) {
      out.reset();
      out.byte(10);
      // The shard file's size before this append: where the lines written now will be.
      const base = manifest.sizes[`shards/${shard}.txt`] ?? 0;
      const tableBase = manifest.sizes[`shards/${shard}.tab`] ?? 0;
      const tables: Buffer[] = [];
      let tableBytes = 0;
      let directory = '';
      for (const [term, entries] of lines) {
        out.text(term);
        out.byte(9);
        const from = out.length;
        let skips = '';
        let nextSkip = 0;
        let count = 0;
        for (let i = 0; i < entries.length; ) {
          if (i > 0) out.byte(44); // ,
          const at = out.length - from;
          if (at >= nextSkip) {
            skips += `${skips === '' ? '' : ','}${entries[i]!.toString(36)}.${at.toString(36)}`;
            nextSkip = at + this.skipEvery;
          }
          if (count * 2 + 2 > entryTable.length) {
            const larger = new Uint32Array(entryTable.length * 2);
            larger.set(entryTable);
            entryTable = larger;
          }
          entryTable[count * 2] = entries[i]!;
          entryTable[count * 2 + 1] = at;
          count++;
          out.base36(entries[i++]!);
          out.byte(58); // :
          const codes = entries[i++]!;
          for (let k = 0; k < codes; k++) {
            if (k > 0) out.byte(46); // .
            out.base36(entries[i++]!);
          }
        }
        this.lines.get(term)?.push(out.copy(from, out.length));
        const length = out.length - from;
        let where = '';
        if (length > this.tableOver) {
          where = `\t@${(tableBase + tableBytes).toString(36)}.${count.toString(36)}`;
          const table = tableFile(entryTable.subarray(0, count * 2));
          tables.push(table);
          tableBytes += table.length;
        } else if (length > this.skipEvery) where = `\t${skips}`;
        directory += `\n${term}\t${(base + from).toString(36)}\t${length.toString(36)}${where}`;
        out.byte(10);
      }
      await this.append(`shards/${shard}.txt`, out.bytes());
      if (tables.length > 0) await this.append(`shards/${shard}.tab`, Buffer.concat(tables, tableBytes));
      await this.append(`shards/${shard}.dir`, directory);
      this.dirs.delete(shard);
    }
    if (batch.newTerms.length > 0) {
      const text = `\n${batch.newTerms.join('\n')}\n`;
      await this.append('terms.txt', text);
      this.vocabularyText += text;
    }
    await this.append('articles.txt', listed);
    await this.writeManifest();
  }

  /** Marks articles as no longer covered (removed, or their text changed). */
  async remove(ids: ReadonlySet<string>): Promise<void> {
    const manifest = await this.readManifest();
    if (!manifest || ids.size === 0) return;
    await this.readIds();
    const removed = await this.readRemoved();
    let text = '';
    this.ids!.forEach((id, n) => {
      if (ids.has(id) && !removed.has(n)) {
        removed.add(n);
        text += `${n}\n`;
      }
    });
    if (text === '') return;
    this.changed();
    manifest.removedCount = removed.size;
    await this.append('removed.txt', text);
    await this.writeManifest();
  }

  /** The ids of the covered articles that have, for every query word, a word matching it. */
  async candidates(query: readonly QueryTerm[]): Promise<Set<string>> {
    if (!(await this.readManifest())) return new Set();
    const idAt = await this.namer();
    let numbers: Set<number> | null = null;
    // Exact words first (one shard each, usually the smallest sets), then the longest parts of words.
    const rank = (q: QueryTerm) => (q.match === 'exact' ? 0 : 1);
    const ordered = [...query].sort((a, b) => rank(a) - rank(b) || b.term.length - a.term.length);
    for (const q of ordered) {
      const words = await this.wordsOf(q);
      const shards = new Set(words.map(shardOf));
      // Candidates are checked against the texts anyway: a word that would need many shards read to narrow
      // a set already small is skipped (the set stays a superset, so nothing is missed).
      if (numbers !== null && (numbers.size <= NARROW_ENOUGH || shards.size > MAX_SHARDS_TO_NARROW)) continue;
      const found = new Set<number>();
      const before: Set<number> | null = numbers;
      const lines = await this.linesOfWords(words);
      for (const word of words) {
        for (const line of lines.get(word)!) {
          walkEntries(line, (n) => {
            if (!before || before.has(n)) found.add(n);
          });
        }
      }
      numbers = found;
      if (numbers.size === 0) break;
    }
    const ids = new Set<string>();
    for (const n of numbers ?? []) {
      const id = idAt(n);
      if (id !== null) ids.add(id);
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
    const answer = await this.answerByNumber(terms);
    if (answer === null || !answer.exact) return answer;
    const counts: IndexCounts = new Map();
    const { hits, idAt } = answer.counts;
    for (let n = 0; n < hits.length; n++) {
      const id = hits[n] === 0 ? null : idAt(n);
      if (id !== null) counts.set(id, hits[n]!);
    }
    return { exact: true, counts };
  }

  /** answer, with the hits per article number (see NumberedCounts). */
  async answerByNumber(terms: readonly QueryTerm[]): Promise<NumberedAnswer | null> {
    const manifest = (await this.readManifest()) ?? { version: VERSION, count: 0, removedCount: 0, sizes: {}, signatures: [], identity: false };
    const words: string[][] = [];
    for (const q of terms) words.push(await this.wordsOf(q));
    // The ends of a phrase that are part of too many words (the one with most shards first) stand for any word.
    const broad = terms.map(() => false);
    const shardCount = () => new Set(words.filter((_, i) => !broad[i]).flat().map(shardOf)).size;
    const ends = [0, terms.length - 1].sort((a, b) => new Set(words[b]!.map(shardOf)).size - new Set(words[a]!.map(shardOf)).size);
    for (const end of ends) if (shardCount() > MAX_SHARDS_TO_COUNT) broad[end] = true;
    if (shardCount() > MAX_SHARDS_TO_COUNT || broad.every(Boolean)) return null;
    const someBroad = broad.some(Boolean);
    const idAt = await this.namer();
    // Hits per article number (numbers are dense: an array is cheaper than a map at 100,000 articles).
    const byNumber = new Uint32Array(manifest.count);
    if (terms.length === 1) {
      const term = terms[0]!.term;
      const lines = await this.linesOfWords(words[0]!);
      for (const word of words[0]!) {
        const each = occurrencesIn(word, term);
        for (const line of lines.get(word)!) {
          walkEntries(line, (n, from, to) => {
            byNumber[n] = byNumber[n]! + each * countCodes(line, from, to);
          });
        }
      }
    } else {
      // Articles holding a word for every term (smallest set first), then where those words stand in them.
      // Only the lines' places are read first (shards/<n>.dir): the term with the fewest bytes is read whole,
      // each next one only where the articles left can be (a common word's lines are megabytes).
      const refs = new Map<string, LineRef[]>();
      for (const word of new Set(words.filter((_, i) => !broad[i]).flat())) refs.set(word, await this.refsOf(word));
      const lines: TermLine[][] = terms.map(() => []);
      // One pass per term, the shortest lines first: each keeps only the articles every term before it is in,
      // and where its words stand there.
      const order = terms.map((_, i) => i).filter((i) => !broad[i]);
      const length = (i: number) => words[i]!.reduce((n, word) => n + refs.get(word)!.reduce((m, ref) => m + ref.length, 0), 0);
      const lengths = new Map(order.map((i) => [i, length(i)]));
      order.sort((a, b) => lengths.get(a)! - lengths.get(b)!);
      // First the articles alone (numbers, no codes read): each term keeps those of the terms before it. A long
      // line is asked through its entry table (which articles it holds, where their entries are), reading none
      // of its bytes yet; a shorter one is read where those articles can be.
      let wanted: Set<number> | null = null;
      for (const i of order) {
        const before: Set<number> | null = wanted;
        const found = new Set<number>();
        if (before === null) {
          const all = await this.linesOfWords(words[i]!);
          for (const word of words[i]!) for (const line of all.get(word)!) lines[i]!.push({ word, line });
        } else {
          const sorted = Float64Array.from(before).sort();
          for (const word of words[i]!) for (const source of await this.termLines(word, refs.get(word)!, sorted)) lines[i]!.push(source);
        }
        for (const source of lines[i]!) {
          if ('table' in source) {
            for (let m = 0; m < source.matches.length; m += 2) found.add(source.matches[m]!);
            continue;
          }
          const line = source.line;
          if (before && seekable(before, line)) {
            for (const n of before) if (findEntry(line, n)) found.add(n);
          } else {
            walkEntries(line, (n) => {
              if (!before || before.has(n)) found.add(n);
            });
          }
        }
        wanted = found;
        if (wanted.size === 0) break;
      }
      // Then where the words stand, in those articles only.
      const at: Map<number, TermOccurrence[]>[] = terms.map(() => new Map());
      const kept: Set<number> = wanted ?? new Set();
      // The term read first (fewest bytes) anchors the phrase: of every other term, only the occurrences standing
      // where the phrase would put them beside one of its occurrences are kept (a common word has dozens an
      // article; a phrase's hits and whether it may stand are decided by those alone).
      const anchor = order[0]!;
      const anchorOrdinals = new Map<number, number[]>();
      for (const i of kept.size === 0 ? [] : order) {
        const occurrences = at[i]!;
        if (i !== anchor && anchorOrdinals.size === 0) {
          // Ascending (the anchor's words' occurrences come word by word).
          for (const [n, list] of at[anchor]!) anchorOrdinals.set(n, list.map((o) => o.code >> 1).sort((a, b) => a - b));
        }
        const shift = anchor - i;
        const near: number[] = [];
        for (const source of lines[i]!) {
          const word = source.word;
          const take = (line: Buffer, n: number, from: number, to: number) => {
            let list = occurrences.get(n);
            if (i === anchor) {
              readCodes(line, from, to, (code) => {
                if (!list) occurrences.set(n, (list = []));
                list.push({ code, length: word.length });
              });
              return;
            }
            // Only the codes standing where the phrase puts this term beside an anchor occurrence.
            const allowed = anchorOrdinals.get(n);
            if (!allowed) return;
            near.length = 0;
            codesNear(line, from, to, allowed, shift, near);
            if (near.length === 0) return;
            if (!list) occurrences.set(n, (list = []));
            for (const code of near) list.push({ code, length: word.length });
          };
          if ('table' in source) {
            // Only the entries of the articles kept: each one's bytes, from the line in memory or read alone.
            for (const [n, entry] of this.tableEntries(source, kept)) {
              let colon = 0;
              while (entry[colon] !== 58) colon++;
              take(entry, n, colon + 1, entry.length);
            }
            continue;
          }
          const line = source.line;
          if (seekable(kept, line)) {
            for (const n of kept) {
              const found = findEntry(line, n);
              if (found) take(line, n, found[0], found[1]);
            }
          } else {
            walkEntries(line, (n, from, to) => {
              if (kept.has(n)) take(line, n, from, to);
            });
          }
        }
      }
      for (const n of wanted ?? []) {
        // A term that is not broad with no occurrence where the phrase needs it: no hit (most articles of a common word).
        if (order.some((i) => !at[i]!.has(n))) continue;
        const occurrences = at.map((list) => list.get(n) ?? []);
        byNumber[n] = someBroad ? (phraseMayStand(terms, occurrences, broad) ? 1 : 0) : phraseHits(terms, occurrences);
      }
    }
    if (!someBroad) return { exact: true, counts: { hits: byNumber, idAt, library: this.library } };
    const candidates = new Set<string>();
    for (let n = 0; n < byNumber.length; n++) {
      const id = byNumber[n] === 0 ? null : idAt(n);
      if (id !== null) candidates.add(id);
    }
    return { exact: false, candidates };
  }

  /** Article number → id (null: removed); reads the id list only when the numbers are not the library's order. */
  private async namer(): Promise<(n: number) => string | null> {
    const library = this.library;
    if (library) return (n) => library[n]?.id ?? null;
    await this.readIds();
    const removed = await this.readRemoved();
    const ids = this.ids!;
    return (n) => (removed.has(n) ? null : (ids[n] ?? null));
  }

  /** What any add or remove makes of the index: no longer known to match a library. */
  private changed(): void {
    this.manifest!.signatures = [];
    this.manifest!.identity = false;
    this.library = null;
  }

  /** The words of the index a query word can stand for. */
  private async wordsOf(q: QueryTerm): Promise<string[]> {
    if (q.match === 'exact') return [q.term];
    const text = await this.readVocabularyText();
    const words: string[] = [];
    for (let at = text.indexOf(q.term); at >= 0; ) {
      const start = text.lastIndexOf('\n', at) + 1;
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const fits = q.match === 'infix' || (q.match === 'prefix' ? at === start : text.endsWith(q.term, end));
      if (fits) words.push(text.slice(start, end));
      // Past this line: a word is listed once, and a suffix can only end it.
      at = q.match === 'suffix' && !fits ? text.indexOf(q.term, at + 1) : text.indexOf(q.term, end);
    }
    return words;
  }

  /** Appends lines and records the size (bytes a cut-short add left beyond the recorded size are cut off first). */
  private async append(file: string, text: string | Uint8Array): Promise<void> {
    const handle = await open(join(this.dir, ...file.split('/')), 'a');
    try {
      const recorded = this.manifest!.sizes[file] ?? 0;
      if ((await handle.stat()).size > recorded) await handle.truncate(recorded);
      await handle.writeFile(text);
      this.manifest!.sizes[file] = recorded + (typeof text === 'string' ? Buffer.byteLength(text) : text.length);
    } finally {
      await handle.close();
    }
  }

  /** A file of the index up to the size the manifest records, checked to be at least that long (else DamagedSearchIndex). */
  private async readChecked(file: string): Promise<Buffer> {
    const bytes = await readFile(join(this.dir, ...file.split('/'))).catch(() => Buffer.alloc(0));
    const size = this.manifest?.sizes[file] ?? 0;
    if (bytes.length < size) throw new DamagedSearchIndex(`${file} is shorter than the index's manifest says`);
    return bytes.subarray(0, size);
  }

  private async readManifest(): Promise<Manifest | null> {
    if (this.loaded) return this.manifest;
    this.loaded = true;
    try {
      const value = JSON.parse(await readFile(join(this.dir, 'manifest.json'), 'utf8')) as Manifest;
      const good =
        value.version === VERSION &&
        Number.isInteger(value.count) &&
        Number.isInteger(value.removedCount) &&
        typeof value.sizes === 'object' &&
        value.sizes !== null &&
        Array.isArray(value.signatures) &&
        value.signatures.every((x) => typeof x === 'string') &&
        typeof value.identity === 'boolean';
      this.manifest = good ? value : null;
    } catch {
      this.manifest = null;
    }
    return this.manifest;
  }

  private async writeManifest(): Promise<void> {
    await writeFileAtomic(join(this.dir, 'manifest.json'), JSON.stringify(this.manifest));
  }

  /** articles.txt: line n is article number n. */
  private async readIds(): Promise<void> {
    if (this.ids) return;
    const lines = (await this.readChecked('articles.txt')).toString('utf8').split('\n');
    const count = this.manifest?.count ?? 0;
    if (lines.length - 1 < count) throw new DamagedSearchIndex('articles.txt lists fewer articles than the manifest says');
    const ids: string[] = [];
    const hashes: string[] = [];
    for (let n = 0; n < count; n++) {
      const line = lines[n]!;
      const tab = line.indexOf('\t');
      ids.push(line.slice(0, tab));
      hashes.push(line.slice(tab + 1));
    }
    this.ids = ids;
    this.hashes = hashes;
  }

  private async readRemoved(): Promise<Set<number>> {
    if (this.removed) return this.removed;
    const removed = new Set<number>();
    if ((this.manifest?.removedCount ?? 0) > 0) {
      for (const line of (await this.readChecked('removed.txt')).toString('latin1').split('\n')) if (line !== '') removed.add(Number(line));
    }
    this.removed = removed;
    return removed;
  }

  private async readVocabularyText(): Promise<string> {
    this.vocabularyText ??= (await this.readChecked('terms.txt')).toString('utf8');
    return this.vocabularyText;
  }

  private async readVocabulary(): Promise<Set<string>> {
    this.vocabulary ??= new Set((await this.readVocabularyText()).split('\n').filter((line) => line !== ''));
    return this.vocabulary;
  }

  /** The entries of every line of each word (one line per add that held it), its lines alone read; kept for the next searches. */
  private async linesOfWords(words: readonly string[]): Promise<Map<string, Buffer[]>> {
    const result = new Map<string, Buffer[]>();
    for (const word of words) {
      const known = this.lines.get(word);
      if (known) {
        result.set(word, known);
        continue;
      }
      const refs = await this.refsOf(word);
      result.set(word, this.readRanges(refs.map((ref) => [ref.shard, ref.offset, ref.offset + ref.length])));
    }
    // The words asked last stay in memory (their lines), a bounded few.
    for (const [word, found] of result) {
      this.lines.delete(word);
      this.lines.set(word, found);
    }
    while (this.lines.size > CACHED_WORDS) this.lines.delete(this.lines.keys().next().value!);
    return result;
  }

  /**
   * A word's lines as a later term of a phrase reads them, for these articles
   * (ascending): a line with an entry table as the table's matches (its
   * entries' bytes are read later, those of the articles left alone); any
   * other as the stretches between skip points where one of them can be,
   * each a run of whole entries in ascending order, as a line is (the whole
   * line when it is short, or most stretches would be read anyway). Lines
   * already in memory are used as they are.
   */
  private async termLines(word: string, refs: readonly LineRef[], sorted: Float64Array): Promise<TermLine[]> {
    const known = this.lines.get(word);
    const cached = known && known.length === refs.length ? known : null;
    const out: TermLine[] = [];
    const tabled = refs.filter((ref) => ref.table !== null);
    const tables = this.readTables(tabled);
    tabled.forEach((ref, k) => {
      const table = tables[k]!;
      const matches: number[] = [];
      lookUp(table, sorted, (n, entry) => matches.push(n, entry));
      if (matches.length > 0) out.push({ word, ref, table, matches, line: cached ? cached[refs.indexOf(ref)]! : null });
    });
    const ranges: [number, number, number][] = [];
    refs.forEach((ref, r) => {
      if (ref.table) return;
      if (cached) {
        out.push({ word, line: cached[r]! });
        return;
      }
      const skips = ref.skips;
      const points = skips ? skips.length / 2 : 0;
      if (!skips || sorted.length * 2 >= points) {
        ranges.push([ref.shard, ref.offset, ref.offset + ref.length]);
        return;
      }
      // Stretch k: from skip point k to the comma before point k + 1 (or the line's end).
      let last = -1;
      let k = 0;
      for (const n of sorted) {
        if (n < skips[0]!) continue;
        while (k + 1 < points && skips[(k + 1) * 2]! <= n) k++;
        if (k === last) continue;
        const from = ref.offset + skips[k * 2 + 1]!;
        const to = k + 1 < points ? ref.offset + skips[(k + 1) * 2 + 1]! - 1 : ref.offset + ref.length;
        const previous = ranges[ranges.length - 1];
        // Next to the stretch before: one read.
        if (previous && previous[0] === ref.shard && last === k - 1 && previous[2] + 1 === from) previous[2] = to;
        else ranges.push([ref.shard, from, to]);
        last = k;
      }
    });
    for (const line of this.readRanges(ranges)) out.push({ word, line });
    return out;
  }

  /**
   * The entries ("number:code.code…") of the articles in `kept` among a
   * tabled line's matches, each its own bytes (valid until the next call):
   * from the line in memory; else, when they are many for the line's bytes,
   * the line read at once into memory kept from call to call (each read and
   * each new page of memory costs as much as many bytes copied); else read
   * into one buffer, entries close together in one read (a few entries of
   * 80 bytes out of a line of megabytes: no need to read the rest).
   */
  private tableEntries(source: TabledLine, kept: ReadonlySet<number>): [number, Buffer][] {
    const { ref, table, matches } = source;
    const count = table.length / 2;
    const spans: number[] = [];
    for (let m = 0; m < matches.length; m += 2) {
      const n = matches[m]!;
      if (!kept.has(n)) continue;
      const k = matches[m + 1]!;
      // Entry k runs to the comma before entry k + 1 (or the line's end).
      spans.push(n, table[k * 2 + 1]!, k + 1 < count ? table[(k + 1) * 2 + 1]! - 1 : ref.length);
    }
    const out: [number, Buffer][] = [];
    if (spans.length === 0) return out;
    let line = source.line;
    if (!line && (spans.length / 3) * ENTRY_GAP >= ref.length) {
      if (this.scratch.length < ref.length) this.scratch = Buffer.allocUnsafe(Math.max(ref.length, this.scratch.length * 2));
      line = this.scratch.subarray(0, ref.length);
      this.readInto(ref.shard, line, [[ref.offset, ref.offset + ref.length, 0]]);
    }
    if (line) {
      for (let s = 0; s < spans.length; s += 3) out.push([spans[s]!, line.subarray(spans[s + 1], spans[s + 2])]);
      return out;
    }
    // Reads of the spans (ascending), those less than ENTRY_GAP bytes apart joined: [from, to, where in the buffer].
    const reads: [number, number, number][] = [];
    let bytes = 0;
    for (let s = 0; s < spans.length; s += 3) {
      const from = spans[s + 1]!;
      const to = spans[s + 2]!;
      const last = reads[reads.length - 1];
      if (last && from - last[1] <= ENTRY_GAP) {
        bytes += to - last[1];
        last[1] = to;
      } else {
        reads.push([from, to, bytes]);
        bytes += to - from;
      }
    }
    const buffer = Buffer.allocUnsafe(bytes);
    this.readInto(ref.shard, buffer, reads.map(([from, to, at]) => [ref.offset + from, ref.offset + to, at]));
    let r = 0;
    for (let s = 0; s < spans.length; s += 3) {
      while (spans[s + 1]! >= reads[r]![1]) r++;
      const at = reads[r]![2] + spans[s + 1]! - reads[r]![0];
      out.push([spans[s]!, buffer.subarray(at, at + spans[s + 2]! - spans[s + 1]!)]);
    }
    return out;
  }

  /** Reads byte ranges [from, to) of shards/<shard>.txt into `buffer` at their places; a file shorter than the manifest says is damage. */
  private readInto(shard: number, buffer: Buffer, reads: readonly (readonly [number, number, number])[]): void {
    const file = `shards/${shard}.txt`;
    let fd: number;
    try {
      fd = openSync(join(this.dir, 'shards', `${shard}.txt`), 'r');
    } catch {
      throw new DamagedSearchIndex(`${file} is missing`);
    }
    try {
      if (fstatSync(fd).size < (this.manifest?.sizes[file] ?? 0)) throw new DamagedSearchIndex(`${file} is shorter than the index's manifest says`);
      for (const [from, to, at] of reads) {
        let got = 0;
        while (got < to - from) {
          const n = readSync(fd, buffer, at + got, to - from - got, from + got);
          if (n === 0) throw new DamagedSearchIndex(`${file} ends before a line its directory names`);
          got += n;
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The entry tables of these lines (shards/<n>.tab): [number, byte in the line, …] per line, ascending; a file shorter than the manifest says is damage. */
  private readTables(refs: readonly LineRef[]): Uint32Array[] {
    for (const ref of refs) {
      const file = `shards/${ref.shard}.tab`;
      if (ref.table!.at + ref.table!.entries * 8 > (this.manifest?.sizes[file] ?? 0)) throw new DamagedSearchIndex(`${file} does not hold a table its directory names`);
    }
    const read = this.readRanges(
      refs.map((ref) => [ref.shard, ref.table!.at, ref.table!.at + ref.table!.entries * 8]),
      'tab',
    );
    return read.map((bytes) => {
      // Seen as 32-bit numbers where it lies in memory when it can be (written little-endian), else copied.
      if (!BIG_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      const own = Buffer.allocUnsafeSlow(bytes.length);
      bytes.copy(own);
      if (BIG_ENDIAN) own.swap32();
      return new Uint32Array(own.buffer, own.byteOffset, bytes.length / 4);
    });
  }

  /** Where the lines of a word are (shards/<n>.dir of its shard, read once until the shard changes). */
  private async refsOf(word: string): Promise<LineRef[]> {
    const shard = shardOf(word);
    let directory = this.dirs.get(shard);
    if (!directory) {
      directory = await this.readChecked(`shards/${shard}.dir`);
      this.dirs.set(shard, directory);
    }
    const refs: LineRef[] = [];
    const head = Buffer.from(`\n${word}\t`, 'utf8');
    for (let at = directory.indexOf(head); at >= 0; at = directory.indexOf(head, at + head.length)) {
      const from = at + head.length;
      let end = directory.indexOf(10, from);
      if (end < 0) end = directory.length;
      const [offset, length, skipText] = directory.toString('latin1', from, end).split('\t');
      let skips: number[] | null = null;
      let table: LineRef['table'] = null;
      if (skipText?.startsWith('@')) {
        const dot = skipText.indexOf('.');
        table = { at: parseInt(skipText.slice(1, dot), 36), entries: parseInt(skipText.slice(dot + 1), 36) };
      } else if (skipText) {
        skips = [];
        for (const pair of skipText.split(',')) {
          const dot = pair.indexOf('.');
          skips.push(parseInt(pair.slice(0, dot), 36), parseInt(pair.slice(dot + 1), 36));
        }
      }
      refs.push({ shard, offset: parseInt(offset!, 36), length: parseInt(length!, 36), skips, table });
    }
    return refs;
  }

  /**
   * Byte ranges [shard, from, to) of the shard files, each its own buffer. Read at once (small reads from files
   * the manifest vouches for: cheaper than a promise each); a shard file shorter than the manifest says is damage.
   */
  private readRanges(ranges: readonly (readonly [number, number, number])[], kind: 'txt' | 'tab' = 'txt'): Buffer[] {
    const out: Buffer[] = [];
    let fd = -1;
    let open = -1;
    try {
      for (const [shard, from, to] of ranges) {
        if (shard !== open) {
          if (fd >= 0) closeSync(fd);
          fd = -1;
          const file = `shards/${shard}.${kind}`;
          try {
            fd = openSync(join(this.dir, 'shards', `${shard}.${kind}`), 'r');
          } catch {
            throw new DamagedSearchIndex(`${file} is missing`);
          }
          open = shard;
          if (fstatSync(fd).size < (this.manifest?.sizes[file] ?? 0)) throw new DamagedSearchIndex(`${file} is shorter than the index's manifest says`);
        }
        const buffer = Buffer.allocUnsafe(to - from);
        let got = 0;
        while (got < buffer.length) {
          const n = readSync(fd, buffer, got, buffer.length - got, from + got);
          if (n === 0) throw new DamagedSearchIndex(`shards/${shard}.${kind} ends before a line its directory names`);
          got += n;
        }
        out.push(buffer);
      }
    } finally {
      if (fd >= 0) closeSync(fd);
    }
    return out;
  }
}

interface GatheredBatch {
  articles: [string, string][];
  /** Per word: flat [number, how many codes, code, code, …, number, …] (no string per entry). */
  terms: Map<string, number[]>;
  newTerms: string[];
}

/** One word's entries in a batch, and where the count of codes of its last entry is (-1: none yet). */
interface WordEntries {
  list: number[];
  countAt: number;
}

/** Gathers the words of articles added one by one (see PersistedSearchIndex.adding). */
export class IndexAdder {
  private readonly articles: [string, string][] = [];
  private readonly words = new Map<string, WordEntries>();
  private readonly newTerms: string[] = [];

  constructor(
    private readonly first: number,
    private readonly vocabulary: Set<string>,
    private readonly writeBatch: (batch: GatheredBatch) => Promise<void>,
  ) {}

  get size(): number {
    return this.articles.length;
  }

  /** An article's folded text (foldForSearch): its words are taken, the text is not kept. */
  addText(id: string, hash: string, folded: string): void {
    const number = this.next(id, hash);
    forEachWordPosition(folded, (word, code) => {
      const entries = this.entriesOf(word);
      const list = entries.list;
      if (entries.countAt >= 0 && list[entries.countAt - 1] === number) {
        list.push(code);
        list[entries.countAt]!++;
      } else {
        list.push(number, 1, code);
        entries.countAt = list.length - 2;
      }
    });
  }

  /** An article's words with their codes (wordPositions). */
  addWords(id: string, hash: string, words: ReadonlyMap<string, readonly number[]>): void {
    const number = this.next(id, hash);
    for (const [word, codes] of words) {
      const list = this.entriesOf(word).list;
      list.push(number, codes.length);
      for (let i = 0; i < codes.length; i++) list.push(codes[i]!);
    }
  }

  /** Writes the lines of every article added (durable when it returns). */
  async commit(): Promise<void> {
    const terms = new Map<string, number[]>();
    for (const [word, entries] of this.words) terms.set(word, entries.list);
    await this.writeBatch({ articles: this.articles, terms, newTerms: this.newTerms });
  }

  private next(id: string, hash: string): number {
    this.articles.push([id, hash]);
    return this.first + this.articles.length - 1;
  }

  private entriesOf(word: string): WordEntries {
    let entries = this.words.get(word);
    if (!entries) {
      this.words.set(word, (entries = { list: [], countAt: -1 }));
      if (!this.vocabulary.has(word)) {
        this.vocabulary.add(word);
        this.newTerms.push(word);
      }
    }
    return entries;
  }
}

/** Bytes of index lines written straight into one reused buffer (no string per entry). */
class LineWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  byte(b: number): void {
    if (this.length === this.buffer.length) this.room(1);
    this.buffer[this.length++] = b;
  }

  /** A non-negative integer in base 36 (lower case), as toString(36) writes it. */
  base36(value: number): void {
    this.room(12);
    let digits = 1;
    for (let v = Math.floor(value / 36); v > 0; v = Math.floor(v / 36)) digits++;
    let at = this.length + digits;
    this.length = at;
    let v = value;
    do {
      const d = v % 36;
      this.buffer[--at] = d < 10 ? 48 + d : 87 + d;
      v = Math.floor(v / 36);
    } while (v > 0);
  }

  text(s: string): void {
    this.room(s.length * 3);
    this.length += this.buffer.write(s, this.length, 'utf8');
  }

  copy(from: number, to: number): Buffer {
    return Buffer.from(this.buffer.subarray(from, to));
  }

  /** What was written since reset: valid until the next write. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
}

/** Walks the entries "number:code.code…" of a line (its bytes, never decoded), without splitting it: visit(number, from, to), from–to being its codes. */
function walkEntries(line: Buffer, visit: (n: number, from: number, to: number) => void): void {
  const length = line.length;
  let i = 0;
  while (i < length) {
    let n = 0;
    let c = line[i]!;
    while (c !== 58 && i < length) {
      n = n * 36 + (c <= 57 ? c - 48 : c - 87);
      c = line[++i]!;
    }
    const from = i + 1;
    let to = line.indexOf(44, from); // ,
    if (to < 0) to = length;
    visit(n, from, to);
    i = to + 1;
  }
}

/** Whether looking up each of these articles in a line (findEntry) costs less than walking all of it. */
function seekable(numbers: ReadonlySet<number>, line: Buffer): boolean {
  return numbers.size * 256 < line.length;
}

/**
 * Article n's entry in a line (its entries ascend by number, as every add
 * writes them): the range of its codes, or null when the line has none.
 * A binary search over the bytes: a few dozen bytes read in a line of megabytes.
 */
function findEntry(line: Buffer, n: number): [number, number] | null {
  let lo = 0; // always the start of an entry
  let hi = line.length; // the start of an entry, or the end
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : line.lastIndexOf(44, mid - 1) + 1;
    let m = 0;
    let i = start;
    for (let c = line[i]!; c !== 58 && i < hi; c = line[++i]!) m = m * 36 + (c <= 57 ? c - 48 : c - 87);
    let end = line.indexOf(44, i);
    if (end < 0) end = line.length;
    if (m === n) return [i + 1, end];
    if (m < n) lo = end + 1;
    else hi = start;
  }
  return null;
}

/** A line's entry table as written to shards/<n>.tab: its [number, byte, …] as 32-bit little-endian numbers. */
function tableFile(table: Uint32Array): Buffer {
  const bytes = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  const copy = Buffer.from(bytes);
  if (BIG_ENDIAN) copy.swap32();
  return copy;
}

/**
 * For each of `sorted` (ascending article numbers) that a line's entry
 * table holds: visit(number, its entry's index). Binary searches in the
 * table, each from where the last ended.
 */
function lookUp(table: Uint32Array, sorted: Float64Array, visit: (n: number, entry: number) => void): void {
  const count = table.length / 2;
  if (count === 0) return;
  const first = table[0]!;
  const last = table[(count - 1) * 2]!;
  let lo = 0;
  for (let j = 0; j < sorted.length; j++) {
    const n = sorted[j]!;
    if (n < first) continue;
    if (n > last) break;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid * 2]! < n) lo = mid + 1;
      else hi = mid;
    }
    if (lo < count && table[lo * 2] === n) visit(n, lo);
  }
}

/** How many codes line[from, to) holds ("code.code…"). */
function countCodes(line: Buffer, from: number, to: number): number {
  let n = 1;
  for (let i = from; i < to; i++) if (line[i] === 46) n++;
  return n;
}

/**
 * Adds to `out` the codes of line[from, to) (ascending, as every entry is
 * written) whose ordinal plus `shift` is one of `ordinals` (ascending),
 * stopping past the last of them: a common word's dozens of codes in an
 * article, decoded without a call per code.
 */
function codesNear(line: Buffer, from: number, to: number, ordinals: readonly number[], shift: number, out: number[]): void {
  const last = ordinals[ordinals.length - 1]!;
  let code = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? line[i]! : 46;
    if (c === 46) {
      const ordinal = (code >> 1) + shift;
      if (ordinal > last) return;
      if (ordinals.includes(ordinal)) out.push(code);
      code = 0;
    } else code = code * 36 + (c <= 57 ? c - 48 : c - 87);
  }
}

/** Calls take(code) for each code of line[from, to). */
function readCodes(line: Buffer, from: number, to: number, take: (code: number) => void): void {
  let code = 0;
  for (let i = from; i < to; i++) {
    const c = line[i]!;
    if (c === 46) {
      take(code);
      code = 0;
    } else code = code * 36 + (c <= 57 ? c - 48 : c - 87);
  }
  take(code);
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
