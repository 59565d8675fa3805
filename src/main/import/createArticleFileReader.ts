/**
 * Reads imported files into article drafts in a worker thread, so that no
 * file — however it is built — can starve the core: the worker has a memory
 * cap (`memoryLimitMb`, default 512 MB of heap) and each file a time limit
 * (`timeLimitMs`, default 20 s). A file that hits either is refused with a
 * line saying which ("took longer than 20 s", "needs more than 512 MB"), the
 * worker is stopped and a new one started for the next file; nothing of that
 * file is kept. A small pool of workers (two, at most one a core) reads
 * the files of an import, each worker one file at a time, the requests
 * handed out in the order they came; a worker stops when it has been idle a
 * few seconds (and never keeps the process alive). Without a built worker (the source layout) files are read
 * in-process, with the same nesting checks but no time or memory limit.
 *
 * The same worker reads JSON under the same limits (`readJson`): the host's
 * large request bodies and the W3C and project files the CLI imports
 * (readJsonPayload: nesting looked at before parsing). Its long arrays come
 * back in pieces (transferInPieces), so the copy into the core does not hold
 * its event loop either.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleFileResult } from './readArticleFile';
import { readArticleFileData, type FileData } from './readArticleFileData';
import { readJsonPayload, type JsonPayloadRead, type JsonPurpose } from './readJsonPayload';
import type { LibraryQuoteMatch, QuoteSearch } from '../../shared/formats/w3c/findQuoteInLibrary';
import { findQuotesInLibrary } from '../../shared/formats/w3c/findQuotesInLibrary';
import { PIECE_ITEMS, putTogether, takeApart, type ValuePiece } from './transferInPieces';
import { textParts } from '../store/textParts';
import type { W3CAnswer, W3CLibraryView, W3CPlanResult, W3CQuestion } from './planW3CImportFromBytes';
import type { W3CImportOptions } from '../../shared/formats/w3c/planW3CImport';
import type { CheckedAgainst, DataFileCheck } from '../store/checkDataFile';
import { checkDataFileBytes, type LargeFileChecks } from '../store/largeFileChecks';
import { readArticlesBody, type ArticlesBodyRead } from './readArticlesBody';

export { fileBytes, prepareDrafts, readArticleFileData, type FileData } from './readArticleFileData';

export type ImportWorkerRequest =
  | {
      kind: 'article';
      id: number;
      name: string;
      /** The file's bytes, or them base64-encoded as they came in a call (decoded in the worker, off the core's event loop). */
      file: FileData;
      checkNesting: boolean;
      /** Web pages: the whole visible text, not the article found in it. */
      wholePage: boolean;
    }
  | { kind: 'json'; id: number; bytes: Uint8Array; purpose: JsonPurpose; /** The worker's cap, which bounds the values it may hold. */ memoryLimitMb: number }
  | {
      kind: 'findQuotes';
      id: number;
      /** Its texts and quotes came before it in `piece` messages of the same id (see QuoteSearchWire). */
      search: QuoteSearchWire;
    }
  /** A data file of the library checked as checkDataFile does (see largeFileChecks): a large text's first read, the health check. */
  | { kind: 'checkFile'; id: number; relPath: string; bytes: Uint8Array; against: CheckedAgainst; withValue: boolean }
  /** A whole W3C import planned from its bytes (planW3CImportFromBytes); the library came before it in pieces. */
  | { kind: 'w3cImport'; id: number; bytes: Uint8Array; purpose: JsonPurpose; memoryLimitMb: number; library: W3CLibraryView; options?: W3CImportOptions }
  /** An importArticles request body read into its files' bytes (readArticlesBody). */
  | { kind: 'articlesBody'; id: number; bytes: Uint8Array; memoryLimitMb: number }
  /** The core's answer to the worker's question about the request with the same id (its pieces sent before it). */
  | { kind: 'answer'; id: number; answer: unknown }
  /** A slice of a long array of the request with the same id, sent before it (one message, one short task of the core). */
  | { kind: 'piece'; id: number; piece: ValuePiece };

