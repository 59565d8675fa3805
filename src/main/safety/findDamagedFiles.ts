/**
 * Checks every live data file of a data folder (or of a backup, which has the
 * same layout) the way the store would when reading it, and lists the ones
 * that fail, and every entry that is not a readable regular file where a
 * data file belongs (a folder, a symbolic link, a pipe, a file without read
 * permission), or where texts/ or annotations/ belongs. Missing files count too: index.json when annotations exist
 * (Triangulate would start a new library beside them), and the text of
 * every article index.json lists.
 */
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

export async function findDamagedFiles(dir: string): Promise<DataFolderCheck> {
  const files = await listDataEntries(dir);
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
    // A folder, link, pipe or unreadable file where a data file belongs is damaged too (and never followed).
    const read = await readDataEntry(join(dir, ...file.split('/')));
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
  }
  for (const article of badFolders.has('texts') ? [] : (index?.articles ?? [])) {
    for (const { name, version } of articleTextFiles(article)) {
      const file = `texts/${name}`;
      const what = version === 1 ? `the article "${article.id}"` : `version ${version} of the article "${article.id}"`;
      if (!present.has(file)) damaged.push({ file, problem: `is missing, while index.json lists ${what}` });
    }
  }
  return { checked: [...raw.keys()], damaged: damaged.sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file)), index };
}

/** index.json first: the other files are checked against it. */
function order(file: string): number {
  return file === 'index.json' ? 0 : 1;
}
