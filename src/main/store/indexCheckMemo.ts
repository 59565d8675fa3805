/**
 * What index.json's check found the last time, so a later start with the
 * very same file skips checking 100,000 article entries again (issue 20:
 * 0.4–0.5 s of CPU at every start). Derived data in
 * <dataDir>/derived/index-checked.json: the length and SHA-256 of the bytes
 * of an index.json whose every article entry was found exactly in shape
 * (see parseIndexFile). Only the same bytes match it; any change to the file
 * — an edit, a save, a damaged byte — gives another digest and the full
 * check. A missing or unreadable memo costs one full check, nothing more.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './writeFileAtomic';

export const INDEX_CHECK_FILE = join('derived', 'index-checked.json');
/** Bumped whenever what parseIndexFile checks changes, so an older memo no longer counts. */
const MEMO_VERSION = 1;

/** The digest of index.json's bytes: length and SHA-256 (about 30 ms for 42 MB). */
export function indexDigest(bytes: Uint8Array): string {
  return `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The digest of the last index.json found in shape; null when none is recorded (or the memo is unreadable). */
export async function readIndexCheckMemo(dataDir: string): Promise<string | null> {
  try {
    const value = JSON.parse(await readFile(join(dataDir, INDEX_CHECK_FILE), 'utf8')) as { version?: unknown; digest?: unknown };
    return value.version === MEMO_VERSION && typeof value.digest === 'string' ? value.digest : null;
  } catch {
    return null;
  }
}

/** Records that the index.json with this digest was found in shape. */
export async function writeIndexCheckMemo(dataDir: string, digest: string): Promise<void> {
  await mkdir(join(dataDir, 'derived'), { recursive: true });
  await writeFileAtomic(join(dataDir, INDEX_CHECK_FILE), JSON.stringify({ version: MEMO_VERSION, digest }));
}
