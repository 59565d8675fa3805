/**
 * The data folder: index.json (articles, codebook, settings), one
 * texts/<articleId>.json per article (loaded when the article is first
 * opened, then cached; later versions of the text in texts/<articleId>@v<n>.json,
 * see addVersion) and one annotations/<articleId>.json per article
 * (written alone when that article's annotations or rejected suggestions
 * change). Cross-article data (links.json) is kept by LinkStore. Every file goes
 * through lowdb with the atomic adapter; a file that is unreadable, the wrong
 * shape or from a newer version is reported as corrupt_data and never written.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '../../shared/contract/apiError';
import { reanchorAnnotations } from '../../shared/anchoring/reanchorAnnotations';
import { fromOldRejections, type DisagreementRejection } from '../../shared/agreement/adjudication';
import {
  SCHEMA_VERSION,
  currentVersion,
  type Annotation,
  type Article,
  type ArticleMeta,
  type ArticleVersion,
  type Tag,
  type UnanchoredAnnotation,
} from '../../shared/model/model';
import { annotationFileProblem } from './annotationFileProblem';
import { textFileName } from './articleTextFiles';
import { AtomicJsonAdapter, type AtomicJsonFs } from './atomicJsonAdapter';
import { creditedName } from '../../shared/crossArticle/creditedName';
import { CountsIndex, signatureOf, type AnnotationCredit, type CoderCounts, type Tally, type TagCounts } from './countsIndex';
import type { ForegroundGate } from './foregroundGate';
import { dataFolderProblem } from './dataFolderProblem';
import { markIdsChecked, migrateUnsafeIds } from './migrateUnsafeIds';
import { KeyedQueue } from './keyedQueue';
import {
  AnnotationFileSchema,
  TextFileSchema,
  parseStoreFile,
  type AnnotationFile,
  type IndexFile,
  type TextFile,
} from './storeFileSchemas';
import { textHash } from './textHash';
import { checkIndexFile, parseIndexFile } from './parseIndexFile';
import { indexDigest, readIndexCheckMemo, writeIndexCheckMemo } from './indexCheckMemo';
import { writtenIndexDigest } from './writtenIndexDigest';
import { indexSignature, readRecordedHead, type LibraryHead } from './libraryHead';
import { LibraryHeadKeeper } from './libraryHeadKeeper';
import { LARGE_DATA_FILE_BYTES, type LargeFileChecks } from './largeFileChecks';
import { textFileContents } from './textFileContents';
import { FileWriteError, writeFilesAtomic, type FileContents } from './writeFileAtomic';

export interface DataStoreOptions {
  /** Told, once, which ids that break the id rule were renamed at this start (see migrateUnsafeIds). */
  onIdsRenamed?: (lines: string[]) => void;
  /** File system used for reading and writing; tests inject failures here. */
  fs?: AtomicJsonFs;
  /** Coalescing delay of counts.json writes (default 500 ms; the kill loop's writer uses less, so kills hit them). */
  countsDelayMs?: number;
  /** Coalescing delay of the library head's writes after saves of index.json (default HEAD_DELAY_MS, see libraryHeadKeeper). */
  headDelayMs?: number;
  /** Reads and checks a large text (LARGE_DATA_FILE_BYTES or more) off the event loop: the core's import worker. Default: in this thread. */
  largeFileChecks?: LargeFileChecks;
  /** The core's calls in flight, which the background check of the counts gives way to. */
  foreground?: ForegroundGate;
  /**
   * The library head as the caller read it at this start (readLibraryHead: null when there is none that
   * matches index.json), so open does not read it again; left out, open reads it.
   */
  head?: LibraryHead | null;
  /**
   * addArticles writes index.json at most about this often (the CLI's import: once per import of a few seconds,
   * not once per call of 50 files, each a rewrite of the whole index: 32 MB at 100,000 articles). The articles
   * added meanwhile are listed in memory, their texts already written; the next write of index.json (this
   * delay after the first of them, any other change of the index, flushIndex or close) lists them. A crash
   * meanwhile leaves index.json as last written and their texts unlisted (set aside at the next start, as an
   * import cut short leaves them). Default 0: every addArticles writes index.json.
   */
  indexWriteEveryMs?: number;
}

/** What a new library starts with. */
export interface NewLibrary {
  articles: readonly Article[];
  codebook: readonly Tag[];
  settings: { creator: string };
}

/** Annotation count per tag id. */
export type { CoderCounts, TagCounts };

/** What one article's annotation file holds, as `updateAnnotationFile` sees it. */
export interface AnnotationFileState {
  annotations: readonly Annotation[];
  rejectedSuggestions: readonly string[];
  /** Who rejected which suggestion, and when (absent for older rejections). */
  rejectedBy?: Readonly<Record<string, { coder: string; at: string }>>;
  /** Disagreements the adjudicator rejected, with coder and time. */
  rejectedDisagreements?: readonly DisagreementRejection[];
}

/** A new version of an article's text, as addVersion takes it. */
export interface NewVersion {
  text: string;
  hash: string;
  origin: string | null;
  /** ISO timestamp of the import. */
  imported: string;
  /** `YYYY-MM-DD` of the change the source declared, when it declared one. */
  modified?: string | null;
}

