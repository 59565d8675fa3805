/**
 * Entry of the browser host (built to out/main/host.js; `npm run serve`).
 * Binds 127.0.0.1 only and prints exactly one line to stdout once listening:
 *
 *   Triangulate ready at http://127.0.0.1:N/#token=TOKEN
 *
 * The data folder opens meanwhile: the page loads while it does, and its
 * calls wait for it. At a later start, the library's head (derived data, see
 * libraryHead) answers the page's first window of the list and the folder
 * opens at the page's next call, or HEAD_FIRST_OPEN_DELAY_MS after listening
 * (startHeadFirst, as the desktop window does). The token is new on every launch and
 * travels in the URL fragment, which browsers never send to the server.
 * Everything else goes to stderr. A data folder that another Triangulate
 * holds (see dataFolderLock) stops the host before it touches anything; one
 * that cannot be read for another reason stops it with that reason. A
 * damaged index.json is named on stderr (one line, with the recover command)
 * and the UI is served with the recovery API (see createRecoveryApi) until
 * it is restored. SIGINT/SIGTERM close the server and the store and release
 * the folder's lock, exit 0.
 *
 * When another browser host already holds the folder, this prints its
 * address instead (from host.json, see runningHostFile) and exits 3:
 *
 *   Triangulate already running at http://127.0.0.1:N/#token=TOKEN
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledCorpusDir } from '../main/import/bundledCorpusDir';
import { createArticleFileReader } from '../main/import/createArticleFileReader';
import { importWorkerFile } from '../main/import/importWorkerFile';
import { createCore, type Core } from '../main/core/createCore';
import { createRecoveryApi } from '../main/core/createRecoveryApi';
import { damagedFilesLines } from '../main/safety/damagedFilesReport';
import { acquireDataFolderLock, DataFolderLockedError, type DataFolderLock } from '../main/store/dataFolderLock';
import { recoverCommandFor } from '../main/safety/recoverCommandFor';
import { ApiError } from '../shared/contract/apiError';
import type { TriangulateApi } from '../shared/contract/contract';
import { defaultDataDir } from '../main/store/defaultDataDir';
import { createHostServer } from './createHostServer';
import { startHeadFirst } from '../main/core/startHeadFirst';
import type { LibraryHead } from '../main/store/libraryHead';
import { parseServeArgs, SERVE_USAGE, type ServeArgs } from './parseServeArgs';
import { readRunningHost, removeRunningHost, writeRunningHost } from './runningHostFile';

/** The start-up backup waits this long, so that it does not slow down the first screen. */
const START_BACKUP_DELAY_MS = 3_000;

/** Exit status when another browser host already serves the data folder (its address is printed). */
const ALREADY_RUNNING = 3;

const oneLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');

