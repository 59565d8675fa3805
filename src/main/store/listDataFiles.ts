/**
 * The live data files of a data folder (or of one of its backups, which has
 * the same layout), as paths with "/" separators, sorted: index.json,
 * links.json and entities.json when present, and the JSON files in texts/ and annotations/.
 * Nothing else counts (not an export the user saved into the folder, not the
 * lock, not the temporary files of a save in progress, not backups/ or
 * quarantine/). A new kind of data file must be added here, or it is neither
 * backed up nor checked.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dataFolderProblem } from './dataFolderProblem';

/** Data files at the top of the folder. */
export const DATA_FILES: readonly string[] = ['index.json', 'links.json', 'entities.json'];
/** Folders of per-article data files. */
export const DATA_FOLDERS: readonly string[] = ['texts', 'annotations'];

export async function listDataFiles(dataDir: string): Promise<string[]> {
  return listEntries(dataDir, (e) => e.isFile());
}

/**
 * Every entry standing where a data file belongs, whatever it is: regular
 * files, and also folders, symbolic links, pipes… named like data files (the
 * health check reports those as damaged; backups take regular files only).
 */
export async function listDataEntries(dataDir: string): Promise<string[]> {
  return listEntries(dataDir, () => true);
}

async function listEntries(dataDir: string, keep: (entry: Dirent) => boolean): Promise<string[]> {
  const top = await namesIn(dataDir, keep);
  const files = DATA_FILES.filter((name) => top.includes(name));
  for (const folder of DATA_FOLDERS) {
    // A folder that is a link, a file or unreadable holds no data file of ours (the health check reports it).
    if ((await dataFolderProblem(dataDir, folder)) !== null) continue;
    for (const name of await namesIn(join(dataDir, folder), keep)) {
      if (!name.startsWith('.') && name.endsWith('.json')) files.push(`${folder}/${name}`);
    }
  }
  return files.sort();
}

async function namesIn(dir: string, keep: (entry: Dirent) => boolean): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter(keep).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
