/**
 * Text files no article lists: an import writes every text first and
 * index.json last, so one killed part way leaves texts/<id>.json files that
 * index.json never mentions (the next import of the same files writes them
 * again). They hold nothing the library uses; `recover`, "Restore from
 * backup" and the start of Triangulate move them to quarantine/ (never
 * deleted). Only entries older than `olderThanMs` count, so the texts of an
 * import under way in this process are left alone.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { articleTextFiles, textFileName } from '../store/articleTextFiles';
import type { IndexFile } from '../store/storeFileSchemas';
import { quarantineCorruptFile } from './quarantineCorruptFile';

/** Entries looked at between two chances for the contract's calls to go first (see giveWay). */
const STEP = 5000;

/** What the check needs of index.json: the ids of its articles. */
export type Listing = { readonly articles: readonly Pick<IndexFile['articles'][number], 'id' | 'hash' | 'versions'>[] };

export interface OrphanOptions {
  /** Only entries last changed at least this long ago (default 0: all). */
  olderThanMs?: number;
  /** The time in the names of the quarantined copies. */
  now?: Date;
  /** Awaited before each step of work on the main thread (the start runs this check in the background: see ForegroundGate). */
  giveWay?: () => Promise<void>;
}

/** The orphan texts, as paths inside the folder ("texts/<id>.json"), sorted. */
export async function findOrphanTexts(dataDir: string, index: Listing, options: OrphanOptions = {}): Promise<string[]> {
  const giveWay = options.giveWay ?? (() => Promise.resolve());
  await giveWay();
  // In steps of STEP entries, each after giving way (100,000 articles: a search right after a start does not
  // wait for, or share its CPU time with, one long stretch of this check).
  const listed = new Set<string>();
  const articles = index.articles;
  for (let from = 0; from < articles.length; from += STEP) {
    if (from > 0) await giveWay();
    for (let i = from; i < Math.min(articles.length, from + STEP); i++) {
      const a = articles[i]!;
      if (!a.versions) listed.add(textFileName(a.id));
      else for (const f of articleTextFiles(a)) listed.add(f.name);
    }
  }
  // The real clock: `now` only names what goes to quarantine.
  const now = Date.now();
  const olderThan = options.olderThanMs ?? 0;
  await giveWay();
  const names = await readdir(join(dataDir, 'texts')).catch(() => [] as string[]);
  const unlisted: string[] = [];
  for (let from = 0; from < names.length; from += STEP) {
    await giveWay();
    for (let i = from; i < Math.min(names.length, from + STEP); i++) {
      const name = names[i]!;
      if (!name.startsWith('.') && name.endsWith('.json') && !listed.has(name)) unlisted.push(name);
    }
  }
  unlisted.sort();
  const orphans: string[] = [];
  for (const name of unlisted) {
    const info = await lstat(join(dataDir, 'texts', name)).catch(() => null);
    if (!info || now - info.mtimeMs < olderThan) continue;
    orphans.push(`texts/${name}`);
  }
  return orphans;
}

/** Moves the orphan texts to quarantine/; returns where each went (inside the folder, "/" separated). */
export async function setOrphanTextsAside(dataDir: string, index: Listing, options: OrphanOptions = {}): Promise<string[]> {
  const moved: string[] = [];
  for (const file of await findOrphanTexts(dataDir, index, options)) {
    const aside = await quarantineCorruptFile(dataDir, file, { now: options.now });
    moved.push(relative(dataDir, aside).split(sep).join('/'));
  }
  return moved;
}