/** What adding a version did to the article's annotations. */
export interface VersionAdded {
  version: number;
  /** Annotations found again in the new text (exactly or approximately). */
  reanchored: number;
  /** Of those, how many only approximately (their passage was reworded slightly). */
  approximate: number;
  /** Annotations the new text no longer holds: kept with the version they belong to. */
  unanchored: UnanchoredAnnotation[];
}

/** The parts of an annotation file a change replaces; what is left out stays as it was. */
export interface AnnotationFileChange<R> {
  annotations?: Annotation[];
  rejectedSuggestions?: string[];
  /** Annotations kept with an older version of the text (a project file's, say). */
  unanchored?: UnanchoredAnnotation[];
  rejectedBy?: Record<string, { coder: string; at: string }>;
  rejectedDisagreements?: DisagreementRejection[];
  result: R;
}

export class DataStore {
  readonly dataDir: string;
  private index: IndexFile;
  private readonly fs: AtomicJsonFs | undefined;
  private readonly largeFileChecks: LargeFileChecks | undefined;
  private articleById: Map<string, ArticleMeta>;
  private readonly texts = new Map<string, Promise<string>>();
  private readonly annotationDbs = new Map<string, Promise<Low<AnnotationFile>>>();
  private readonly writes = new KeyedQueue();
  private readonly countsIndex: CountsIndex;
  /** See onIndexWritten. */
  private readonly indexListeners: (() => void)[] = [];
  /** This store's session, and how many saves changed what the library list shows (see libraryRevision). */
  private readonly session = randomUUID().slice(0, 8);
  private changes = 0;
  /** See indexDigestNow: the digest of index.json as read at open (or taken since), null when not known (yet). */
  private openedIndexDigest: string | null = null;
  /** The signature of the index.json this store last wrote, while its digest is not taken yet (see indexDigestNow). */
  private writtenIndexSignature: string | null = null;
  /** See articleIds. */
  private ids: { articles: readonly ArticleMeta[]; ids: string[] } | null = null;
  /** The library head (libraryHead.ts), written after the saves of index.json; close waits for it. */
  private readonly head: LibraryHeadKeeper;
  /** See DataStoreOptions.indexWriteEveryMs. */
  private readonly indexWriteEveryMs: number;
  /** index.json as last written or read: what memory goes back to when the articles added since cannot be written. */
  private savedIndex: IndexFile;
  /** Articles added since index.json was last written (indexWriteEveryMs), and since when (performance.now()). */
  private unsaved: { articles: number; since: number; lastWriteMs: number } = { articles: 0, since: 0, lastWriteMs: 0 };

  private constructor(dataDir: string, index: IndexFile, options: DataStoreOptions) {
    this.dataDir = dataDir;
    this.index = index;
    this.savedIndex = index;
    this.indexWriteEveryMs = options.indexWriteEveryMs ?? 0;
    this.fs = options.fs;
    this.largeFileChecks = options.largeFileChecks;
    this.articleById = new Map(index.articles.map((a) => [a.id, a]));
    this.countsIndex = new CountsIndex(dataDir, {
      annotationPath: (id) => annotationPath(dataDir, id),
      recountNow: (id) => this.recountNow(id),
      annotationFolder: join(dataDir, 'annotations'),
      delayMs: options.countsDelayMs,
      foreground: options.foreground,
    });
    this.head = new LibraryHeadKeeper(dataDir, { runExclusive: (task) => this.writes.run(INDEX_QUEUE_KEY, task), fs: options.fs, delayMs: options.headDelayMs });
  }

  static indexPath(dataDir: string): string {
    return join(dataDir, 'index.json');
  }

  /** Opens the library in `dataDir`; null when there is none yet (no index.json). */
  static async open(dataDir: string, options: DataStoreOptions = {}): Promise<DataStore | null> {
    // Ids of an older version that break today's rule are renamed first, every reference with them.
    const renamed = await migrateUnsafeIds(dataDir);
    if (renamed && renamed.length > 0) options.onIdsRenamed?.(renamed);
    // The same index.json as the last start found in shape: its 100,000 entries are not checked again (indexCheckMemo).
    const memo = await readIndexCheckMemo(dataDir);
    // The library head is made from what is read only when index.json did not change during the read.
    const signature = await indexSignature(dataDir);
    let digest: string | null = null;
    let entriesInShape = false;
    const db = new Low<IndexFile | null>(
      new AtomicJsonAdapter<IndexFile | null>(DataStore.indexPath(dataDir), {
        parse: (value, bytes) => {
          digest = indexDigest(bytes);
          const checked = checkIndexFile(value, digest === memo);
          entriesInShape = checked.entriesInShape;
          return checked.index;
        },
        fs: options.fs,
      }),
      null,
    );
    await db.read();
    if (db.data === null) return null;
    await ensureFolders(dataDir);
    // Derived data: a memo that cannot be written costs a full check at the next start, nothing more.
    if (entriesInShape && digest !== null && digest !== memo) await writeIndexCheckMemo(dataDir, digest).catch(() => undefined);
    const store = new DataStore(dataDir, db.data, options);
    store.openedIndexDigest = digest;
    const unchanged = signature !== null && signature === (await indexSignature(dataDir));
    // The head as the caller read it at this start, else as it is on disk (a small file); written later if it is not this index.json's.
    store.head.indexRead(unchanged ? signature : null, db.data, options.head !== undefined ? options.head : await readRecordedHead(dataDir));
    return store;
  }

