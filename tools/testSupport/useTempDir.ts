/**
 * Test support (not part of the app): a fresh empty folder in the system's
 * temporary folder for each test, removed with all it holds after the test.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Registers the hooks that make and remove the folder (call it at the top of a
 * file or a describe); the function it returns gives the running test's folder.
 * The file's own afterEach hooks run before the folder is removed (vitest runs
 * after-hooks in the reverse order of their registration).
 */
export function useTempDir(prefix = 'triangulate-test-'): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('useTempDir: there is no folder before the first test starts (use it inside a test or hook)');
    return dir;
  };
}
