import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRunningHost, removeRunningHost, runningHostPath, writeRunningHost } from './runningHostFile';

const URL = 'http://127.0.0.1:40123/#token=abc_DEF-123';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'triangulate-host-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runningHostFile', () => {
  it('gives the running host’s address to a second start, only for the lock’s owner', () => {
    writeRunningHost(dir, { pid: 4242, url: URL });
    expect(readRunningHost(dir, 4242)).toBe(URL);
    expect(readRunningHost(dir, 999)).toBeNull();
  });

  it('is readable by the user only, since the address carries the token', () => {
    writeRunningHost(dir, { pid: 4242, url: URL });
    expect(statSync(runningHostPath(dir)).mode & 0o077).toBe(0);
  });

  it('ignores a file that is missing, damaged or points anywhere but 127.0.0.1', () => {
    expect(readRunningHost(dir, 4242)).toBeNull();
    writeFileSync(runningHostPath(dir), '{"pid": 4242, "url": ');
    expect(readRunningHost(dir, 4242)).toBeNull();
    writeFileSync(runningHostPath(dir), JSON.stringify({ pid: 4242, url: 'http://evil.example/#token=x' }));
    expect(readRunningHost(dir, 4242)).toBeNull();
  });

  it('is removed on exit by its own host only', () => {
    writeRunningHost(dir, { pid: 4242, url: URL });
    removeRunningHost(dir, 777);
    expect(readRunningHost(dir, 4242)).toBe(URL);
    removeRunningHost(dir, 4242);
    expect(readRunningHost(dir, 4242)).toBeNull();
  });
});