  /**
   * Writes a new library: every text first, index.json last, so an import
   * cut short leaves no index and simply runs again next time.
   */
  static async create(dataDir: string, library: NewLibrary, options: DataStoreOptions = {}): Promise<DataStore> {
    await ensureFolders(dataDir);
    for (const article of library.articles) {
      const file: TextFile = { schemaVersion: SCHEMA_VERSION, id: article.id, text: article.text };
      await new Low<TextFile>(new AtomicJsonAdapter(textPath(dataDir, article.id), { fs: options.fs, contents: textFileContents }), file).write();
    }
    const index: IndexFile = {
      schemaVersion: SCHEMA_VERSION,
      articles: library.articles.map(({ text: _text, ...meta }) => meta),
      codebook: [...library.codebook],
      settings: { ...library.settings },
    };
    const checked = parseIndexFile(index);
    await new Low<IndexFile>(new AtomicJsonAdapter(DataStore.indexPath(dataDir), { fs: options.fs, format: 'compact' }), checked).write();
    await markIdsChecked(dataDir);
    // No head yet: the first open of the new library writes it.
    return new DataStore(dataDir, checked, options);
  }

  articles(): readonly ArticleMeta[] {
    return this.index.articles;
  }

  article(id: string): ArticleMeta | undefined {
    return this.articleById.get(id);
  }

  codebook(): readonly Tag[] {
    return this.index.codebook;
  }

  settings(): Readonly<IndexFile['settings']> {
    return this.index.settings;
  }

  /** The article's canonical text, read from its file on first use. */
  async text(articleId: string): Promise<string> {
    const meta = this.requireArticle(articleId);
    let text = this.texts.get(articleId);
    if (!text) {
      text = this.readText(meta);
      this.texts.set(articleId, text);
      text.catch(() => this.texts.delete(articleId));
    }
    return text;
  }

  /** The article's annotations as stored (in the order they were saved). */
  async annotations(articleId: string): Promise<readonly Annotation[]> {
    return (await this.annotationDb(articleId)).data.annotations;
  }

  /** Ids of the article's suggestions the user rejected. */
  async rejectedSuggestions(articleId: string): Promise<readonly string[]> {
    return (await this.annotationDb(articleId)).data.rejectedSuggestions;
  }

  /** The article's disagreements the adjudicator rejected (issue 16), with coder and time. */
  async rejectedDisagreements(articleId: string): Promise<readonly DisagreementRejection[]> {
    return (await this.annotationDb(articleId)).data.rejectedDisagreements;
  }

  /**
   * Annotation counts per tag for every article, from the side index
   * (counts.json, see countsIndex.ts): only articles whose annotation file
   * changed since it was written are read again.
   */
  async counts(): Promise<ReadonlyMap<string, Readonly<TagCounts>>> {
    return this.countsIndex.counts(this.articleIds(), (articleId) => this.recount(articleId));
  }

  /**
   * Annotations per coder (creator) for every article that has a count, from the same side index as the
   * counts: listing the coders reads no annotation file unless it changed since counts.json was written.
   */
  async coderCounts(): Promise<ReadonlyMap<string, Readonly<CoderCounts>>> {
    return this.countsIndex.coders(this.articleIds(), (articleId) => this.recount(articleId));
  }

  /**
   * The names the annotations of each article credit (a Quote's speaker, a Source's name; creditedName), in
   * the order of its file; articles whose annotations credit no one are left out. From the same side index
   * as the counts, each entry checked against its file as it is now: only files changed since it was
   * written are read, and they are not kept in memory.
   */
  async credits(): Promise<ReadonlyMap<string, readonly AnnotationCredit[]>> {
    return this.countsIndex.credits(this.articleIds(), (articleId) => this.recount(articleId));
  }

  /** The ids of the articles, made once per index.json read or written (the library asks for them at every window). */
  private articleIds(): readonly string[] {
    if (this.ids?.articles !== this.index.articles) this.ids = { articles: this.index.articles, ids: this.index.articles.map((a) => a.id) };
    return this.ids.ids;
  }

  /**
   * Like counts, without waiting: what is counted so far (undefined for an
   * article not counted yet) and how many articles are still being counted
   * in the background.
   */
  countsSoFar(): { counts: (articleId: string) => Readonly<TagCounts> | undefined; pending: number } {
    return this.countsIndex.countsSoFar(this.articleIds(), (articleId) => this.recount(articleId));
  }

  private recount(articleId: string): Promise<{ file: string } & Tally> {
    return (
        // In the article's write queue, so the file on disk is the one in memory.
        this.writes.run(articleId, async () => {
          // A file not read yet is read for counting only, not kept (a first count of a large library
          // would otherwise keep every annotation in memory).
          const cached = this.annotationDbs.get(articleId);
          const db = cached ? await cached : await this.readAnnotations(this.requireArticle(articleId));
          return { file: await this.countsIndex.signature(articleId), ...tally(db.data.annotations) };
        })
    );
  }

