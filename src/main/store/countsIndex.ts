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
 *
 * A start does not look at 100,000 annotation files (issue 20): counts.json
 * also records the signature of the annotations/ folder (modification and
 * change times in ns, inode) it is true for. Every save of the app goes
 * through a new file and a rename in that folder, so any file added, replaced,
 * renamed or removed there — by the app or anything else — changes the
 * folder's signature. When it is the recorded one, the entries are taken as
 * they are; when it is not (a crash after a save, a restore, a sync, files
 * copied in by hand), every entry is checked against its file as before. The
 * app records a folder signature only when every change it saw there was its
 * own (it looks at the folder before and after each of its saves). Not seen
 * by the folder: a file rewritten in place by another program (no rename);
 * such an article is counted again when its annotation file is read (opening
 * it), and by the full check after any other change of the folder.
 *
 * counts.json is written one article a line, so a start reads it in short
 * steps between the calls of the contract instead of parsing 9 MB at once;
 * the file stays one JSON document.
 *
 * Beside the counts per tag, each entry keeps the annotations per coder (the
 * annotations' creators): listing the coders, and the same-name warning when
 * a coder is chosen, add these up instead of reading every annotation file.
 * An entry without them (a counts.json written before they were kept) is
 * counted again like a stale one, unless its article has no annotation.
 *
 * Each entry also keeps the names its article's annotations credit (a Quote's
 * speaker, a Source's name: creditedName) with the annotation's id, offsets and
 * exact text: the people index (readEntityIndex) takes them from here instead of
 * reading 100,000 annotation files, after checking every entry against its file
 * as it is now (`credits`: a file stat, not a read; the folder's signature alone
 * would miss a file rewritten in place). An entry without them (a counts.json
 * written before they were kept) is counted again, as for the coders.
 */
import { statSync, type Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { quarantineCorruptFile } from '../safety/quarantineCorruptFile';
import { readDataEntry } from '../safety/readDataEntry';
import type { ForegroundGate } from './foregroundGate';
import { writeFileAtomic, type AtomicWriteFs } from './writeFileAtomic';

/** Annotation count per tag id. */
export type TagCounts = Record<string, number>;
/** Annotation count per coder (the annotations' creator). */
export type CoderCounts = Record<string, number>;

/** An annotation that credits someone (creditedName): what the people index needs of it. */
export interface AnnotationCredit {
  /** The annotation's id. */
  id: string;
  start: number;
  end: number;
  exact: string;
  /** The name credited, trimmed (creditedName). */
  name: string;
}

/** What one article's annotation file holds, counted: annotations per tag and per coder, and the names they credit. */
export interface Tally {
  counts: TagCounts;
  coders: CoderCounts;
  /** In the order of the annotation file. */
  credits: AnnotationCredit[];
}

export const COUNTS_FILE = 'counts.json';
/** 2: with the annotations/ folder's signature; a file of version 1 (none) is read and checked in full. */
const COUNTS_VERSION = 2;

export interface CountsFile {
  schemaVersion: 1 | typeof COUNTS_VERSION;
  /** The signature of annotations/ every entry is true for (folderSignature); null: none, check every entry. */
  folder?: string | null;
  articles: Record<string, SavedEntry>;
}

interface Entry extends Tally {
  /** Signature of the annotation file counted ("none": there was no file). */
  file: string;
}

/** An entry as counts.json holds it: one written before the coders (or the credits) were kept has none. */
type SavedEntry = Omit<Entry, 'coders' | 'credits'> & { coders?: CoderCounts; credits?: AnnotationCredit[] };

export type CountsFs = AtomicWriteFs & Pick<typeof nodeFs, 'stat'>;

export interface CountsIndexOptions {
  /** Where each article's annotation file lives. */
  annotationPath: (articleId: string) => string;
  /** Counts small files at once, many in a step (see RecountNow); without it each is counted by Recount. */
  recountNow?: RecountNow;
  /** Coalescing delay of counts.json writes. Default 500 ms. */
  delayMs?: number;
  fs?: CountsFs;
  /** Told when a corrupt counts.json was moved aside (default: a line on stderr). */
  onQuarantine?: (movedTo: string, problem: string) => void;
  /** The core's calls in flight: the check started in the background gives way to them between steps. */
  foreground?: ForegroundGate;
  /** The annotations/ folder (default: <dataDir>/annotations). */
  annotationFolder?: string;
}

/** Counts one article from its annotation file, and says which file version it counted. */
export type Recount = (articleId: string) => Promise<Entry>;
/**
 * Like Recount, at once (a small file read in a few tens of µs: the first count of 100,000 files costs
 * seconds of CPU, not the half minute of reading each through promises); null when it cannot be done so
 * (the file large, damaged, or a save of it under way): then Recount counts it.
 */
export type RecountNow = (articleId: string) => Entry | null;

export class CountsIndex {
  private readonly path: string;
  private readonly dataDir: string;
  private readonly folder: string;
  private readonly options: CountsIndexOptions;
  private readonly fs: CountsFs;
  /** Entries known good in this session (counted or recorded after a save); win over the file. */
  private live = new Map<string, Entry>();
  private fromFile: SavedEntries | null = null;
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
  /**
   * The signature of annotations/ that what is known here is true for: every change of the folder since
   * was one of this app's saves (recorded). null: unknown (a change not ours was seen), recorded as none.
   */
  private folderSeen: string | null = null;
  /** This app's saves into annotations/ under way (see ownWrite). */
  private ownWrites = 0;
  /** Set when files were replaced on disk (a restore, a sync): the next load checks every entry. */
  private distrust = false;
  /** The load's articles still to count, once its check has found them (see countsSoFar). */
  private waiting: Set<string> | null = null;
  /**
   * While the load counts the coders of entries of an older counts.json (true for their files, without
   * coders): their counts per tag, shown meanwhile (see countsSoFar).
   */
  private countsOnly: Map<string, TagCounts> | null = null;

  constructor(dataDir: string, options: CountsIndexOptions) {
    this.dataDir = dataDir;
    this.path = join(dataDir, COUNTS_FILE);
    this.folder = options.annotationFolder ?? join(dataDir, 'annotations');
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
   * The signature of annotations/ now: modification and change times in ns and inode; null when it cannot be
   * looked at, or when its times have no fraction of a second (a file system with coarse times, where two
   * changes within a second look alike: every entry is then checked at each start, as without a signature).
   */
  private folderSignature(): string | null {
    try {
      const s = statSync(this.folder, { bigint: true, throwIfNoEntry: false });
      if (!s || s.mtimeNs % 1_000_000_000n === 0n) return null;
      return `${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
    } catch {
      return null;
    }
  }

  /**
   * Runs one save of this app into annotations/ (an annotation file written through a temporary file and
   * a rename; `write` records its counts). Looks at the folder before (a change not ours since the last
   * look: no folder signature is recorded this session) and after (the folder as this save left it).
   */
  async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    if (this.ownWrites === 0 && this.folderSeen !== null && this.folderSignature() !== this.folderSeen) this.folderSeen = null;
    this.ownWrites++;
    try {
      return await write();
    } finally {
      this.ownWrites--;
      if (this.ownWrites === 0 && this.folderSeen !== null) this.folderSeen = this.folderSignature();
    }
  }

  /**
   * Counts for every article in `articleIds`: as recorded in this session,
   * else from counts.json when its entry matches the file on disk, else by
   * `recount` (stale or missing entries only). Looks at the files once per
   * session; saves recorded meanwhile win.
   */
  async counts(articleIds: readonly string[], recount: Recount): Promise<Map<string, TagCounts>> {
    await this.ready(articleIds, recount);
    const result = new Map<string, TagCounts>();
    for (const id of articleIds) {
      const entry = this.live.get(id);
      // An article added after the first load has no file yet.
      result.set(id, entry ? entry.counts : {});
    }
    return result;
  }

  /**
   * Annotations per coder for every article in `articleIds` that has any, known as the counts are (see
   * counts): no annotation file is read for it unless its entry is stale or missing.
   */
  async coders(articleIds: readonly string[], recount: Recount): Promise<Map<string, CoderCounts>> {
    await this.ready(articleIds, recount);
    const result = new Map<string, CoderCounts>();
    for (const id of articleIds) {
      const entry = this.live.get(id);
      if (entry) result.set(id, entry.coders);
    }
    return result;
  }

  /** Waits for this session's check of the entries (started by the first call). */
  private async ready(articleIds: readonly string[], recount: Recount): Promise<void> {
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
    // Not a pass over 100,000 ids at each call (the library asks for windows while the first count runs).
    const pending = this.loaded ? 0 : Math.max(1, this.waiting ? this.waiting.size : articleIds.length - this.live.size);
    return { counts: (id) => this.live.get(id)?.counts ?? this.countsOnly?.get(id), pending };
  }

  /** Stops a count under way (at close); what it counted so far is written by the next flush. */
  stop(): void {
    this.stopped = true;
    this.stopGivingWay?.();
    if (!this.loaded && this.live.size > 0) this.dirty = true;
  }

  /**
   * Waits while calls of the core are in flight, unless one of them waits for this check. `turn`: after a
   * turn of the event loop first (a step that did no I/O: calls that arrived meanwhile start, and count).
   */
  private async giveWay(turn = true): Promise<void> {
    if (turn) await new Promise((resolve) => setImmediate(resolve));
    const gate = this.options.foreground;
    if (this.awaited > 0 || !gate) return;
    // A call that starts waiting for the check meanwhile ends the wait (see counts).
    await new Promise<void>((resolve) => {
      this.stopGivingWay = resolve;
      void gate.idle().then(resolve);
    });
    this.stopGivingWay = null;
  }

  private async load(articleIds: readonly string[], recount: Recount): Promise<void> {
    const saved = await this.readFile();
    const folderNow = this.folderSignature();
    // The folder as counts.json was written: its entries are true as they are, no file is looked at.
    const trusted = !this.distrust && folderNow !== null && saved.folder === folderNow;
    this.distrust = false;
    this.folderSeen = folderNow;
    const stale: string[] = [];
    const countsOnly = new Map<string, TagCounts>();
    const chunk = trusted ? TRUSTED_CHUNK : CHECK_CHUNK;
    for (let i = 0; i < articleIds.length; i += chunk) {
      // Other calls get their turn between chunks (and the whole turn while they run, see ForegroundGate).
      if (i > 0) await this.giveWay();
      for (let k = i; k < Math.min(articleIds.length, i + chunk); k++) {
        const id = articleIds[k]!;
        if (this.live.has(id)) continue;
        const entry = saved.entries.get(id);
        const good = entry !== undefined && (trusted || entry.file === this.signatureNow(id));
        if (good && entry.coders && entry.credits) this.live.set(id, entry as Entry);
        else {
          // Without its coders or credits (an older counts.json): counted again, its counts shown meanwhile.
          if (good) countsOnly.set(id, entry.counts);
          stale.push(id);
        }
      }
    }
    // Checked file by file: the folder changed meanwhile by something else than a save of ours, or not.
    if (!trusted && this.ownWrites === 0 && this.folderSeen !== null && this.folderSignature() !== this.folderSeen) this.folderSeen = null;
    this.waiting = new Set(stale.filter((id) => !countsOnly.has(id)));
    this.countsOnly = countsOnly;
    const recountNow = this.options.recountNow;
    for (let i = 0; i < stale.length; ) {
      if (this.stopped) return;
      await this.giveWay(recountNow !== undefined);
      // Files counted at once for up to RECOUNT_STEP_MS, then a turn for the calls; one read through promises ends a step.
      const until = performance.now() + RECOUNT_STEP_MS;
      do {
        const id = stale[i++]!;
        // A save recorded meanwhile is newer than this count.
        if (!this.live.has(id)) {
          const now = recountNow?.(id) ?? null;
          if (now) this.live.set(id, now);
          else {
            const counted = await recount(id);
            if (!this.live.has(id)) this.live.set(id, counted);
            this.waiting.delete(id);
            break;
          }
        }
        this.waiting.delete(id);
      } while (i < stale.length && performance.now() < until);
    }
    this.loaded = true;
    this.waiting = null;
    this.countsOnly = null;
    if (stale.length > 0 || articleIds.length !== saved.entries.size || saved.folder !== this.folderSeen) this.schedule();
  }

  /**
   * The names the annotations of every article in `articleIds` credit (those that credit none are left out),
   * each entry checked against its annotation file as it is now: one whose file changed since (a save cut
   * short, a file rewritten in place or replaced by another program) is counted again from the file, which
   * is read without being kept in memory (`recount`).
   */
  async credits(articleIds: readonly string[], recount: Recount): Promise<Map<string, AnnotationCredit[]>> {
    await this.ready(articleIds, recount);
    const result = new Map<string, AnnotationCredit[]>();
    for (let i = 0; i < articleIds.length; i += CHECK_CHUNK) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      for (let k = i; k < Math.min(articleIds.length, i + CHECK_CHUNK); k++) {
        const id = articleIds[k]!;
        const known = this.live.get(id);
        const file = this.signatureNow(id);
        let entry = known;
        if (!known || known.file !== file) {
          // No file and no entry: an article without annotations.
          if (!known && file === 'none') continue;
          const counted = this.options.recountNow?.(id) ?? (await recount(id));
          // A save recorded meanwhile is newer than this count.
          if (this.live.get(id) === known) this.record(id, counted.file, counted);
          entry = this.live.get(id);
        }
        if (entry && entry.credits.length > 0) result.set(id, entry.credits);
      }
    }
    return result;
  }

  /** After a save: the article's counts now, and the signature of the file just written. */
  record(articleId: string, file: string, tally: Tally): void {
    this.live.set(articleId, { file, counts: tally.counts, coders: tally.coders, credits: tally.credits });
    this.waiting?.delete(articleId);
    this.schedule();
  }

  /**
   * After this app read an article's annotation file (to open it, say): its counts as read. A file
   * rewritten in place by another program leaves the folder's signature as it was; its counts are put
   * right here.
   */
  async checkRead(articleId: string, tally: Tally): Promise<boolean> {
    const known = this.live.get(articleId);
    if (!known || (sameCounts(known.counts, tally.counts) && sameCounts(known.coders, tally.coders) && sameCredits(known.credits, tally.credits))) return false;
    const file = await this.signature(articleId);
    // A save recorded meanwhile is newer than what was read.
    if (this.live.get(articleId) !== known) return false;
    this.record(articleId, file, tally);
    return true;
  }

  /** Forgets everything known (after a restore replaced files on disk); counts.json is checked again on next load. */
  async forget(): Promise<void> {
    await this.flush();
    this.live = new Map();
    this.fromFile = null;
    this.loading = null;
    this.loaded = false;
    this.folderSeen = null;
    this.waiting = null;
    this.countsOnly = null;
    this.distrust = true;
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
    const saved = await this.readFile().catch((): SavedEntries => ({ entries: new Map(), folder: null }));
    // The folder signature is recorded only when every entry is known true for it: the whole check done, no
    // save of ours under way, and the folder as the last save of ours (or the check) left it.
    let folder: string | null = null;
    if (this.loaded && this.ownWrites === 0 && this.folderSeen !== null) {
      if (this.folderSignature() === this.folderSeen) folder = this.folderSeen;
      else this.folderSeen = null;
    }
    const articles = new Map<string, SavedEntry>(saved.entries);
    for (const [id, entry] of this.live) articles.set(id, entry);
    await writeFileAtomic(this.path, countsFileText(folder, articles), this.fs);
    this.fromFile = { entries: articles, folder };
    // Written during a save: written again after it, with the folder's signature.
    if (this.loaded && this.ownWrites > 0) this.schedule();
  }

  /** The entries in counts.json (none when there is none, or when it was corrupt and has been moved aside). */
  private async readFile(): Promise<SavedEntries> {
    if (this.fromFile) return this.fromFile;
    // Whatever the damage (not JSON, wrong shape, a folder, a link, unreadable): moved aside, then rebuilt.
    const entry = await readDataEntry(this.path);
    let read: SavedEntries = { entries: new Map(), folder: null };
    let problem: string | null = null;
    if (entry.state === 'damaged') problem = entry.problem;
    else if (entry.state === 'ok') {
      // 100,000 entries: read a few hundred lines at a time, between the calls of the contract.
      const checked = await this.readInSteps(entry.bytes);
      if (typeof checked === 'string') problem = checked;
      else read = checked;
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
    this.fromFile = read;
    return read;
  }

  /**
   * counts.json read and checked in steps of READ_LINES lines when it is laid out as this app writes it
   * (countsFileText); any other layout (a file of version 1, one edited by hand) is read whole. Any
   * problem: what readCountsFile says of the whole file.
   */
  private async readInSteps(bytes: Buffer): Promise<SavedEntries | string> {
    const whole = async () => {
      await this.giveWay();
      const checked = readCountsFile(bytes.toString('utf8'));
      if (typeof checked === 'string') return checked;
      const entries = new Map<string, SavedEntry>();
      for (const [id, entry] of Object.entries(checked.articles)) entries.set(id, withCoders(entry));
      return { entries, folder: checked.folder ?? null };
    };
    const firstEnd = bytes.indexOf(NEWLINE);
    if (firstEnd < 0) return whole();
    const header = /^\{"schemaVersion":2,"folder":(null|"[0-9:]+"),"articles":\{$/.exec(bytes.toString('utf8', 0, firstEnd));
    if (!header || !bytes.subarray(bytes.length - TAIL.length).equals(TAIL)) return whole();
    const folder = JSON.parse(header[1]!) as string | null;
    const entries = new Map<string, SavedEntry>();
    const last = bytes.length - TAIL.length;
    for (let from = firstEnd + 1; from < last; ) {
      await this.giveWay();
      let to = from;
      for (let n = 0; n < READ_LINES && to < last; n++) {
        const end = bytes.indexOf(NEWLINE, to);
        to = end < 0 || end >= last ? last : end + 1;
      }
      let text = bytes.toString('utf8', from, to).trimEnd();
      if (text.endsWith(',')) text = text.slice(0, -1);
      let lines: unknown;
      try {
        lines = JSON.parse(`{${text}}`);
        checkEntries(lines);
      } catch {
        return whole();
      }
      for (const [id, entry] of Object.entries(lines as Record<string, SavedEntry>)) entries.set(id, withCoders(entry));
      from = to;
    }
    return { entries, folder };
  }
}

/** The entries of counts.json and the folder signature they are true for. */
interface SavedEntries {
  entries: Map<string, SavedEntry>;
  folder: string | null;
}

/**
 * An entry of counts.json as read: one of an older file that has no coders gets none when its article has no
 * annotation (nothing to count again), and stays without them otherwise (counted again, see load).
 */
function withCoders(entry: SavedEntry): SavedEntry {
  if ((entry.coders && entry.credits) || Object.values(entry.counts).some((n) => n > 0)) return entry;
  return { ...entry, coders: entry.coders ?? {}, credits: entry.credits ?? [] };
}

/** counts.json as this app writes it: one JSON document, its header on the first line, then one article a line. */
function countsFileText(folder: string | null, articles: ReadonlyMap<string, SavedEntry>): string {
  const lines: string[] = [];
  for (const [id, entry] of articles) lines.push(`${JSON.stringify(id)}:${JSON.stringify(entry)}`);
  return `{"schemaVersion":${COUNTS_VERSION},"folder":${JSON.stringify(folder)},"articles":{\n${lines.join(',\n')}\n}}\n`;
}

const NEWLINE = 0x0a;
const TAIL = Buffer.from('\n}}\n');
/** Lines of counts.json read between two turns of the event loop (~1–2 ms). */
const READ_LINES = 1000;

function sameCredits(a: readonly AnnotationCredit[], b: readonly AnnotationCredit[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i]!;
    return c.id === d.id && c.start === d.start && c.end === d.end && c.exact === d.exact && c.name === d.name;
  });
}

function sameCounts(a: TagCounts, b: TagCounts): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
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
  if (!isRecord(value) || !isRecord(value.articles)) throw shape;
  if (value.schemaVersion === 1) {
    if (Object.keys(value).length !== 2) throw shape;
  } else if (value.schemaVersion === COUNTS_VERSION) {
    if (Object.keys(value).length !== 3 || (value.folder !== null && typeof value.folder !== 'string')) throw shape;
  } else throw shape;
  checkEntries(value.articles);
  return value as unknown as CountsFile;
}

/** The articles of counts.json (all, or some lines of them) in shape; throws when not. */
function checkEntries(articles: unknown): void {
  const shape = new Error('is not in the expected shape');
  if (!isRecord(articles)) throw shape;
  for (const entry of Object.values(articles)) {
    if (!isRecord(entry) || typeof entry.file !== 'string' || !isRecord(entry.counts)) throw shape;
    // The coders and the credits: kept since they are listed from here; an entry of an older file has none.
    if (Object.keys(entry).length !== 2 + (entry.coders === undefined ? 0 : 1) + (entry.credits === undefined ? 0 : 1)) throw shape;
    if ((entry.coders !== undefined && !isRecord(entry.coders)) || (entry.credits !== undefined && !(Array.isArray(entry.credits) && entry.credits.every(isCredit)))) throw shape;
    for (const n of Object.values(entry.counts)) if (!Number.isInteger(n) || (n as number) < 0) throw shape;
    if (entry.coders) for (const n of Object.values(entry.coders)) if (!Number.isInteger(n) || (n as number) < 0) throw shape;
  }
}

function isCredit(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { id, start, end, exact, name } = value;
  return typeof id === 'string' && Number.isInteger(start) && Number.isInteger(end) && typeof exact === 'string' && typeof name === 'string' && Object.keys(value).length === 5;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Entries checked against their files between two turns of the event loop (~1–3 ms of stats). */
const CHECK_CHUNK = 500;
/** The longest stretch of annotation files counted at once (RecountNow) between two turns of the event loop. */
const RECOUNT_STEP_MS = 3;
/** Entries taken as they are (the folder's signature unchanged) between two turns of the event loop. */
const TRUSTED_CHUNK = 5000;

export function signatureOf(s: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): string {
  return `${s.size}:${s.mtimeMs}:${s.ino}`;
}
