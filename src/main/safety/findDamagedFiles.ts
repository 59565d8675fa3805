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
import { checkDataFile, parseIndexFile } from '../store/checkDataFile';
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
}

export async function findDamagedFiles(dir: string, options: FindDamagedOptions = {}): Promise<DataFolderCheck> {
  const { remembered } = options;
  const files = await listDataEntries(dir);
  // The checks depend on index.json: its content (rewritten the same, it changes nothing) is part of every signature.
  const indexRead = remembered ? await readDataEntry(join(dir, 'index.json')) : null;
  const indexSignature = indexRead?.state === 'ok' ? createHash('sha256').update(indexRead.bytes).digest('hex') : null;
  /** Signatures of the files read this time, recorded once their check is known. */
  const signatures = new Map<string, string>();
  const skipped: string[] = [];
  const raw = new Map<string, string>();
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
        const signature = `${indexSignature}|${own}`;
        const known = remembered.get(file);
        if (known?.signature === signature) {
          skipped.push(file);
          if (known.problem) damaged.push({ file, problem: known.problem });
          continue;
        }
        signatures.set(file, signature);
      }
    }
    // A folder, link, pipe or unreadable file where a data file belongs is damaged too (and never followed).
    const read = file === 'index.json' && indexRead ? indexRead : await readDataEntry(path);
    if (read.state === 'ok') raw.set(file, read.bytes.toString('utf8'));
    else if (read.state === 'damaged') damaged.push({ file, problem: read.problem });
  }
  const present = new Set(files);
  const indexRaw = raw.get('index.json');
  const index = indexRaw === undefined ? null : parseIndexFile(indexRaw);
  if (!present.has('index.json') && files.some((f) => f.startsWith('annotations/'))) {
    damaged.push({ file: 'index.json', problem: 'is missing, while annotations/ holds annotations' });
  }
  for (const [file, text] of raw) {
    const problem = checkDataFile(file, text, index);
    if (problem) damaged.push({ file, problem });
    const signature = signatures.get(file);
    if (remembered && signature !== undefined) remembered.set(file, { signature, problem });
  }
  if (remembered) for (const file of remembered.keys()) if (!present.has(file)) remembered.delete(file);
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

/** A regular file's device, inode, size and times; null for anything else (read, and judged, every time). */
async function signatureOf(path: string): Promise<string | null> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}