  /**
   * Like recount, at once (see RecountNow): for an article whose annotation file is small, not kept in memory
   * and not being saved. The signature is taken before the read: a file replaced in between is counted again
   * at the next check, never taken for the one read.
   */
  private recountNow(articleId: string): ({ file: string } & Tally) | null {
    const meta = this.articleById.get(articleId);
    // Versions: the file may be over an older text, re-anchored on the current one (read whole, maybe large).
    if (!meta || meta.versions || this.annotationDbs.has(articleId) || this.writes.busy(articleId)) return null;
    try {
      const info = statSync(annotationPath(this.dataDir, articleId), { throwIfNoEntry: false });
      if (info && (!info.isFile() || info.size > RECOUNT_NOW_MAX_BYTES)) return null;
      const file = info ? signatureOf(info) : 'none';
      return { file, ...tally(this.readAnnotationFileNow(articleId).annotations) };
    } catch {
      // Damaged, or unreadable: counted (and reported) the usual way.
      return null;
    }
  }

  /**
   * A token that changes whenever something the library list shows may have
   * changed (an annotation file or index.json saved, files restored), and
   * differs between sessions: a list fetched under the same token is current.
   */
  /**
   * The digest (indexDigest) of index.json as this store read it at open or
   * last wrote it; null while it is being written, while memory lists articles
   * not written yet, after a sync read it again, and when the file written was
   * changed by something else since. Same digest, same articles: derived data
   * such as the search's word index compares it instead of 100,000 articles
   * (issue 20). The digest of a file written is taken here, at the first ask
   * after the save (from the file, see writtenIndexDigest), not in the save:
   * saves in a row cost none, a search or its catch-up one.
   */
  indexDigestNow(): string | null {
    if (this.openedIndexDigest === null && this.writtenIndexSignature !== null) {
      this.openedIndexDigest = writtenIndexDigest(this.dataDir, this.writtenIndexSignature);
      this.writtenIndexSignature = null;
    }
    return this.openedIndexDigest;
  }

  /** No digest stands for index.json as memory holds it (see indexDigestNow). */
  private indexDigestUnknown(): void {
    this.openedIndexDigest = null;
    this.writtenIndexSignature = null;
  }

  /**
   * Calls `listener` after every save of index.json (an import, a new
   * version, the codebook, the coder, the settings), once the file is
   * written and memory holds it: derived data of the article list (the
   * search's word index) is brought up to date then, not at the next start.
   */
  onIndexWritten(listener: () => void): void {
    this.indexListeners.push(listener);
  }

  libraryRevision(): string {
    return `${this.session}.${this.changes}`;
  }

  /**
   * Changes one article's annotations and saves its file (only that file).
   * Changes to the same article run one at a time; `change` may throw to
   * abort. Memory is updated only once the file is safely written.
   */
  async updateAnnotations<R>(
    articleId: string,
    change: (current: readonly Annotation[]) => { annotations: Annotation[]; result: R },
  ): Promise<R> {
    return this.updateAnnotationFile(articleId, (current) => change(current.annotations));
  }

  /**
   * Like updateAnnotations, for the whole annotation file (annotations and
   * rejected suggestion ids). A change that replaces neither writes nothing.
   */
  async updateAnnotationFile<R>(
    articleId: string,
    change: (current: AnnotationFileState & Pick<AnnotationFile, 'unanchored'>) => AnnotationFileChange<R>,
  ): Promise<R> {
    this.requireArticle(articleId);
    return this.writes.run(articleId, async () => {
      const db = await this.annotationDb(articleId);
      const { annotations, rejectedSuggestions, unanchored, rejectedBy, rejectedDisagreements, result } = change(db.data);
      if (annotations === undefined && rejectedSuggestions === undefined && unanchored === undefined && rejectedBy === undefined && rejectedDisagreements === undefined) return result;
      const next: AnnotationFile = {
        ...db.data,
        schemaVersion: SCHEMA_VERSION,
        articleId,
        annotations: annotations ?? db.data.annotations,
        rejectedSuggestions: rejectedSuggestions ?? db.data.rejectedSuggestions,
        unanchored: unanchored ?? db.data.unanchored,
        rejectedBy: rejectedBy ?? db.data.rejectedBy,
        rejectedDisagreements: rejectedDisagreements ?? db.data.rejectedDisagreements,
      };
      // A save of ours into annotations/ (see CountsIndex.ownWrite).
      await this.countsIndex.ownWrite(async () => {
        await db.adapter.write(next);
        db.data = next;
        this.countsIndex.record(articleId, await this.countsIndex.signature(articleId), tally(next.annotations));
      });
      // After the counts: a list fetched under the old revision meanwhile is fetched again.
      this.changes++;
      return result;
    });
  }

  /**
   * Changes index.json (the articles' metadata, the codebook, the settings)
   * and saves it. Index changes run one at a time; `change` may throw to abort
   * and returns no `index` to write nothing. Memory is updated only once the
   * file is safely written.
   */
  async updateIndex<R>(change: (current: Readonly<IndexFile>) => { index?: IndexFile; result: R }): Promise<R> {
    return this.writes.run(INDEX_QUEUE_KEY, async () => {
      const { index, result } = change(this.index);
      if (index === undefined) return result;
      await this.writeIndex(index);
      return result;
    });
  }

