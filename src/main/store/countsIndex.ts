/**
 * The library's annotation counts per article and tag, kept in a small side
 * file (counts.json) so that listing the library never reads every
 * annotation file. Each entry carries the signature (size, mtime, inode) of
 * the annotation file it was counted from; an entry whose file has changed
 * since — a crash between saving an annotation file and saving counts.json,
 * a restore, an edit by hand — is stale and that article alone is counted
 * again. Missing entries are counted too. counts.json is derived data: it is
 * written atomically, coalesced (at most one write per `delayMs`) and at
 * close; it is not backed up. A counts.json that cannot be read is moved
 * into quarantine/ (never silently overwritten), then rebuilt.
 */
import { statSync, type Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { quarantineCorruptFile } from '../safety/quarantineCorruptFile';
import { readDataEntry } from '../safety/readDataEntry';
import { START_QUIET_MS, START_STEP_WAIT_MS, type ForegroundGate } from './foregroundGate';
import { writeFileAtomic, type AtomicWriteFs } from './writeFileAtomic';

/** Annotation count per tag id. */
export type TagCounts = Record<string, number>;

export const COUNTS_FILE = 'counts.json';
const COUNTS_VERSION = 1;

export interface CountsFile {
  schemaVersion: typeof COUNTS_VERSION;
  articles: Record<string, Entry>;
}

interface Entry {
  /** Signature of the annotation file counted ("none": there was no file). */
  file: string;
  counts: TagCounts;
}

export type CountsFs = AtomicWriteFs & Pick<typeof nodeFs, 'stat'>;

export interface CountsIndexOptions {
  /** Where each article's annotation file lives. */
  annotationPath: (articleId: string) => string;
  /** Coalescing delay of counts.json writes. Default 500 ms. */
  delayMs?: number;
  fs?: CountsFs;
  /** Told when a corrupt counts.json was moved aside (default: a line on stderr). */
  onQuarantine?: (movedTo: string, problem: string) => void;
  /** The core's calls in flight: the check started in the background gives way to them between steps. */
  foreground?: ForegroundGate;
}

/** Counts one article from its annotation file, and says which file version it counted. */
export type Recount = (articleId: string) => Promise<{ file: string; counts: TagCounts }>;

export class CountsIndex {
  private readonly path: string;
  private readonly dataDir: string;
  private readonly options: CountsIndexOptions;
  private readonly fs: CountsFs;
  /** Entries known good in this session (counted or recorded after a save); win over the file. */
  private live = new Map<string, Entry>();
  private fromFile: Map<string, Entry> | null = null;
  private loading: Promise<void> | null = null;
  /** Set once this session's load has counted every article. */
  private loaded = false;
  /** Set at close: a count still under way stops (what it counted so far is written). */
  private stopped = false;
  /** Calls waiting for the check to finish. */
  private awaited = 0;
  private stopGivingWay: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  /** Set when a corrupt counts.json could not be moved aside: it is then never written over. */
  private keepOut = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string, options: CountsIndexOptions) {
    this.dataDir = dataDir;
    this.path = join(dataDir, COUNTS_FILE);
    this.options = options;
    this.fs = options.fs ?? nodeFs;
  }

  /**
   * The signature of an annotation file as it is now on disk: "none" when
   * absent, "unknown" when it cannot be looked at (never matches, so the
   * article is counted again next time).
   */
  async signature(articleId: string): Promise<string> {
    try {
      return signatureOf(await this.fs.stat(this.options.annotationPath(articleId)));
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'unknown';
    }
  }

  /** Like signature, synchronously: checking 10,000 entries this way takes tens of ms, not hundreds. */
  private signatureNow(articleId: string): string {
    try {
      const s = statSync(this.options.annotationPath(articleId), { throwIfNoEntry: false });
      return s ? signatureOf(s) : 'none';
    } catch {
      return 'unknown';
    }
  }

  /**
   * Counts for every article in `articleIds`: as recorded in this session,
   * else from counts.json when its entry matches the file on disk, else by
   * `recount` (stale or missing entries only). Looks at the files once per
   * session; saves recorded meanwhile win.
   */
  async counts(articleIds: readonly string[], recount: Recount): Promise<Map<string, TagCounts>> {
    this.loading ??= this.load(articleIds, recount).catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    // A call waits for the check: it no longer gives way to calls (it would wait for itself).
    this.awaited++;
    this.stopGivingWay?.();
    try {
      await this.loading;
    } finally {
      this.awaited--;
    }
    const result = new Map<string, TagCounts>();
    for (const id of articleIds) {
      const entry = this.live.get(id);
      // An article added after the first load has no file yet.
      result.set(id, entry ? entry.counts : {});
    }
    return result;
  }

  /**
   * Starts counting (once per session, as `counts` does) and answers at once
   * with what is known so far: the list is shown while a first start counts
   * 100,000 annotation files, and the counts fill in as they arrive.
   * `pending`: articles of `articleIds` not counted yet (0 once counting is done).
   */
  countsSoFar(articleIds: readonly string[], recount: Recount): { counts: (articleId: string) => TagCounts | undefined; pending: number } {
    if (!this.loading) {
      this.loading = this.load(articleIds, recount).catch((error: unknown) => {
        this.loading = null;
        throw error;
      });
      // Counted again on the next call; `counts` reports the failure to its caller.
      this.loading.catch(() => undefined);
    }
    let pending = 0;
    if (!this.loaded) for (const id of articleIds) if (!this.live.has(id)) pending++;
    return { counts: (id) => this.live.get(id)?.counts, pending };
  }

  /** Stops a count under way (at close); what it counted so far is written by the next flush. */
  stop(): void {
    this.stopped = true;
    this.stopGivingWay?.();
    if (!this.loaded && this.live.size > 0) this.dirty = true;
  }

  /** Waits while calls of the core are in flight, unless one of them waits for this check. */
  private async giveWay(quietMs = 0, maxWaitMs = 1_000): Promise<void> {
    const gate = this.options.foreground;
    if (this.awaited > 0 || !gate) return;
    // A call that starts waiting for the check meanwhile ends the wait (see counts).
    await new Promise<void>((resolve) => {
      this.stopGivingWay = resolve;
      void gate.idle(maxWaitMs, quietMs).then(resolve);
    });
    this.stopGivingWay = null;
  }

  private async load(articleIds: readonly string[], recount: Recount): Promise<void> {
    const saved = await this.readFile();
    const stale: string[] = [];
    for (let i = 0; i < articleIds.length; i += CHECK_CHUNK) {
      // Other calls get their turn between chunks (and the whole turn while they run, see ForegroundGate).
      if (i > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        await this.giveWay();
      }
      for (const id of articleIds.slice(i, i + CHECK_CHUNK)) {
        if (this.live.has(id)) continue;
        const entry = saved.get(id);
        if (entry && entry.file === this.signatureNow(id)) this.live.set(id, entry);
        else stale.push(id);
      }
    }
    for (const id of stale) {
      if (this.stopped) return;
      await this.giveWay();
      const counted = await recount(id);
      // A save recorded meanwhile is newer than this count.
      if (!this.live.has(id)) this.live.set(id, counted);
    }
    this.loaded = true;
    if (stale.length > 0 || articleIds.length !== saved.size) this.schedule();
  }

  /** After a save: the article's counts now, and the signature of the file just written. */
  record(articleId: string, file: string, counts: TagCounts): void {
    this.live.set(articleId, { file, counts });
    this.schedule();
  }

  /** Forgets everything known (after a restore replaced files on disk); counts.json is checked again on next load. */
  async forget(): Promise<void> {
    await this.flush();
    this.live = new Map();
    this.fromFile = null;
    this.loading = null;
    this.loaded = false;
    // A restore waits for the store's saves like a close does (close stops a count); the store stays open.
    this.stopped = false;
  }

  /** Writes counts.json now if anything changed, and waits for it. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirty) this.writing = this.writing.then(() => this.write()).catch(() => {});
    await this.writing;
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed write of this cache is not an error: the next session counts again what is stale.
      this.writing = this.writing.then(() => this.write()).catch(() => {});
    }, this.options.delayMs ?? 500);
    this.timer.unref?.();
  }

  private async write(): Promise<void> {
    if (!this.dirty || this.keepOut) return;
    this.dirty = false;
    // Entries of articles not looked at in this session stay as they were in the file.
    const saved = await this.readFile().catch(() => new Map<string, Entry>());
    const articles: CountsFile['articles'] = Object.create(null) as CountsFile['articles'];
    for (const [id, entry] of saved) articles[id] = entry;
    for (const [id, entry] of this.live) articles[id] = entry;
    const file: CountsFile = { schemaVersion: COUNTS_VERSION, articles };
    await writeFileAtomic(this.path, `${JSON.stringify(file)}\n`, this.fs);
    this.fromFile = new Map(Object.entries(articles));
  }

  /** The entries in counts.json (empty when there is none, or when it was corrupt and has been moved aside). */
  private async readFile(): Promise<Map<string, Entry>> {
    if (this.fromFile) return this.fromFile;
    // Whatever the damage (not JSON, wrong shape, a folder, a link, unreadable): moved aside, then rebuilt.
    const entry = await readDataEntry(this.path);
    let entries = new Map<string, Entry>();
    let problem: string | null = null;
    if (entry.state === 'damaged') problem = entry.problem;
    else if (entry.state === 'ok') {
      // Parsing and checking 100,000 entries holds the thread for a while (~0.4 s): after the calls in flight
      // (a first search made at once, even a slow one), and not in the gap between a page's first window and its
      // next calls.
      await this.giveWay(START_QUIET_MS, START_STEP_WAIT_MS);
      const checked = readCountsFile(entry.bytes.toString('utf8'));
      if (typeof checked === 'string') problem = checked;
      else entries = new Map(Object.entries(checked.articles));
    }
    if (problem !== null) {
      try {
        const movedTo = await quarantineCorruptFile(this.dataDir, COUNTS_FILE);
        (this.options.onQuarantine ?? defaultNotice)(movedTo, problem);
        this.dirty = true;
      } catch {
        // Counted from the annotation files this session; the damaged file stays as it is.
        this.keepOut = true;
      }
    }
    this.fromFile = entries;
    return entries;
  }
}

