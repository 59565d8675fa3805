/**
 * Checks every live data file of a data folder (or of a backup, which has the
 * same layout) the way the store would when reading it, and lists the ones
 * that fail, and every entry that is not a readable regular file where a
 * data file belongs (a folder, a symbolic link, a pipe, a file without read
 * permission), or where texts/ or annotations/ belongs. Missing files count too: index.json when annotations exist
 * (Triangulate would start a new library beside them), and the text of
 * every article index.json lists.
 */
import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDataFile, entryOfDataFile, parseIndexFile } from '../store/checkDataFile';
import { inProcessChecks, LARGE_DATA_FILE_BYTES, type LargeFileChecks } from '../store/largeFileChecks';
import { DATA_FOLDERS, listDataEntries } from '../store/listDataFiles';
import { dataFolderProblem } from '../store/dataFolderProblem';
import { readDataEntry } from './readDataEntry';
import { articleTextFiles } from '../store/articleTextFiles';
import type { IndexFile } from '../store/storeFileSchemas';

export interface DamagedFile {
  /** Path inside the folder, "/" separated. */
  file: string;
  /** Completes the sentence "<file> …". */
  problem: string;
}

export interface DataFolderCheck {
  /** Every file that was checked. */
  checked: string[];
  damaged: DamagedFile[];
  /** index.json when it is good. */
  index: IndexFile | null;
}

/**
 * What earlier checks found, file by file, with the signature each file had then (index.json's content
 * and its own device, inode, size and times). A file whose signature is the same is not read again.
 */
export type RememberedChecks = Map<string, { signature: string; problem: string | null }>;

export interface FindDamagedOptions {
  /** Given (the health check, asked every few seconds), files unchanged since the last check are not read again: a 12 MB text is not hashed at every ask. */
  remembered?: RememberedChecks;
  /** Checks files of LARGE_DATA_FILE_BYTES or more (the core's: in the import worker, off the event loop). Default: in this thread. */
  checks?: LargeFileChecks;
  /**
   * With `remembered` (the health check): a changed file of LARGE_DATA_FILE_BYTES or more is checked in
   * the background, and this answer carries its last verdict (none for a new file); the asks after the
   * check has ended carry its new one. The answer does not wait for a 12 MB text to be read and hashed.
   */
  largeInBackground?: boolean;
}

/** By remembered checks: the large files being checked in the background, and the signature each is checked at. */
const checkingInBackground = new WeakMap<RememberedChecks, Map<string, string>>();