  /** Writes index.json as memory has it when articles added (indexWriteEveryMs) are not in it yet. */
  async flushIndex(): Promise<void> {
    if (this.unsaved.articles === 0) return;
    await this.writes.run(INDEX_QUEUE_KEY, () => this.writeUnsaved());
  }

  /** In the index queue: writes `index` (which holds any articles added unsaved), then makes it memory's. */
  private async writeIndex(index: IndexFile): Promise<void> {
    const checked = parseIndexFile({ ...index, schemaVersion: SCHEMA_VERSION });
    this.indexDigestUnknown();
    await this.head.beforeIndexReplaced();
    const started = performance.now();
    await new AtomicJsonAdapter<IndexFile>(DataStore.indexPath(this.dataDir), { fs: this.fs, format: 'compact' }).write(checked);
    this.unsaved = { articles: 0, since: 0, lastWriteMs: performance.now() - started };
    this.index = checked;
    this.savedIndex = checked;
    this.articleById = new Map(checked.articles.map((a) => [a.id, a]));
    this.changes++;
    // In the queue, so the signature is that of the file just written: its digest (the one the next start computes
    // from these bytes, ~40 ms of CPU for 32 MB at 100,000 articles) is taken when first asked, from that file only.
    const signature = await indexSignature(this.dataDir);
    this.writtenIndexSignature = signature;
    for (const listener of this.indexListeners) listener();
    // The head itself is written after the save.
    this.head.indexWritten(signature, checked);
  }

  /**
   * In the index queue: writes the articles added unsaved. When index.json cannot be written, memory goes back
   * to what it lists (those articles are not in the library: their texts are set aside at the next start).
   */
  private async writeUnsaved(): Promise<void> {
    const { articles } = this.unsaved;
    if (articles === 0) return;
    try {
      await this.writeIndex(this.index);
    } catch (error) {
      this.index = this.savedIndex;
      this.articleById = new Map(this.index.articles.map((a) => [a.id, a]));
      this.unsaved = { articles: 0, since: 0, lastWriteMs: 0 };
      this.changes++;
      // The adapter's message names the file and says the previous version was kept.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.');
      const which = articles === 1 ? 'The last article imported is' : `The last ${articles} articles imported are`;
      throw new ApiError('internal', `${reason} ${which} not in the library (index.json does not list ${articles === 1 ? 'it' : 'them'}): import ${articles === 1 ? 'it' : 'them'} again.`);
    }
  }

  /**
   * Adds new articles: every text file first, index.json last, so a crash
   * part way leaves at most text files no index lists (the next import writes
   * them again). Ids already in the library are refused with invalid_input
   * before anything is written. An article with `versions` comes with the
   * texts of its older versions in `olderTexts` (oldest first), each written
   * to its own file before the current one.
   */
  async addArticles(articles: readonly Article[], olderTexts: ReadonlyMap<string, readonly string[]> = new Map()): Promise<void> {
    if (articles.length === 0) return;
    const ids = new Set<string>();
    for (const article of articles) {
      if (this.articleById.has(article.id) || ids.has(article.id)) {
        throw new ApiError('invalid_input', `The library already holds an article with id "${article.id}".`);
      }
      ids.add(article.id);
    }
    const files: { path: string; contents: FileContents }[] = [];
    for (const article of articles) {
      const older = article.versions ? (olderTexts.get(article.id) ?? []) : [];
      if (older.length !== currentVersion(article) - 1) {
        throw new ApiError('invalid_input', `Article "${article.id}" lists ${currentVersion(article)} versions but comes with ${older.length + 1} texts.`);
      }
      for (const [i, text] of [...older, article.text].entries()) {
        files.push({ path: textPath(this.dataDir, article.id, i + 1), contents: textFileContents({ schemaVersion: SCHEMA_VERSION, id: article.id, text }) });
      }
    }
    // One durable batch: the texts written and flushed side by side, their folder flushed once, index.json after them.
    try {
      await writeFilesAtomic(files, this.fs);
    } catch (error) {
      const what = error instanceof FileWriteError ? `${error.path}: ${error.reason instanceof Error ? error.reason.message : String(error.reason)}` : String(error);
      throw new ApiError('internal', `Could not save ${what}. No article of this import was added to the library.`);
    }
    const added = articles.map(({ text: _text, ...meta }) => meta);
    const clash = () => articles.find((a) => this.articleById.has(a.id));
    if (this.indexWriteEveryMs <= 0) {
      await this.updateIndex((current) => {
        const taken = clash();
        if (taken) throw new ApiError('invalid_input', `The library already holds an article with id "${taken.id}".`);
        return { index: { ...current, articles: [...current.articles, ...added] }, result: undefined };
      });
      return;
    }
    await this.writes.run(INDEX_QUEUE_KEY, async () => {
      const taken = clash();
      if (taken) throw new ApiError('invalid_input', `The library already holds an article with id "${taken.id}".`);
      // The new entries checked as a write would (the rest of the index was, when it was read or last written).
      const checked = parseIndexFile({ ...this.index, articles: added, schemaVersion: SCHEMA_VERSION }).articles;
      this.index = { ...this.index, articles: [...this.index.articles, ...checked] };
      for (const meta of checked) this.articleById.set(meta.id, meta);
      // Memory lists more than the file on disk: no digest stands for it until it is written.
      this.indexDigestUnknown();
      this.changes++;
      const now = performance.now();
      if (this.unsaved.articles === 0) this.unsaved.since = now;
      this.unsaved.articles += checked.length;
      // Written this long after the first article left unsaved, or ten times as long as the last write took
      // (a 32 MB index at 100,000 articles): its writes stay a small part of the import, whatever its size.
      if (now - this.unsaved.since >= Math.max(this.indexWriteEveryMs, 10 * this.unsaved.lastWriteMs)) await this.writeUnsaved();
    });
  }

