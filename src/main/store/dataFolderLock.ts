/**
 * One writer per data folder: `<dataDir>/.lock` holds the pid, host name and
 * start time of the process that works on the folder. It is created with
 * `wx` (fails when it exists), so of two processes starting together only
 * one gets it. A lock whose process is gone (killed, crashed) is stale and
 * taken over; a lock of a live process is refused with DataFolderLockedError,
 * whose message names the folder and the pid. Release it on a clean exit.
 *
 * Between another process creating the file and writing its contents there is
 * a moment when the file is empty: such a file is waited on briefly, and only
 * taken over once it has stayed unreadable for a while (a writer that died
 * right after creating it).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO time the owning process took the lock. */
  started: string;
  /** Random, unique to one taking of the lock: release removes only its own lock. */
  token: string;
}

export interface DataFolderLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still this lock's (idempotent). */
  release(): Promise<void>;
  /** The same, synchronously, for `process.on('exit')`. */
  releaseSync(): void;
}

export interface DataFolderLockOptions {
  pid?: number;
  hostname?: string;
  now?: () => Date;
  /** Whether a process runs; defaults to a signal-0 probe. */
  isAlive?: (pid: number) => boolean;
  /** How long an empty or unreadable lock file is waited on before it counts as stale. */
  unreadableGraceMs?: number;
}

export class DataFolderLockedError extends Error {
  readonly dataDir: string;
  readonly owner: LockOwner;

  constructor(dataDir: string, owner: LockOwner, self: string) {
    const where = owner.hostname === self ? '' : ` on ${owner.hostname}`;
    super(
      `The data folder ${dataDir} is in use by another Triangulate process (pid ${owner.pid}${where}, since ${owner.started}). ` +
        'Close it first; only one program may change a data folder at a time.',
    );
    this.name = 'DataFolderLockedError';
    this.dataDir = dataDir;
    this.owner = owner;
  }
}

export function lockPath(dataDir: string): string {
  return join(dataDir, '.lock');
}

export async function acquireDataFolderLock(dataDir: string, options: DataFolderLockOptions = {}): Promise<DataFolderLock> {
  const self = options.hostname ?? hostname();
  const isAlive = options.isAlive ?? processIsAlive;
  const grace = options.unreadableGraceMs ?? 2000;
  const owner: LockOwner = {
    pid: options.pid ?? process.pid,
    hostname: self,
    started: (options.now ?? (() => new Date()))().toISOString(),
    token: randomUUID(),
  };
  const file = lockPath(dataDir);
  await mkdir(dataDir, { recursive: true });

  for (let attempt = 0; attempt < 50; attempt++) {
    if (await tryCreate(file, owner)) {
      heldTokens.add(owner.token);
      return heldLock(file, owner);
    }
    const seen = await readLockFile(file);
    if (seen === null) continue;
    const current = parseOwner(seen) ?? 'unreadable';
    if (current === 'unreadable') {
      if (Date.now() - (await mtimeMs(file)) < grace) {
        await sleep(50);
        continue;
      }
    } else {
      // A lock with this process's pid that this process did not take was left by
      // an earlier process that had the same pid (common in containers).
      const stale =
        current.hostname === self && (!isAlive(current.pid) || (current.pid === owner.pid && !heldTokens.has(current.token)));
      if (!stale) throw new DataFolderLockedError(dataDir, current, self);
    }
    await takeAway(file, seen);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing. Is another Triangulate starting on ${dataDir}?`);
}

/** Tokens of the locks this process holds. */
const heldTokens = new Set<string>();

function heldLock(file: string, owner: LockOwner): DataFolderLock {
  let released = false;
  const ours = (raw: string): boolean => parseOwner(raw)?.token === owner.token;
  return {
    path: file,
    owner,
    async release() {
      if (released) return;
      released = true;
      heldTokens.delete(owner.token);
      const raw = await readFile(file, 'utf8').catch(() => '');
      if (ours(raw)) await unlink(file).catch(() => undefined);
    },
    releaseSync() {
      if (released) return;
      released = true;
      heldTokens.delete(owner.token);
      try {
        if (ours(readFileSync(file, 'utf8'))) unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`Cannot create the lock ${file}: ${(error as Error).message}`);
  }
  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock file's contents; null when there is none. */
async function readLockFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner> | null;
    if (
      value &&
      Number.isInteger(value.pid) &&
      typeof value.hostname === 'string' &&
      typeof value.started === 'string' &&
      typeof value.token === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // Not JSON (yet): unreadable.
  }
  return null;
}

/**
 * Moves the stale lock (whose contents were `judged`) out of the way, by
 * renaming it to a unique name. When two processes take over the same stale
 * lock, the second one's rename may catch the first one's new lock instead:
 * the contents tell, and that lock is put back (link fails rather than
 * replace a third one), so the second process then finds it held.
 */
async function takeAway(file: string, judged: string): Promise<void> {
  const aside = `${file}.stale-${randomUUID().slice(0, 8)}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged);
  if (moved !== judged && parseOwner(moved)) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function mtimeMs(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