export async function findDamagedFiles(dir: string, options: FindDamagedOptions = {}): Promise<DataFolderCheck> {
  const { remembered, checks = inProcessChecks } = options;
  const files = await listDataEntries(dir);
  // The checks depend on index.json: its content (rewritten the same, it changes nothing) is part of every signature.
  const indexRead = remembered ? await readDataEntry(join(dir, 'index.json')) : null;
  const indexSignature = indexRead?.state === 'ok' ? createHash('sha256').update(indexRead.bytes).digest('hex') : null;
  /** Signatures of the files read this time, recorded once their check is known. */
  const signatures = new Map<string, string>();
  /** Large changed files to check in the background, once index.json is known. */
  const later: { file: string; path: string; signature: string }[] = [];
  const skipped: string[] = [];
  const raw = new Map<string, Buffer>();
  const damaged: DamagedFile[] = [];
  // texts/ or annotations/ itself a link, a file or unreadable: reported as "texts/", its files are not looked into.
  const badFolders = new Set<string>();
  for (const folder of DATA_FOLDERS) {
    const problem = await dataFolderProblem(dir, folder);
    if (problem) {
      badFolders.add(folder);
      damaged.push({ file: `${folder}/`, problem });
    }
  }
  for (const file of files) {
    const path = join(dir, ...file.split('/'));
    if (remembered && indexSignature !== null && file !== 'index.json') {
      const own = await signatureOf(path);
      if (own !== null) {
        const signature = `${indexSignature}|${own.signature}`;
        const known = remembered.get(file);
        if (known?.signature === signature) {
          skipped.push(file);
          if (known.problem) damaged.push({ file, problem: known.problem });
          continue;
        }
        if (options.largeInBackground && own.size >= LARGE_DATA_FILE_BYTES) {
          // Its last verdict for now; the new one once the background check ends.
          skipped.push(file);
          if (known?.problem) damaged.push({ file, problem: known.problem });
          later.push({ file, path, signature });
          continue;
        }
        signatures.set(file, signature);
      }
    }
    // A folder, link, pipe or unreadable file where a data file belongs is damaged too (and never followed).
    const read = file === 'index.json' && indexRead ? indexRead : await readDataEntry(path);
    if (read.state === 'ok') raw.set(file, read.bytes);
    else if (read.state === 'damaged') damaged.push({ file, problem: read.problem });
  }
  const present = new Set(files);
  const indexRaw = raw.get('index.json');
  const index = indexRaw === undefined ? null : parseIndexFile(indexRaw.toString('utf8'));
  if (!present.has('index.json') && files.some((f) => f.startsWith('annotations/'))) {
    damaged.push({ file: 'index.json', problem: 'is missing, while annotations/ holds annotations' });
  }
  for (const [file, bytes] of raw) {
    // A large file (a 12 MB text) is checked where it does not hold the event loop; index.json is parsed here anyway.
    const problem =
      bytes.length >= LARGE_DATA_FILE_BYTES && file !== 'index.json'
        ? (await checks.check(file, bytes, entryOfDataFile(file, index), false)).problem
        : checkDataFile(file, bytes.toString('utf8'), index);
    if (problem) damaged.push({ file, problem });
    const signature = signatures.get(file);
    if (remembered && signature !== undefined) remembered.set(file, { signature, problem });
  }
  if (remembered) for (const file of remembered.keys()) if (!present.has(file)) remembered.delete(file);
  if (remembered) for (const { file, path, signature } of later) checkInBackground(remembered, checks, file, path, signature, index);
  for (const article of badFolders.has('texts') ? [] : (index?.articles ?? [])) {
    for (const { name, version } of articleTextFiles(article)) {
      const file = `texts/${name}`;
      const what = version === 1 ? `the article "${article.id}"` : `version ${version} of the article "${article.id}"`;
      if (!present.has(file)) damaged.push({ file, problem: `is missing, while index.json lists ${what}` });
    }
  }
  return { checked: [...raw.keys(), ...skipped], damaged: damaged.sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file)), index };
}

/** index.json first: the other files are checked against it. */
function order(file: string): number {
  return file === 'index.json' ? 0 : 1;
}

/** A regular file's device, inode, size and times, and its size; null for anything else (read, and judged, every time). */
async function signatureOf(path: string): Promise<{ signature: string; size: number } | null> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return { signature: `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`, size: info.size };
}

/**
 * Reads and checks one large file (by `checks`) and remembers its verdict at `signature`; at most one
 * check per file and signature runs. A check that fails to run is forgotten (the next ask starts again).
 */
function checkInBackground(remembered: RememberedChecks, checks: LargeFileChecks, file: string, path: string, signature: string, index: IndexFile | null): void {
  let checking = checkingInBackground.get(remembered);
  if (!checking) checkingInBackground.set(remembered, (checking = new Map()));
  if (checking.get(file) === signature) return;
  checking.set(file, signature);
  const run = async (): Promise<void> => {
    const read = await readDataEntry(path);
    if (read.state === 'missing') return;
    const problem = read.state === 'damaged' ? read.problem : (await checks.check(file, read.bytes, entryOfDataFile(file, index), false)).problem;
    remembered.set(file, { signature, problem });
  };
  void run()
    .catch(() => undefined)
    .finally(() => {
      if (checking.get(file) === signature) checking.delete(file);
    });
}