  /**
   * Adds a new version of an article's text and moves its annotations onto it
   * (reanchorAnnotations); those the new text no longer holds are kept in the
   * annotation file's `unanchored` list with the version they belong to. In
   * this order, each write atomic: the new text file (a file of its own, never
   * one that exists), then index.json (the new hash, length and version
   * list), then the annotation file. A crash before index.json leaves a text
   * file no index lists (the next import of that version writes it again);
   * a crash after it leaves an annotation file over the older version, which
   * is re-anchored in the same way when it is next read.
   */
  async addVersion(articleId: string, version: NewVersion): Promise<VersionAdded> {
    this.requireArticle(articleId);
    return this.writes.run(articleId, async () => {
      const meta = this.requireArticle(articleId);
      const db = await this.annotationDb(articleId);
      const number = currentVersion(meta) + 1;
      if (number > MAX_VERSIONS) {
        throw new ApiError('invalid_input', `Article "${articleId}" already has ${MAX_VERSIONS} versions, the most one article keeps; nothing was stored.`);
      }
      const file: TextFile = { schemaVersion: SCHEMA_VERSION, id: articleId, text: version.text };
      await new AtomicJsonAdapter<TextFile>(textPath(this.dataDir, articleId, number), { fs: this.fs, contents: textFileContents }).write(file);
      await this.updateIndex((current) => {
        const articles = current.articles.map((a): ArticleMeta => {
          if (a.id !== articleId) return a;
          const versions: ArticleVersion[] = a.versions ?? [
            { version: 1, hash: a.hash, length: a.length, origin: a.origin, imported: null },
          ];
          return {
            ...a,
            hash: version.hash,
            length: version.text.length,
            ...(version.modified ? { modified: version.modified } : {}),
            versions: [
              ...versions,
              { version: number, hash: version.hash, length: version.text.length, origin: version.origin, imported: version.imported },
            ],
          };
        });
        return { index: { ...current, articles }, result: undefined };
      });
      this.texts.set(articleId, Promise.resolve(version.text));
      const before = new Set(db.data.unanchored.map((a) => a.id));
      const next = settleOnVersion(db.data, version.text, number);
      await this.countsIndex.ownWrite(async () => {
        await db.adapter.write(next.file);
        db.data = next.file;
        this.countsIndex.record(articleId, await this.countsIndex.signature(articleId), tally(next.file.annotations));
      });
      this.changes++;
      return {
        version: number,
        reanchored: next.file.annotations.length,
        approximate: next.approximate,
        unanchored: next.file.unanchored.filter((a) => !before.has(a.id)),
      };
    });
  }

  /** The text of one version of the article (1 = the first; the current one is `text`). */
  async versionText(articleId: string, version: number): Promise<string> {
    const meta = this.requireArticle(articleId);
    const current = currentVersion(meta);
    if (!Number.isInteger(version) || version < 1 || version > current) {
      throw new ApiError('not_found', `Article "${articleId}" has no version ${version} (it has ${current}).`);
    }
    if (version === current) return this.text(articleId);
    const entry = meta.versions![version - 1]!;
    return this.readTextFile(meta.id, version, entry.hash);
  }

  /** Annotations that newer versions of the article's text no longer hold, each with its version. */
  async unanchoredAnnotations(articleId: string): Promise<readonly UnanchoredAnnotation[]> {
    return (await this.annotationDb(articleId)).data.unanchored;
  }

  /**
   * The article's text for a streamed export: from memory when it was read
   * already, else from its file without keeping it, so memory stays flat.
   */
  async peekText(articleId: string): Promise<string> {
    const meta = this.requireArticle(articleId);
    return this.texts.get(articleId) ?? this.readText(meta);
  }

  /**
   * Like peekText, at once (no wait per file: the search's hits read a few hundred small texts, issue 20);
   * null for a text long enough to be checked off the event loop, or one kept in memory (then use peekText).
   */
  peekTextNow(articleId: string): string | null {
    const meta = this.requireArticle(articleId);
    // Kept in memory already (its read may be under way): peekText has it.
    if (this.texts.has(articleId)) return null;
    // A UTF-16 code unit is at most 3 bytes of UTF-8; the file adds its JSON around the text.
    if (meta.length * 3 + 4096 >= LARGE_DATA_FILE_BYTES) return null;
    const data = this.textAdapter(meta.id, currentVersion(meta), meta.hash).readNow();
    if (data === null) throw new ApiError('corrupt_data', `The text of article "${articleId}" is missing: ${textPath(this.dataDir, articleId, currentVersion(meta))} does not exist.`);
    return data.text;
  }

