/**
 * Reads imported files into article drafts in a worker thread, so that no
 * file — however it is built — can starve the core: the worker has a memory
 * cap (`memoryLimitMb`, default 512 MB of heap) and each file a time limit
 * (`timeLimitMs`, default 20 s). A file that hits either is refused with a
 * line saying which ("took longer than 20 s", "needs more than 512 MB"), the
 * worker is stopped and a new one started for the next file; nothing of that
 * file is kept. One worker reads the files of an import one after another
 * and stops when it has been idle a few seconds (and never keeps the process
 * alive). Without a built worker (the source layout) files are read
 * in-process, with the same nesting checks but no time or memory limit.
 */
import { Worker } from 'node:worker_threads';
import { readArticleFile, type ArticleFileResult } from './readArticleFile';

export interface ImportWorkerRequest {
  id: number;
  name: string;
  /** The file's bytes, or them base64-encoded as they came in a call (decoded in the worker, off the core's event loop). */
  file: FileData;
  checkNesting: boolean;
  /** Web pages: the whole visible text, not the article found in it. */
  wholePage: boolean;
}

/** A file's bytes, or its base64 text. */
export type FileData = Uint8Array | { base64: string };

/** The bytes of FileData. */
export function fileBytes(file: FileData): Uint8Array {
  return file instanceof Uint8Array ? file : Buffer.from(file.base64, 'base64');
}

export interface ImportWorkerReply {
  id: number;
  result: ArticleFileResult;
}

export interface ArticleFileReaderOptions {
  /** The built worker (out/main/importWorker.js); null reads in-process. */
  workerFile: string | null;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  /** Off only to prove the worker's own limits hold (see the tests): the nesting pre-scan refuses most hostile files first. */
  checkNesting?: boolean;
  /** A worker idle this long is stopped. Default 5 s. */
  idleMs?: number;
}

export interface ArticleFileReader {
  read(name: string, file: FileData, options?: { wholePage?: boolean }): Promise<ArticleFileResult>;
  /** Stops the worker, if one runs. */
  close(): Promise<void>;
}

export const IMPORT_TIME_LIMIT_MS = 20_000;
export const IMPORT_MEMORY_LIMIT_MB = 512;

export function createArticleFileReader(options: ArticleFileReaderOptions): ArticleFileReader {
  const checkNesting = options.checkNesting ?? true;
  const { workerFile } = options;
  if (workerFile === null) {
    return {
      read: (name, file, readOptions) => readArticleFile(name, fileBytes(file), { checkNesting, wholePage: readOptions?.wholePage === true }),
      close: async () => undefined,
    };
  }
  const timeLimitMs = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? IMPORT_MEMORY_LIMIT_MB;
  const idleMs = options.idleMs ?? 5_000;

  let worker: Worker | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  /** The file being read: one at a time. */
  let current: { id: number; worker: Worker; settle: (result: ArticleFileResult) => void } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const stop = async (): Promise<void> => {
    const w = worker;
    worker = null;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (w) await w.terminate().catch(() => undefined);
  };

  const start = (): Worker => {
    const w = new Worker(workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    w.unref();
    w.on('message', (reply: ImportWorkerReply) => {
      if (current?.worker === w && current.id === reply.id) current.settle(reply.result);
    });
    w.on('error', (error: Error & { code?: string }) => {
      if (worker === w) worker = null;
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it needs more than ${memoryLimitMb} MB of memory to read (the limit for one file); nothing was read`
          : `it could not be read: the import worker failed (${error.message.split('\n')[0]})`;
      if (current?.worker === w) current.settle({ ok: false, reason });
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (current?.worker === w) current.settle({ ok: false, reason: `it could not be read: the import worker stopped (exit code ${code})` });
    });
    return w;
  };

  const readOne = (name: string, file: FileData, wholePage: boolean): Promise<ArticleFileResult> =>
    new Promise<ArticleFileResult>((resolve) => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const timer = setTimeout(() => {
        // A parse that does not end: the worker goes, a new one reads the next file.
        if (worker === w) worker = null;
        void w.terminate();
        settle({ ok: false, reason: `it took longer than ${Math.round(timeLimitMs / 1000)} s to read (the limit for one file); nothing was read` });
      }, timeLimitMs);
      const settle = (result: ArticleFileResult): void => {
        if (current?.id !== id) return;
        current = null;
        clearTimeout(timer);
        if (worker) idleTimer = setTimeout(() => void stop(), idleMs);
        idleTimer?.unref?.();
        resolve(result);
      };
      current = { id, worker: w, settle };
      // A copy goes over (the caller's bytes stay as they were); base64 text is decoded there.
      w.postMessage({ id, name, file, checkNesting, wholePage } satisfies ImportWorkerRequest);
    });

  return {
    read(name, file, readOptions) {
      const run = queue.then(() => readOne(name, file, readOptions?.wholePage === true));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
      await stop();
    },
  };
}
