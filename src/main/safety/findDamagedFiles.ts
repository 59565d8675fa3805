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
import { join } from 'node:path';
import { checkDataFile, entryOfDataFile, parseIndexFile } from '../store/checkDataFile';
import { inProcessChecks, LARGE_DATA_FILE_BYTES, type LargeFileChecks } from '../store/largeFileChecks';
import { DATA_FOLDERS, listDataEntries } from '../store/listDataFiles';
import { dataFolderProblem } from '../store/dataFolderProblem';
import { readDataEntry, readDataEntrySync } from './readDataEntry';
import { articleTextFiles } from '../store/articleTextFiles';
import { fileStamp, fileStampSync } from '../store/fileStamp';
import { inSlices } from '../store/inSlices';
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
 * and the file's own stamp: see fileStamp). A file whose signature is the same is not read again.
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

/**
 * By remembered checks: index.json as the last ask found it — its own stamp (fileStamp),
 * the digest of its content, and what it was made of — so that an unchanged 42 MB index is neither read,
 * hashed nor parsed again (nor its 100,000 entries mapped again to check the files that changed).
 */
const rememberedIndex = new WeakMap<RememberedChecks, { own: string | null; digest: string; index: IndexFile | null; problem: string | null }>();

/**
 * The files are looked at (fileStampSync) and read with the synchronous calls, in slices of about this many ms between
 * which other work runs: 200,000 lstat promises one after the other took ~3.5 CPU-s at 100,000 articles (the
 * round trips, not the calls: ~0.8 CPU-s synchronously), and reading every file by promises (open, stat, read,
 * close) cost more than checking it.
 */
const SLICE_MS = 10;

/** index.json read (or remembered) and checked: its verdict, and the index when it is good. */
interface IndexCheck {
  /** Its bytes were read (now or at an earlier ask): false when it vanished since the listing or is no readable file. */
  read: boolean;
  /** The digest of its content: part of every other file's signature (null: not remembered, or not readable). */
  digest: string | null;
  index: IndexFile | null;
  problem: string | null;
}

async function checkIndex(dir: string, remembered: RememberedChecks | undefined): Promise<IndexCheck> {
  const path = join(dir, 'index.json');
  const known = remembered ? rememberedIndex.get(remembered) : undefined;
  const own = remembered ? await fileStamp(path) : null;
  if (known && own !== null && known.own === own.stamp) return { read: true, digest: known.digest, index: known.index, problem: known.problem };
  const read = await readDataEntry(path);
  if (read.state === 'missing') return { read: false, digest: null, index: null, problem: null };
  if (read.state === 'damaged') return { read: false, digest: null, index: null, problem: read.problem };
  const digest = remembered ? createHash('sha256').update(read.bytes).digest('hex') : null;
  if (remembered && known && digest === known.digest) {
    rememberedIndex.set(remembered, { ...known, own: own?.stamp ?? null });
    return { read: true, digest, index: known.index, problem: known.problem };
  }
  const text = read.bytes.toString('utf8');
  // Parsed once: a good index's check is its parse; the problem is worded only for a bad one.
  const index = parseIndexFile(text);
  const problem = index ? null : checkDataFile('index.json', text, null);
  if (remembered && digest !== null) rememberedIndex.set(remembered, { own: own?.stamp ?? null, digest, index, problem });
  return { read: true, digest, index, problem };
}

export async function findDamagedFiles(dir: string, options: FindDamagedOptions = {}): Promise<DataFolderCheck> {
  const { remembered, checks = inProcessChecks } = options;
  const files = await listDataEntries(dir);
  const present = new Set(files);
  // The checks depend on index.json: its content (rewritten the same, it changes nothing) is part of every signature.
  const indexCheck = present.has('index.json') ? await checkIndex(dir, remembered) : { read: false, digest: null, index: null, problem: null };
  const { index } = indexCheck;
  const indexSignature = indexCheck.digest;
  const checked: string[] = indexCheck.read ? ['index.json'] : [];
  const damaged: DamagedFile[] = indexCheck.problem ? [{ file: 'index.json', problem: indexCheck.problem }] : [];
  // texts/ or annotations/ itself a link, a file or unreadable: reported as "texts/", its files are not looked into.
  const badFolders = new Set<string>();
  for (const folder of DATA_FOLDERS) {
    const problem = await dataFolderProblem(dir, folder);
    if (problem) {
      badFolders.add(folder);
      damaged.push({ file: `${folder}/`, problem });
    }
  }
  const others = files.filter((file) => file !== 'index.json');
  /** Each file's own signature (remembered checks, good index.json). */
  const owns = remembered && indexSignature !== null ? await inSlices(others, (file) => fileStampSync(join(dir, ...file.split('/'))), { sliceMs: SLICE_MS }) : null;
  /** Large changed files to check in the background. */
  const later: { file: string; path: string; signature: string }[] = [];
  /** Files to read and check now, with the signature to remember their verdict at. */
  const toRead: { file: string; signature: string | undefined }[] = [];
  for (const [n, file] of others.entries()) {
    const own = owns?.[n] ?? null;
    if (remembered && own !== null) {
      const signature = `${indexSignature}|${own.stamp}`;
      const known = remembered.get(file);
      if (known?.signature === signature) {
        checked.push(file);
        if (known.problem) damaged.push({ file, problem: known.problem });
        continue;
      }
      if (options.largeInBackground && own.size >= LARGE_DATA_FILE_BYTES) {
        // Its last verdict for now; the new one once the background check ends.
        checked.push(file);
        if (known?.problem) damaged.push({ file, problem: known.problem });
        later.push({ file, path: join(dir, ...file.split('/')), signature });
        continue;
      }
      toRead.push({ file, signature });
    } else toRead.push({ file, signature: undefined });
  }
  // Each file checked as soon as it is read (index.json is known by then): no file's bytes wait for the others'.
  const verdicts = await inSlices(toRead, ({ file }): { read: boolean; problem: string | null } | null | Promise<{ read: boolean; problem: string | null }> => {
    // A folder, link, pipe or unreadable file where a data file belongs is damaged too (and never followed).
    const read = readDataEntrySync(join(dir, ...file.split('/')));
    if (read.state !== 'ok') return read.state === 'damaged' ? { read: false, problem: read.problem } : null;
    // A large file (a 12 MB text) is checked where it does not hold the event loop.
    if (read.bytes.length >= LARGE_DATA_FILE_BYTES) return checks.check(file, read.bytes, entryOfDataFile(file, index), false).then(({ problem }) => ({ read: true, problem }));
    return { read: true, problem: checkDataFile(file, read.bytes.toString('utf8'), index) };
  }, { sliceMs: SLICE_MS });
  for (const [n, { file, signature }] of toRead.entries()) {
    const verdict = verdicts[n];
    if (!verdict) continue;
    if (verdict.problem) damaged.push({ file, problem: verdict.problem });
    if (!verdict.read) continue;
    checked.push(file);
    if (remembered && signature !== undefined) remembered.set(file, { signature, problem: verdict.problem });
  }
  if (!present.has('index.json') && files.some((f) => f.startsWith('annotations/'))) {
    damaged.push({ file: 'index.json', problem: 'is missing, while annotations/ holds annotations' });
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
  return { checked, damaged: damaged.sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file)), index };
}

/** index.json first: the other files are checked against it. */
function order(file: string): number {
  return file === 'index.json' ? 0 : 1;
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