/** The library's texts and the quotes to look for in them (findQuoteInLibrary, quote by quote). */
export interface QuoteSearchRequest {
  texts: [articleId: string, text: string][];
  quotes: QuoteSearch[];
}

/** A QuoteSearchRequest as it crosses to the worker: each text in parts. */
export interface QuoteSearchWire {
  texts: [articleId: string, textParts: string[]][];
  quotes: QuoteSearch[];
}

/** One answer per quote, in order; or why the search stopped (took longer than the time limit, say). */
export type QuoteSearchResult = { ok: true; value: LibraryQuoteMatch[] } | { ok: false; reason: string };

/** findQuoteInLibrary for every quote, each text read once for all of them (the worker's work). */
export function findQuotes(search: QuoteSearchRequest): QuoteSearchResult {
  return { ok: true, value: findQuotesInLibrary(new Map(search.texts), search.quotes) };
}

/** Long strings cross to the worker in parts of this many characters (a multiple of 4: base64 stays whole), a message each. */
export const STRING_PART_CHARS = 1 << 20;

/**
 * A long string cut into parts (substrings: no copy until each is sent). One the worker sent in parts
 * (see transferInPieces) goes back in those parts: cutting the string it was joined into would copy it
 * whole first, in one task of the event loop.
 */
export function stringParts(text: string, partChars = STRING_PART_CHARS): string[] {
  return textParts(text, partChars);
}

/** Whether these bytes are the whole of their buffer (so it can be handed to a worker, not copied). */
function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

/** What the worker answers a checkFile request (a file it could not check at all: why). */
export type FileCheckResult = { ok: true; value: DataFileCheck } | { ok: false; reason: string };

/** The worker's answers: pieces of a JSON value first (see transferInPieces), then the result. */
export type ImportWorkerReply =
  | { id: number; result: ArticleFileResult | JsonPayloadRead | QuoteSearchResult | FileCheckResult | W3CPlanResult | ArticlesBodyRead }
  | { id: number; piece: ValuePiece }
  /** A question about the request (a W3C import asks for texts and ids); the answer goes back as an `answer` request. */
  | { id: number; ask: unknown };

export interface ArticleFileReaderOptions {
  /** The built worker (out/main/importWorker.js); null reads in-process. */
  workerFile: string | null;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  /** Off only to prove the worker's own limits hold (see the tests): the nesting pre-scan refuses most hostile files first. */
  checkNesting?: boolean;
  /** A worker idle this long is stopped. Default 5 s. */
  idleMs?: number;
  /** Workers reading files at once, each under the caps. Default IMPORT_WORKERS, at most the machine's cores. */
  workers?: number;
}

/** How one file is read: `handOver` gives bytes that own their whole buffer to the worker (not copied; the caller's are then empty). */
export interface ArticleReadOptions {
  wholePage?: boolean;
  handOver?: boolean;
}

export interface ArticleFileReader extends LargeFileChecks {
  read(name: string, file: FileData, options?: ArticleReadOptions): Promise<ArticleFileResult>;
  /**
   * Reads an importArticles request body into its files' bytes (readArticlesBody) under the same limits:
   * the body's bytes go over handed over, the files' bytes come back handed over; their base64 text never
   * reaches this thread.
   */
  readArticlesBody(bytes: Uint8Array): Promise<ArticlesBodyRead>;
  /** Reads JSON (a request body, an annotation or project file) under the same limits. */
  readJson(bytes: Uint8Array, purpose: JsonPurpose): Promise<JsonPayloadRead>;
  /**
   * Looks for quotes in the library's texts (the W3C import of annotations naming no article) under
   * the same limits; the request goes over and the answers come back a slice at a time. Absent where
   * files are read in-process: the caller searches itself.
   */
  findQuotes?(search: QuoteSearchRequest): Promise<QuoteSearchResult>;
  /**
   * Plans a whole W3C import from its bytes in the worker (planW3CImportFromBytes), under the same limits:
   * the library goes over in pieces, the worker's questions (texts, new ids) are answered by `answer`, and
   * the plan comes back a slice at a time. Absent where files are read in-process.
   */
  planW3CImport?(
    bytes: Uint8Array,
    purpose: JsonPurpose,
    library: W3CLibraryView,
    answer: (question: W3CQuestion) => Promise<W3CAnswer>,
    /** An annotation file's import options (a body carries its own). */
    options?: W3CImportOptions,
  ): Promise<W3CPlanResult>;
  /** Stops the worker, if one runs. */
  close(): Promise<void>;
}