function readArgs(): ServeArgs | null {
  try {
    return parseServeArgs(process.argv.slice(2), {
      dataDir: defaultDataDir,
      // out/main/host.js → out/renderer
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      cwd: process.env.INIT_CWD ?? process.cwd(),
    });
  } catch (error) {
    console.error(`Triangulate: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  if (args === null) process.exit(2);
  if (args.help) {
    console.log(SERVE_USAGE);
    return;
  }
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    console.error(`Triangulate: no built UI in ${args.rendererDir} (index.html is missing); run "npm run build" first.`);
    process.exit(1);
  }

  // One writer per data folder: refuse one that another Triangulate holds; released on exit.
  let lock: DataFolderLock;
  try {
    lock = await acquireDataFolderLock(args.dataDir);
  } catch (error) {
    const running = error instanceof DataFolderLockedError ? readRunningHost(args.dataDir, error.owner.pid) : null;
    if (running) {
      process.stdout.write(`Triangulate already running at ${running}\n`);
      process.exit(ALREADY_RUNNING);
    }
    console.error(`Triangulate: ${oneLine(error)}`);
    process.exit(1);
  }
  process.on('exit', () => {
    removeRunningHost(args.dataDir, process.pid);
    lock.releaseSync();
  });

  // A damaged index.json does not stop the host: it serves the UI with the recovery API, which
  // offers "Restore from backup" and switches over to the library once the folder is readable.
  // The start-up backup checks every file when the folder changed since the last backup, and names
  // the damaged ones (annotations, links.json: they only stop the calls that need them).
  // The head read at this start is handed to the first open (the recovery API's later opens read it themselves).
  const openCore = (libraryHead?: LibraryHead | null) =>
    createCore({
      dataDir: args.dataDir,
      libraryHead,
      corpusDir: bundledCorpusDir(),
      backups: {
        // After the UI has loaded: a changed large library is read in full for its backup.
        startDelayMs: START_BACKUP_DELAY_MS,
        onSkipped: (skipped) => damagedFilesLines(args.dataDir, skipped).forEach((line) => console.error(line)),
      },
    });
  type OpenedApi = TriangulateApi & { close(): Promise<void> } & Partial<Pick<Core, 'importW3CBytes' | 'importArticlesBytes'>>;
  const openApi = (head: LibraryHead | null): Promise<OpenedApi> =>
    openCore(head).catch((error: unknown) => {
      const corrupt = error instanceof ApiError && error.code === 'corrupt_data';
      const recover = corrupt ? ` To restore it from a backup, use "Restore from backup" in the app, or run: ${recoverCommandFor(args.dataDir)}` : '';
      console.error(`Triangulate: cannot open the data folder ${args.dataDir}: ${oneLine(error)}${recover}`);
      if (!corrupt) process.exit(1);
      return createRecoveryApi({ dataDir: resolve(args.dataDir), reason: error.message, openCore: () => openCore() });
    });
  // No head (a first start, or index.json changed since the head was made): the folder opens at once.
  const folder = await startHeadFirst(args.dataDir, openApi);

  const token = randomBytes(24).toString('base64url');
  // Large bodies (an import's files, a W3C collection, a project) are parsed in an import worker of their own.
  const bodyReader = createArticleFileReader({ workerFile: importWorkerFile() });
  const server = createHostServer({
    parseLargeBody: (bytes) => bodyReader.readJson(bytes, 'body'),
    // A W3C collection is read, matched and planned in the core's import worker from the body's bytes; an
    // importArticles body is read there into its files' bytes, which go on to the readers (no base64 text here).
    callWithLargeBody: async (method, bytes) => {
      if (method !== 'importW3C' && method !== 'importArticles') return undefined;
      const api = await folder.open();
      if (method === 'importArticles') return 'importArticlesBytes' in api && api.importArticlesBytes ? { value: await api.importArticlesBytes(bytes) } : undefined;
      return 'importW3CBytes' in api && api.importW3CBytes ? { value: await api.importW3CBytes(bytes, 'body') } : undefined;
    },
    api: folder.api,
    rendererDir: args.rendererDir,
    token,
    onInternalError: (error) => console.error('Triangulate host: internal error:', error),
  });

  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    try {
      // A folder never opened (only the head answered) has nothing to close.
      await (await folder.opening())?.close();
    } catch (error) {
      console.error(`Triangulate: could not close the data folder cleanly: ${oneLine(error)}`);
      code = code || 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE' ? `port ${args.port} is already in use (try another --port, or 0 for any free one)` : oneLine(error);
    console.error(`Triangulate: cannot listen on 127.0.0.1: ${reason}`);
    void stop(1);
  });
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/#token=${token}`;
    try {
      writeRunningHost(args.dataDir, { pid: process.pid, url });
    } catch (error) {
      console.error(`Triangulate: could not note the address in ${args.dataDir} (a second start will not find this window): ${oneLine(error)}`);
    }
    process.stdout.write(`Triangulate ready at ${url}\n`);
    // The library's counts start (in the background) and its first window is made while the browser loads the page
    // (with a head: once the folder is open; it opens at the latest HEAD_FIRST_OPEN_DELAY_MS from now).
    folder.ready();
  });
}

void main();