  /** Like peekText, for the article's annotation file. */
  async peekAnnotationFile(articleId: string): Promise<AnnotationFileState & Pick<AnnotationFile, 'unanchored'>> {
    const meta = this.requireArticle(articleId);
    return (await (this.annotationDbs.get(articleId) ?? this.readAnnotations(meta))).data;
  }

  /**
   * The article's annotation file as it is on disk (which is what memory
   * holds: memory changes only once a file is written), read at once and not
   * kept; checked as every read is. For exports that read them all in a row.
   */
  readAnnotationFileNow(articleId: string): AnnotationFileState & Pick<AnnotationFile, 'unanchored'> {
    const meta = this.requireArticle(articleId);
    const file = this.annotationAdapter(meta).readNow() ?? emptyAnnotationFile(articleId, currentVersion(meta));
    if (file.textVersion >= currentVersion(meta)) return file;
    const text = this.textAdapter(meta.id, currentVersion(meta), meta.hash).readNow();
    if (text === null) throw new ApiError('corrupt_data', `The text of article "${meta.id}" is missing.`);
    return settleOnVersion(file, text.text, currentVersion(meta)).file;
  }

  /** Waits for every pending save (counts.json included). */
  async close(): Promise<void> {
    // A first count still under way stops; what it counted is kept for the next start.
    this.countsIndex.stop();
    await this.writes.idle();
    try {
      await this.flushIndex();
    } finally {
      await this.countsIndex.flush();
      await this.head.flush();
    }
  }

  /**
   * After a restore replaced files on disk: waits for pending saves, then drops
   * the texts and annotation files read so far, so they are read again when next needed.
   */
  async forgetReadFiles(): Promise<void> {
    await this.writes.idle();
    this.texts.clear();
    this.annotationDbs.clear();
    await this.countsIndex.forget();
    // index.json may be another file now: no head until it is written again.
    this.head.indexUnknown();
    this.changes++;
  }

  /**
   * For a sync that replaces files on disk (src/main/sync): waits for pending
   * saves and holds new ones until `release`; `reload` (called while held)
   * reads index.json again and drops the files read so far.
   */
  async holdWrites(): Promise<{ reload(): Promise<void>; release(): void }> {
    await this.flushIndex();
    const release = await this.writes.hold();
    // The sync may replace index.json.
    await this.head.beforeIndexReplaced();
    return {
      release,
      reload: async () => {
        const signature = await indexSignature(this.dataDir);
        const index = await new AtomicJsonAdapter<IndexFile | null>(DataStore.indexPath(this.dataDir), {
          parse: (value) => parseIndexFile(value),
          fs: this.fs,
        }).read();
        this.indexDigestUnknown();
        if (index) {
          this.index = index;
          this.articleById = new Map(index.articles.map((a) => [a.id, a]));
          this.head.indexRead(signature !== null && signature === (await indexSignature(this.dataDir)) ? signature : null, index);
        } else this.head.indexUnknown();
        this.texts.clear();
        this.annotationDbs.clear();
        await this.countsIndex.forget();
        this.changes++;
      },
    };
  }

  private requireArticle(articleId: string): ArticleMeta {
    const meta = this.articleById.get(articleId);
    if (!meta) throw new ApiError('not_found', `There is no article with id "${articleId}".`);
    return meta;
  }

  private readText(meta: ArticleMeta): Promise<string> {
    return this.readTextFile(meta.id, currentVersion(meta), meta.hash);
  }

  private async readTextFile(articleId: string, version: number, hash: string): Promise<string> {
    const adapter = this.textAdapter(articleId, version, hash);
    const data = await adapter.read();
    if (data === null) {
      throw new ApiError('corrupt_data', `The text of article "${articleId}" is missing: ${textPath(this.dataDir, articleId, version)} does not exist.`);
    }
    return data.text;
  }

  private textAdapter(articleId: string, version: number, hash: string): AtomicJsonAdapter<TextFile | null> {
    const checks = this.largeFileChecks;
    return new AtomicJsonAdapter<TextFile | null>(textPath(this.dataDir, articleId, version), {
      fs: this.fs,
      contents: (file) => (file ? textFileContents(file) : 'null\n'),
      // A large text is decoded, checked and hashed off the event loop, with the same checks and messages as `parse`.
      ...(checks && {
        readLarge: async (bytes) => {
          const read = await checks.check(`texts/${textFileName(articleId, version)}`, bytes, { expectedTextHash: hash }, true);
          return read.problem === null ? { problem: null, value: read.value as TextFile } : read;
        },
      }),
      parse: (value) => {
        const parsed = parseStoreFile(TextFileSchema, value);
        if (parsed.id !== articleId) throw new Error(`holds the text of "${parsed.id}", not of "${articleId}"`);
        if (textHash(parsed.text) !== hash) throw new Error('does not match the hash recorded in index.json');
        return parsed;
      },
    });
  }

