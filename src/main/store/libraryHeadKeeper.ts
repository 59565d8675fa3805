/**
 * Keeps the library head (libraryHead.ts) up to date for the store, off its
 * saves' path: a save of index.json only notes the file's signature (one
 * stat, taken in the store's queue right after the write, so it is the
 * signature of exactly the contents written) and returns; the head is made
 * and written a little later, once for several saves in a row (the latest
 * wins), and at close.
 *
 * A head never carries a signature that matches an index.json it does not
 * describe:
 * - its signature and its contents are taken together, in the queue;
 * - it is written in the store's index queue (`runExclusive`), and only while
 *   that signature is still index.json's: no save of index.json can come
 *   between the check and the write;
 * - before index.json is replaced, a head on disk that describes an older
 *   index.json (one whose write was coalesced away, or failed) is removed:
 *   the file's inode could be used again by a later index.json, so an old
 *   signature could come back.
 * Derived data: a head that cannot be written costs the next start its head
 * (index.json is read whole, as without one), nothing more.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta, Tag } from '../../shared/model/model';
import { LIBRARY_HEAD_FILE, libraryHeadOf, writeLibraryHead, type LibraryHead } from './libraryHead';
import type { AtomicWriteFs } from './writeFileAtomic';

/** How long the head waits after a save for the next one (an import's calls, edits in a row). */
export const HEAD_DELAY_MS = 250;

/** What the store's index.json holds, as far as the head is concerned. */
export interface HeadSource {
  readonly articles: readonly ArticleMeta[];
  readonly codebook: readonly Tag[];
}

export interface LibraryHeadKeeperOptions {
  /** Runs a task in the store's index.json queue: nothing else reads or writes index.json meanwhile. */
  runExclusive: (task: () => Promise<void>) => Promise<void>;
  fs?: AtomicWriteFs;
  delayMs?: number;
}

/** What the head file on disk is known to hold: the head of index.json as it is, none, or anything else (older, damaged, unknown). */
type OnDisk = 'current' | 'none' | 'other';

export class LibraryHeadKeeper {
  private readonly dataDir: string;
  private readonly options: LibraryHeadKeeperOptions;
  /** index.json's signature as the store last wrote or read it; null when not known. */
  private indexSignature: string | null = null;
  private onDisk: OnDisk = 'other';
  /** The latest index.json not yet in the head (its signature and contents); null when there is none. */
  private pending: { signature: string; source: HeadSource } | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The head's writes, one after another. */
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string, options: LibraryHeadKeeperOptions) {
    this.dataDir = dataDir;
    this.options = options;
  }

  /**
   * index.json was read whole: `signature` is the one it had throughout the read (null when it changed
   * meanwhile: no head is made of what was read); `head`: the head file as read at this start
   * (readRecordedHead or readLibraryHead; null: none that counts), or undefined when not looked at.
   */
  indexRead(signature: string | null, source: HeadSource, head?: LibraryHead | null): void {
    if (head !== undefined) this.onDisk = signature !== null && head?.index === signature ? 'current' : 'other';
    else if (signature === null || signature !== this.indexSignature) this.notCurrent();
    this.indexSignature = signature;
    if (signature !== null && this.onDisk !== 'current') this.schedule(signature, source);
    else this.pending = null;
  }

  /**
   * Call in the store's index queue before index.json is replaced (a save, a sync): a head of an older
   * index.json goes first, so that its signature cannot match a later file.
   */
  async beforeIndexReplaced(): Promise<void> {
    if (this.onDisk !== 'other') return;
    try {
      await rm(join(this.dataDir, LIBRARY_HEAD_FILE), { force: true });
      this.onDisk = 'none';
    } catch {
      // Still there (unlikely: derived/ is ours); as before, only a signature that matches would be answered from.
    }
  }

  /** index.json was written by the store (in its queue); `signature` was taken right after, null when it could not be. */
  indexWritten(signature: string | null, source: HeadSource): void {
    this.notCurrent();
    this.indexSignature = signature;
    if (signature !== null) this.schedule(signature, source);
    else this.pending = null;
  }

  /** index.json may have been replaced by something else (a restore): no head is made until it is read or written again. */
  indexUnknown(): void {
    this.notCurrent();
    this.indexSignature = null;
    this.pending = null;
  }

  /** Writes the pending head now, if any, and waits for the head's writes. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending !== null) this.startWrite();
    await this.writing;
  }

  private notCurrent(): void {
    if (this.onDisk === 'current') this.onDisk = 'other';
  }

  private schedule(signature: string, source: HeadSource): void {
    this.pending = { signature, source };
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startWrite();
    }, this.options.delayMs ?? HEAD_DELAY_MS);
    // A process that ends without closing the store loses only a derived file.
    this.timer.unref();
  }

  private startWrite(): void {
    this.writing = this.writing.then(() => this.writePending());
  }

  private async writePending(): Promise<void> {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    try {
      // Made outside the queue (outlets over every article); the store's lists are never changed in place.
      const head = libraryHeadOf(pending.signature, pending.source.articles, pending.source.codebook);
      await this.options.runExclusive(async () => {
        // index.json was written or read again meanwhile: this head would not describe it (the newer one follows).
        if (pending.signature !== this.indexSignature) return;
        // Until the write is through, the file may be the old one or the new one.
        this.onDisk = 'other';
        await writeLibraryHead(this.dataDir, head, this.options.fs);
        this.onDisk = 'current';
      });
    } catch {
      // Derived data: the next start reads index.json whole instead.
    }
  }
}