type Result = ArticleFileResult | JsonPayloadRead | QuoteSearchResult | FileCheckResult | W3CPlanResult | ArticlesBodyRead;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request waiting for a worker. */
interface Task {
  request: DistributiveOmit<ImportWorkerRequest, 'id'>;
  transfer: ArrayBuffer[];
  pieces: readonly ValuePiece[];
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
  /** Answers the worker's questions about the request. */
  ask?: (question: unknown) => Promise<unknown>;
}

/** One worker of the pool and the request it reads (one at a time). */
interface Slot {
  worker: Worker | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
  current: {
    id: number;
    worker: Worker;
    pieces: ValuePiece[];
    settle: (result: Result) => void;
    /** The request failed on this side (its question could not be answered): the worker goes, the caller gets the error. */
    fail: (error: unknown) => void;
    ask?: (question: unknown) => Promise<unknown>;
    startClock: () => void;
  } | null;
}

export const IMPORT_TIME_LIMIT_MS = 20_000;
export const IMPORT_MEMORY_LIMIT_MB = 512;
/** Workers reading at once (at most the machine's cores): a folder of pages is read on two cores. */
export const IMPORT_WORKERS = 2;

export function createArticleFileReader(options: ArticleFileReaderOptions): ArticleFileReader {
  const checkNesting = options.checkNesting ?? true;
  const { workerFile } = options;
  if (workerFile === null) {
    return {
      read: (name, file, readOptions) => readArticleFileData(name, file, { checkNesting, wholePage: readOptions?.wholePage === true }),
      readJson: async (bytes, purpose) => readJsonPayload(bytes, purpose),
      readArticlesBody: async (bytes) => readArticlesBody(bytes),
      check: async (relPath, bytes, against, withValue) => checkDataFileBytes(relPath, bytes, against, withValue),
      close: async () => undefined,
    };
  }
  const timeLimitMs = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? IMPORT_MEMORY_LIMIT_MB;
  const idleMs = options.idleMs ?? 5_000;
  const workerCount = Math.max(1, Math.floor(options.workers ?? Math.min(IMPORT_WORKERS, availableParallelism())));

  let nextId = 1;
  /** Workers that have loaded their code: a file's time runs from then (starting one on a busy machine takes seconds). */
  const started = new WeakSet<Worker>();
  const slots: Slot[] = Array.from({ length: workerCount }, () => ({ worker: null, idleTimer: null, current: null }));
  /** Requests waiting for a free worker, first come first served. */
  const waiting: Task[] = [];
  /** Requests not yet answered (close waits for them). */
  let unanswered = 0;
  let allAnswered: (() => void) | null = null;

  const stop = async (slot: Slot): Promise<void> => {
    const w = slot.worker;
    slot.worker = null;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    if (w) await w.terminate().catch(() => undefined);
  };

  const start = (slot: Slot): Worker => {
    const w = new Worker(workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    w.unref();
    w.on('message', (reply: ImportWorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        started.add(w);
        if (slot.current?.worker === w) slot.current.startClock();
        return;
      }
      const current = slot.current;
      if (current?.worker !== w || current.id !== reply.id) return;
      if ('piece' in reply) current.pieces.push(reply.piece);
      else if ('ask' in reply) void answerQuestion(slot, w, current.id, reply.ask);
      else current.settle(reply.result);
    });
    w.on('error', (error: Error & { code?: string }) => {
      if (slot.worker === w) slot.worker = null;
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it needs more than ${memoryLimitMb} MB of memory to read (the limit for one file); nothing was read`
          : `it could not be read: the import worker failed (${error.message.split('\n')[0]})`;
      if (slot.current?.worker === w) slot.current.settle({ ok: false, reason });
    });
    w.on('exit', (code) => {
      if (slot.worker === w) slot.worker = null;
      if (slot.current?.worker === w) slot.current.settle({ ok: false, reason: `it could not be read: the import worker stopped (exit code ${code})` });
    });
    return w;
  };

  /** Hands waiting requests to free workers. */
  const pump = (): void => {
    for (const slot of slots) {
      if (waiting.length === 0) return;
      if (slot.current === null) runOne(slot, waiting.shift()!);
    }
  };

  /** The core's answer to a question of the worker, in pieces as a request's are; an answer that fails stops the request. */
  const answerQuestion = async (slot: Slot, w: Worker, id: number, question: unknown): Promise<void> => {
    const wanted = () => slot.current?.id === id && slot.current.worker === w;
    try {
      const answer = await slot.current!.ask!(question);
      if (!wanted()) return;
      const { skeleton, pieces } = takeApart(answer);
      await sendPieces(w, id, pieces, wanted);
      if (wanted()) w.postMessage({ kind: 'answer', id, answer: skeleton } satisfies ImportWorkerRequest);
    } catch (error) {
      if (wanted()) slot.current!.fail(error);
    }
  };

  const runOne = (slot: Slot, task: Task): void => {
    const { request, transfer, pieces: requestPieces, resolve, reject } = task;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.worker ??= start(slot);
    const w = slot.worker;
    const id = nextId++;
    const what =
      request.kind === 'article' || request.kind === 'checkFile'
        ? 'file'
        : request.kind === 'findQuotes' || request.kind === 'w3cImport'
          ? 'import'
          : request.kind === 'articlesBody'
            ? 'request'
            : 'request or file';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startClock = (): void => {
      timer ??= setTimeout(() => {
        // A parse that does not end: the worker goes, a new one reads the next file.
        if (slot.worker === w) slot.worker = null;
        void w.terminate();
        settle({ ok: false, reason: `it took longer than ${Math.round(timeLimitMs / 1000)} s to read (the limit for one ${what}); nothing was read` });
      }, timeLimitMs);
    };
    const settle = (result: Result | { error: unknown }): void => {
      if (slot.current?.id !== id) return;
      const { pieces } = slot.current;
      slot.current = null;
      clearTimeout(timer);
      if ('error' in result) {
        // The worker waits for an answer that will not come: it goes, a new one reads the next request.
        if (slot.worker === w) slot.worker = null;
        void w.terminate();
      }
      if (slot.worker) {
        slot.idleTimer = setTimeout(() => void stop(slot), idleMs);
        slot.idleTimer.unref?.();
      }
      // The pieces go into a JSON value, a check's value, or else (the drafts of a file) into the result itself.
      if ('error' in result) reject(result.error);
      else if (pieces.length === 0 || !result.ok) resolve(result);
      else if ('value' in result) resolve({ ok: true, value: putTogether(result.value, pieces) } as Result);
      else resolve(putTogether(result, pieces) as Result);
      if (--unanswered === 0) allAnswered?.();
      pump();
    };
    slot.current = { id, worker: w, pieces: [], settle, fail: (error) => settle({ error }), ask: task.ask, startClock };
    if (started.has(w)) startClock();
    // A copy goes over (the caller's bytes stay as they were, unless handed over); base64 text is decoded there.
    const send = (): void => w.postMessage({ ...request, id } as ImportWorkerRequest, transfer);
    if (requestPieces.length === 0) send();
    else void sendPieces(w, id, requestPieces, () => slot.current?.id === id).then(send);
  };

  /** The pieces of a request, each its own message, other calls answered between them. */
  const sendPieces = async (w: Worker, id: number, pieces: readonly ValuePiece[], wanted: () => boolean): Promise<void> => {
    for (const piece of pieces) {
      if (!wanted()) return;
      w.postMessage({ kind: 'piece', id, piece } satisfies ImportWorkerRequest);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  const queued = <R extends Result>(
    request: DistributiveOmit<ImportWorkerRequest, 'id'>,
    transfer: ArrayBuffer[] = [],
    pieces: readonly ValuePiece[] = [],
    ask?: (question: unknown) => Promise<unknown>,
  ): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      unanswered++;
      waiting.push({ request, transfer, pieces, resolve: resolve as (result: Result) => void, reject, ask });
      pump();
    });

  return {
    read(name, file, readOptions) {
      const request = { kind: 'article', name, file, checkNesting, wholePage: readOptions?.wholePage === true } as const;
      if (file instanceof Uint8Array) return queued<ArticleFileResult>(request, readOptions?.handOver && ownsBuffer(file) ? [file.buffer as ArrayBuffer] : []);
      if (!('base64' in file) || file.base64.length <= STRING_PART_CHARS) return queued<ArticleFileResult>(request);
      // A 16 MB base64 text copied in one message held the core's event loop: it goes a part a message.
      const pieces = stringParts(file.base64).map((part) => ({ path: ['file', 'base64Parts'], items: [part] }));
      return queued<ArticleFileResult>({ ...request, file: { base64Parts: [] } }, [], pieces);
    },
    readJson(bytes, purpose) {
      // Bytes that own their whole buffer are handed over, not copied.
      return queued<JsonPayloadRead>({ kind: 'json', bytes, purpose, memoryLimitMb }, ownsBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : []);
    },
    readArticlesBody(bytes) {
      return queued<ArticlesBodyRead>({ kind: 'articlesBody', bytes, memoryLimitMb }, ownsBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : []);
    },
    async check(relPath, bytes, against, withValue) {
      // Bytes that own their whole buffer (a file just read) are handed over, not copied: the caller does not use them again.
      const own = ownsBuffer(bytes);
      const checked = await queued<FileCheckResult>({ kind: 'checkFile', relPath, bytes, against, withValue }, own ? [bytes.buffer as ArrayBuffer] : []);
      // Not checked at all (over a limit, the worker failed): the file is not known to be good.
      return checked.ok ? checked.value : { problem: `could not be checked: ${checked.reason}` };
    },
    findQuotes(search) {
      // The quotes (30,000, say) go over a slice a message, each text a part (1 MB) a message; the request itself last.
      const wire: QuoteSearchWire = { texts: search.texts.map(([id]) => [id, []]), quotes: [] };
      const pieces: ValuePiece[] = [
        ...search.texts.flatMap(([, text], i) => stringParts(text).map((part) => ({ path: ['search', 'texts', i, 1], items: [part] }))),
        ...takeApart({ search: { quotes: [...search.quotes] } }, PIECE_ITEMS).pieces,
      ];
      // A short list of quotes stays in the skeleton: send it as one piece.
      if (search.quotes.length > 0 && search.quotes.length <= PIECE_ITEMS) pieces.push({ path: ['search', 'quotes'], items: [...search.quotes] });
      return queued<QuoteSearchResult>({ kind: 'findQuotes', search: wire }, [], pieces);
    },
    planW3CImport(bytes, purpose, library, answer, options) {
      const own = ownsBuffer(bytes);
      // The library's long lists (100,000 articles, the existing annotations' columns) go over a slice a message.
      const { skeleton, pieces } = takeApart({ library });
      const request = { kind: 'w3cImport', bytes, purpose, memoryLimitMb, library: (skeleton as { library: W3CLibraryView }).library, ...(options ? { options: { ...options } } : {}) } as const;
      return queued<W3CPlanResult>(request, own ? [bytes.buffer as ArrayBuffer] : [], pieces, (question) => answer(question as W3CQuestion));
    },
    async close() {
      if (unanswered > 0) await new Promise<void>((resolve) => (allAnswered = resolve));
      await Promise.all(slots.map(stop));
    },
  };
}