  private annotationDb(articleId: string): Promise<Low<AnnotationFile>> {
    let db = this.annotationDbs.get(articleId);
    if (!db) {
      db = this.readAnnotations(this.requireArticle(articleId));
      this.annotationDbs.set(articleId, db);
      // A file rewritten in place by another program is not seen by the counts' folder signature: its counts
      // are put right once it is read (in the background; derived data).
      db.then(
        (read) =>
          void this.countsIndex.checkRead(articleId, tally(read.data.annotations)).then(
            (changed) => {
              // The library list shows other counts now.
              if (changed) this.changes++;
            },
            () => undefined,
          ),
        () => this.annotationDbs.delete(articleId),
      );
    }
    return db;
  }

  private async readAnnotations(meta: ArticleMeta): Promise<Low<AnnotationFile>> {
    // No file yet: whatever is added to it is over the current text.
    const db = new Low<AnnotationFile>(this.annotationAdapter(meta), emptyAnnotationFile(meta.id, currentVersion(meta)));
    await db.read();
    // Over an older version (a crash came between storing a version and re-anchoring): re-anchored now,
    // in memory; the next save of the file writes it so.
    if (db.data.textVersion < currentVersion(meta)) {
      db.data = settleOnVersion(db.data, await this.readText(meta), currentVersion(meta)).file;
    }
    return db;
  }

  private annotationAdapter(meta: ArticleMeta): AtomicJsonAdapter<AnnotationFile> {
    return new AtomicJsonAdapter<AnnotationFile>(annotationPath(this.dataDir, meta.id), {
      fs: this.fs,
      parse: (value) => {
        const parsed = parseStoreFile(AnnotationFileSchema, value);
        if (parsed.articleId !== meta.id) throw new Error(`holds the annotations of "${parsed.articleId}", not of "${meta.id}"`);
        const problem = annotationFileProblem(parsed, meta);
        if (problem) throw new Error(problem);
        // Rejected disagreements of older files (`adjudicated:<key>` among the rejected suggestions) get their own
        // records, by the folder's coder; the next save of the file writes them so.
        const moved = fromOldRejections(parsed.rejectedSuggestions, parsed.rejectedDisagreements, this.index.settings.creator);
        return moved ? { ...parsed, ...moved } : parsed;
      },
    });
  }
}

function emptyAnnotationFile(articleId: string, textVersion: number): AnnotationFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    articleId,
    annotations: [],
    rejectedSuggestions: [],
    rejectedBy: {},
    rejectedDisagreements: [],
    textVersion,
    unanchored: [],
  };
}

/** The annotation file moved onto version `version` (whose text is `text`): annotations re-anchored, the others set apart. */
function settleOnVersion(file: AnnotationFile, text: string, version: number): { file: AnnotationFile; approximate: number } {
  const moved = reanchorAnnotations(text, file.annotations);
  return {
    approximate: moved.approximate,
    file: {
      ...file,
      textVersion: version,
      annotations: moved.anchored,
      unanchored: [...file.unanchored, ...moved.unanchored.map((a) => ({ ...a, version: file.textVersion }))],
    },
  };
}

/** Annotation files up to this size are counted at once in the first count (~100 annotations; larger: read off the thread). */
const RECOUNT_NOW_MAX_BYTES = 64 * 1024;

/** The most versions one article keeps (as index.json's schema allows). */
const MAX_VERSIONS = 1_000;

/** The write queue key of index.json; article ids cannot contain "#". */
const INDEX_QUEUE_KEY = '#index';

/** Where version `version` of an article's text is kept: texts/<id>.json for the first, texts/<id>@v<n>.json after. */
function textPath(dataDir: string, articleId: string, version = 1): string {
  return join(dataDir, 'texts', textFileName(articleId, version));
}


function annotationPath(dataDir: string, articleId: string): string {
  return join(dataDir, 'annotations', `${articleId}.json`);
}

/** Makes texts/ and annotations/ when missing; one that is a link, a file or unreadable is corrupt_data, never used. */
async function ensureFolders(dataDir: string): Promise<void> {
  for (const folder of ['texts', 'annotations']) {
    const problem = await dataFolderProblem(dataDir, folder);
    if (problem) {
      throw new ApiError(
        'corrupt_data',
        `The folder ${join(dataDir, folder)} ${problem}. It was left untouched; use "Restore from backup" to put it aside and restore its files.`,
      );
    }
  }
  await mkdir(join(dataDir, 'texts'), { recursive: true });
  await mkdir(join(dataDir, 'annotations'), { recursive: true });
}

/** An article's annotations counted per tag and per coder (creator), and the names they credit, for the counts index. */
function tally(annotations: readonly Annotation[]): Tally {
  // No prototype: a tag id or a coder's name is data, never a way to reach Object.prototype.
  const counts: TagCounts = Object.create(null) as TagCounts;
  const coders: CoderCounts = Object.create(null) as CoderCounts;
  const credits: AnnotationCredit[] = [];
  for (const a of annotations) {
    counts[a.tagId] = (counts[a.tagId] ?? 0) + 1;
    coders[a.creator] = (coders[a.creator] ?? 0) + 1;
    const name = creditedName(a.tagId, a.attributes);
    if (name) credits.push({ id: a.id, start: a.start, end: a.end, exact: a.exact, name });
  }
  return { counts, coders, credits };
}
