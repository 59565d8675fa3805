import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderLockedError, lockPath } from './dataFolderLock';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-lock-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** A pid that belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

describe('acquireDataFolderLock', () => {
  it('writes the pid into <dataDir>/.lock and removes it on release', async () => {
    const lock = await acquireDataFolderLock(dir);
    const held = JSON.parse(await fs.readFile(lockPath(dir), 'utf8'));
    expect(held.pid).toBe(process.pid);
    expect(new Date(held.started).getTime()).toBeGreaterThan(Date.now() - 60_000);
    await lock.release();
    await expect(fs.stat(lockPath(dir))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a folder held by a live process, naming the folder and the pid, and leaves its lock alone', async () => {
    const first = await acquireDataFolderLock(dir, { pid: 4242, isAlive: () => true });
    const before = await fs.readFile(lockPath(dir), 'utf8');
    const error = await rejection(acquireDataFolderLock(dir, { isAlive: () => true }));
    expect(error).toBeInstanceOf(DataFolderLockedError);
    expect(error.message).toContain(dir);
    expect(error.message).toContain('pid 4242');
    expect(await fs.readFile(lockPath(dir), 'utf8')).toBe(before);
    await first.release();
  });

  it('refuses a second lock within the same process', async () => {
    const first = await acquireDataFolderLock(dir);
    await expect(acquireDataFolderLock(dir)).rejects.toBeInstanceOf(DataFolderLockedError);
    await first.release();
    const again = await acquireDataFolderLock(dir);
    await again.release();
  });

  it('takes over the lock of a process that is gone', async () => {
    const pid = await deadPid();
    await fs.writeFile(lockPath(dir), JSON.stringify({ pid, hostname: hostname(), started: '2020-01-01T00:00:00.000Z', token: 'old' }));
    const lock = await acquireDataFolderLock(dir);
    expect(JSON.parse(await fs.readFile(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('does not judge a lock of another machine by the local process list', async () => {
    await fs.writeFile(lockPath(dir), JSON.stringify({ pid: 1, hostname: 'other-host', started: '2020-01-01T00:00:00.000Z', token: 't' }));
    const error = await rejection(acquireDataFolderLock(dir, { isAlive: () => false }));
    expect(error.message).toContain('pid 1 on other-host');
  });

  it('waits on an empty lock file (another process is writing it), then takes it over once it stays empty', async () => {
    await fs.writeFile(lockPath(dir), '');
    const started = Date.now();
    const lock = await acquireDataFolderLock(dir, { unreadableGraceMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(JSON.parse(await fs.readFile(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('release leaves a lock alone that has since been taken by someone else', async () => {
    const lock = await acquireDataFolderLock(dir);
    const foreign = JSON.stringify({ pid: 99, hostname: 'h', started: 's', token: 'someone-else' });
    await fs.writeFile(lockPath(dir), foreign);
    await lock.release();
    expect(await fs.readFile(lockPath(dir), 'utf8')).toBe(foreign);
  });

  it('releaseSync removes the lock too (for process exit handlers)', async () => {
    const lock = await acquireDataFolderLock(dir);
    lock.releaseSync();
    await expect(fs.stat(lockPath(dir))).rejects.toThrow(/ENOENT/);
  });

  it('of many takers at once exactly one gets the lock', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => acquireDataFolderLock(dir, { pid: 1000 + i, isAlive: () => true })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof DataFolderLockedError)).toBe(true);
  });

  it('creates the data folder when it does not exist yet', async () => {
    const nested = join(dir, 'new', 'data');
    const lock = await acquireDataFolderLock(nested);
    expect((await fs.stat(lockPath(nested))).isFile()).toBe(true);
    await lock.release();
  });
});
