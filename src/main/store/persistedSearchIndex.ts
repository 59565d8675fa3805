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
 *   shards/<n>.txt   lines "word\tnumber,number,…" for the words hashed to shard n
 * Adding articles appends their lines (each append starts on a new line)
 * and only then writes the manifest atomically (fsync'd), with the size of
 * every file it appended to: a crash in between leaves lines of numbers the
 * manifest does not list yet, which are ignored, and those articles are added
 * again; a file shorter than the manifest says (appends lost in a power cut)
 * makes the index damaged, and it is built again. Removing an article only
 * marks it in the manifest. With more removed than kept, it is built anew.
 *
 * Why our own and not a library: MiniSearch and FlexSearch, measured on
 * 10,000 articles here, took 72–75 s to build and 2.8–10.8 s to load (the
 * whole index at once); this one loads only the shards a query's words hash
 * to, and a corpus search needs only which articles hold the words (it finds
 * the phrase and its offsets in the candidates' texts).
 */
import { open, readFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { termMatches, type QueryTerm } from '../../shared/search/searchTerms';
import { writeFileAtomic } from './writeFileAtomic';

const VERSION = 1;
export const SEARCH_SHARDS = 256;
/** Candidates few enough that reading their texts costs less than narrowing them further. */
const NARROW_ENOUGH = 2000;
/** Most shards read to narrow candidates already found by another word. */
const MAX_SHARDS_TO_NARROW = 16;

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
  terms: ReadonlySet<string>;
}

export class PersistedSearchIndex {
  private manifest: Manifest | null = null;
  private loaded = false;
  private vocabulary: Set<string> | null = null;
  private readonly shards = new Map<number, Map<string, number[]>>();

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
    this.shards.clear();
    await mkdir(join(this.dir, 'shards'), { recursive: true });
    await this.writeManifest();
  }

  /** Adds articles (their words); durable when it returns. */
  async add(articles: readonly IndexedArticle[]): Promise<void> {
    if (articles.length === 0) return;
    const manifest = (await this.readManifest()) ?? (await this.clear(), this.manifest!);
    const vocabulary = await this.readVocabulary();
    const perShard = new Map<number, Map<string, number[]>>();
    const newTerms: string[] = [];
    for (const article of articles) {
      const number = manifest.articles.length;
      manifest.articles.push([article.id, article.hash]);
      for (const term of article.terms) {
        if (!vocabulary.has(term)) {
          vocabulary.add(term);
          newTerms.push(term);
        }
        const shard = shardOf(term);
        let lines = perShard.get(shard);
        if (!lines) perShard.set(shard, (lines = new Map()));
        let postings = lines.get(term);
        if (!postings) lines.set(term, (postings = []));
        postings.push(number);
      }
    }
    await mkdir(join(this.dir, 'shards'), { recursive: true });
    for (const [shard, lines] of perShard) {
      let text = '\n';
      for (const [term, postings] of lines) text += `${term}\t${postings.join(',')}\n`;
      await this.append(`shards/${shard}.txt`, text);
      const cached = this.shards.get(shard);
      if (cached) for (const [term, postings] of lines) cached.set(term, [...(cached.get(term) ?? []), ...postings]);
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
      for (const word of words) {
        for (const n of (await this.readShard(shardOf(word))).get(word) ?? []) {
          if (!numbers || numbers.has(n)) found.add(n);
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

  /** Appends lines (on a new line, so a line a crash cut short never runs into them) and records the size. */
  private async append(file: string, text: string): Promise<void> {
    const handle = await open(join(this.dir, ...file.split('/')), 'a');
    try {
      await handle.writeFile(text);
      this.manifest!.sizes[file] = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  }

  /** A file of the index, checked to be at least as long as the manifest says (else DamagedSearchIndex). */
  private async readChecked(file: string): Promise<string> {
    const bytes = await readFile(join(this.dir, ...file.split('/'))).catch(() => Buffer.alloc(0));
    if (bytes.length < (this.manifest?.sizes[file] ?? 0)) throw new DamagedSearchIndex(`${file} is shorter than the index's manifest says`);
    return bytes.toString('utf8');
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

  private async readShard(shard: number): Promise<Map<string, number[]>> {
    const known = this.shards.get(shard);
    if (known) return known;
    const raw = await this.readChecked(`shards/${shard}.txt`);
    const lines = new Map<string, number[]>();
    for (const line of raw.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue; // an empty line, or what a crash cut short (its articles are not in the manifest)
      const term = line.slice(0, tab);
      const postings = lines.get(term) ?? [];
      for (const part of line.slice(tab + 1).split(',')) {
        const n = Number(part);
        if (Number.isInteger(n) && n >= 0) postings.push(n);
      }
      lines.set(term, postings);
    }
    this.shards.set(shard, lines);
    return lines;
  }
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
