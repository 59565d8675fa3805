/**
 * Checks every live data file of a data folder (or of a backup, which has the
 * same layout) the way the store would when reading it, and lists the ones
 * that fail. Missing files count too: index.json when annotations exist
 * (Triangulate would start a new library beside them), and the text of
 * every article index.json lists.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDataFile, parseIndexFile } from '../store/checkDataFile';
import { listDataFiles } from '../store/listDataFiles';
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

export async function findDamagedFiles(dir: string): Promise<DataFolderCheck> {
  const files = await listDataFiles(dir);
  const raw = new Map<string, string>();
  for (const file of files) {
    const text = await readFile(join(dir, ...file.split('/')), 'utf8').catch(() => null);
    if (text !== null) raw.set(file, text);
  }
  const indexRaw = raw.get('index.json');
  const index = indexRaw === undefined ? null : parseIndexFile(indexRaw);
  const damaged: DamagedFile[] = [];
  if (indexRaw === undefined && files.some((f) => f.startsWith('annotations/'))) {
    damaged.push({ file: 'index.json', problem: 'is missing, while annotations/ holds annotations' });
  }
  for (const [file, text] of raw) {
    const problem = checkDataFile(file, text, index);
    if (problem) damaged.push({ file, problem });
  }
  for (const article of index?.articles ?? []) {
    const file = `texts/${article.id}.json`;
    if (!raw.has(file)) damaged.push({ file, problem: `is missing, while index.json lists the article "${article.id}"` });
  }
  return { checked: [...raw.keys()], damaged: damaged.sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file)), index };
}

/** index.json first: the other files are checked against it. */
function order(file: string): number {
  return file === 'index.json' ? 0 : 1;
}
