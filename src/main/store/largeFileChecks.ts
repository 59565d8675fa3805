/**
 * Large data files (a 12 MB text) are read and checked off the core's event
 * loop: decoding, parsing, the schema and the text's sha256 each hold a
 * thread for tens of milliseconds per 10 MB, and the API answers nothing
 * meanwhile. The store (a text's first read) and the health check hand files
 * of LARGE_DATA_FILE_BYTES or more to a LargeFileChecks — the core's is the
 * import worker's `checkFile` (see createArticleFileReader) — which makes
 * exactly the checks checkDataFile makes, with the same messages.
 * `inProcessChecks` makes them in this thread (no built worker: tests, the CLI).
 */
import { checkDataFileAgainst, type CheckedAgainst, type DataFileCheck } from './checkDataFile';

/** Files at least this large are checked by a LargeFileChecks; smaller ones take well under a millisecond a file. */
export const LARGE_DATA_FILE_BYTES = 1024 * 1024;

export interface LargeFileChecks {
  /**
   * checkDataFileAgainst on a file's bytes (UTF-8). `withValue`: a good file's value comes back too (the
   * store reads it); without it only the verdict does (the health check).
   */
  check(relPath: string, bytes: Uint8Array, against: CheckedAgainst, withValue: boolean): Promise<DataFileCheck>;
}

/** The check itself (the worker's work, and the in-process one's). */
export function checkDataFileBytes(relPath: string, bytes: Uint8Array, against: CheckedAgainst, withValue: boolean): DataFileCheck {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const checked = checkDataFileAgainst(relPath, raw, against);
  return checked.problem === null && !withValue ? { problem: null, value: undefined } : checked;
}

export const inProcessChecks: LargeFileChecks = {
  check: async (relPath, bytes, against, withValue) => checkDataFileBytes(relPath, bytes, against, withValue),
};