/** counts.json checked: its entries, or what is wrong with it (the end of a sentence "counts.json …"). */
export function readCountsFile(raw: string): CountsFile | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'is not valid JSON';
  }
  try {
    return checkCountsFile(value);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function defaultNotice(movedTo: string, problem: string): void {
  process.stderr.write(`Triangulate: counts.json ${problem}; moved it to ${movedTo} and counted the annotations again.\n`);
}

/**
 * The shape of counts.json, checked by hand (a schema library takes ten times
 * as long over 10,000 entries, at every start).
 */
function checkCountsFile(value: unknown): CountsFile {
  const shape = new Error('is not in the expected shape');
  if (!isRecord(value) || value.schemaVersion !== COUNTS_VERSION || !isRecord(value.articles)) throw shape;
  if (Object.keys(value).length !== 2) throw shape;
  for (const entry of Object.values(value.articles)) {
    if (!isRecord(entry) || typeof entry.file !== 'string' || !isRecord(entry.counts) || Object.keys(entry).length !== 2) throw shape;
    for (const n of Object.values(entry.counts)) if (!Number.isInteger(n) || (n as number) < 0) throw shape;
  }
  return value as unknown as CountsFile;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Entries checked against their files between two turns of the event loop. */
const CHECK_CHUNK = 1000;

export function signatureOf(s: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): string {
  return `${s.size}:${s.mtimeMs}:${s.ino}`;
}
