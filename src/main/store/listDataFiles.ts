/**
 * The live data files of a data folder (or of one of its backups, which has
 * the same layout), as paths with "/" separators, sorted: index.json,
 * links.json when present, and the JSON files in texts/ and annotations/.
 * Nothing else counts (not an export the user saved into the folder, not the
 * lock, not the temporary files of a save in progress, not backups/ or
 * quarantine/). A new kind of data file must be added here, or it is neither
 * backed up nor checked.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Data files at the top of the folder. */
export const DATA_FILES: readonly string[] = ['index.json', 'links.json'];
/** Folders of per-article data files. */
export const DATA_FOLDERS: readonly string[] = ['texts', 'annotations'];

export async function listDataFiles(dataDir: string): Promise<string[]> {
  const top = await namesIn(dataDir);
  const files = DATA_FILES.filter((name) => top.includes(name));
  for (const folder of DATA_FOLDERS) {
    for (const name of await namesIn(join(dataDir, folder))) {
      if (!name.startsWith('.') && name.endsWith('.json')) files.push(`${folder}/${name}`);
    }
  }
  return files.sort();
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
