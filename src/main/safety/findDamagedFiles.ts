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
import { lstatSync, statSync } from 'node:fs';
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
 * What earlier checks found, file by file, with the stamp each file had then (see fileStamp), all under one
 * index.json (its content: see rememberedUnder). A file whose stamp is the same, under the same index.json,
 * is not read again.
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

/** By remembered checks: the digest of the index.json content every verdict remembered was found under. */
const rememberedUnder = new WeakMap<RememberedChecks, string>();

/**
 * By remembered checks: the last listing of the data entries (see listDataEntries), with the stamps of the
 * folders listed (folderStamps) and each file's path; taken again only when one of those folders changed.
 */
const rememberedListing = new WeakMap<RememberedChecks, Listing>();

interface Listing {
  /** folderStamps before and after the listing; null: not to be taken again. */
  folders: string | null;
  files: string[];
  present: Set<string>;
  /** The files other than index.json, and their paths. */
  others: string[];
  paths: string[];
}

/**
 * A folder changed less than this long ago does not vouch for a listing: a file added right after the listing
 * could leave the folder's times as they were (they move in steps of the file system's clock, up to 10 ms).
 */
const FOLDER_SETTLED_MS = 1_000;

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

/**
 * The stamps of the data folder and of texts/ and annotations/ (inode, mode, modification and change times in
 * ns): any entry added, removed or renamed in one of them, or its mode changed, changes them. Null when one
 * changed within FOLDER_SETTLED_MS, or its times are whole seconds (a coarse clock): no listing is kept then.
 */
function folderStamps(dir: string): string | null {
  const settled = BigInt(Date.now() - FOLDER_SETTLED_MS) * 1_000_000n;
  const parts: string[] = [];
  for (const path of [dir, ...DATA_FOLDERS.map((folder) => join(dir, folder))]) {
    let info;
    try {
      // The data folder may be reached through a link (its listing is of the folder linked to); texts/ and
      // annotations/ never are (such a one is damage, and not listed: its own times change when it is replaced).
      info = path === dir ? statSync(path, { bigint: true, throwIfNoEntry: false }) : lstatSync(path, { bigint: true, throwIfNoEntry: false });
    } catch {
      return null;
    }
    if (!info) {
      parts.push('none');
      continue;
    }
    if (info.mtimeNs % 1_000_000_000n === 0n || info.ctimeNs > settled || info.mtimeNs > settled) return null;
    parts.push(`${info.ino}:${info.mode}:${info.mtimeNs}:${info.ctimeNs}`);
  }
  return parts.join('|');
}

/** The data entries (listDataEntries); with remembered checks, the last listing again while its folders are unchanged. */
async function listEntries(dir: string, remembered: RememberedChecks | undefined): Promise<Listing> {
  const before = remembered ? folderStamps(dir) : null;
  const known = remembered ? rememberedListing.get(remembered) : undefined;
  if (known && before !== null && known.folders === before) return known;
  const files = await listDataEntries(dir);
  const others = files.filter((file) => file !== 'index.json');
  // Kept only when no folder changed while it was listed.
  const folders = before !== null && folderStamps(dir) === before ? before : null;
  const listing: Listing = { folders, files, present: new Set(files), others, paths: others.map((file) => join(dir, ...file.split('/'))) };
  if (remembered) rememberedListing.set(remembered, listing);
  return listing;
}

export async function findDamagedFiles(dir: string, options: FindDamagedOptions = {}): Promise<DataFolderCheck> {
  const { remembered, checks = inProcessChecks } = options;
  const { files, present, others, paths } = await listEntries(dir, remembered);
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
  // Verdicts found under another index.json no longer hold (a text checked against another hash, say).
  if (remembered && indexSignature !== null && rememberedUnder.get(remembered) !== indexSignature) {
    remembered.clear();
    rememberedUnder.set(remembered, indexSignature);
  }
  /** Each file's own stamp (remembered checks, good index.json). */
  const owns = remembered && indexSignature !== null ? await inSlices(paths, (path) => fileStampSync(path), { sliceMs: SLICE_MS }) : null;
  /** Large changed files to check in the background. */
  const later: { file: string; path: string; signature: string }[] = [];
  /** Files to read and check now, with the stamp to remember their verdict at. */
  const toRead: { file: string; path: string; signature: string | undefined }[] = [];
  for (const [n, file] of others.entries()) {
    const own = owns?.[n] ?? null;
    if (remembered && own !== null) {
      const signature = own.stamp;
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
        later.push({ file, path: paths[n]!, signature });
        continue;
      }
      toRead.push({ file, path: paths[n]!, signature });
    } else toRead.push({ file, path: paths[n]!, signature: undefined });
  }
  // Each file checked as soon as it is read (index.json is known by then): no file's bytes wait for the others'.
  const verdicts = await inSlices(toRead, ({ file, path }): { read: boolean; problem: string | null } | null | Promise<{ read: boolean; problem: string | null }> => {
    // A folder, link, pipe or unreadable file where a data file belongs is damaged too (and never followed).
    const read = readDataEntrySync(path);
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
  if (remembered && indexSignature !== null) for (const { file, path, signature } of later) checkInBackground(remembered, checks, file, path, signature, index, indexSignature);
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
 * Reads and checks one large file (by `checks`) against the index.json whose content has digest `under`, and
 * remembers its verdict at `signature` while the verdicts remembered are still under that index.json; at most
 * one check per file, stamp and index.json runs. A check that fails to run is forgotten (the next ask starts again).
 */
function checkInBackground(remembered: RememberedChecks, checks: LargeFileChecks, file: string, path: string, signature: string, index: IndexFile | null, under: string): void {
  let checking = checkingInBackground.get(remembered);
  if (!checking) checkingInBackground.set(remembered, (checking = new Map()));
  const key = `${under}|${signature}`;
  if (checking.get(file) === key) return;
  checking.set(file, key);
  const run = async (): Promise<void> => {
    const read = await readDataEntry(path);
    if (read.state === 'missing') return;
    const problem = read.state === 'damaged' ? read.problem : (await checks.check(file, read.bytes, entryOfDataFile(file, index), false)).problem;
    if (rememberedUnder.get(remembered) === under) remembered.set(file, { signature, problem });
  };
  void run()
    .catch(() => undefined)
    .finally(() => {
      if (checking.get(file) === key) checking.delete(file);
    });
}
