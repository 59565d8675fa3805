/**
 * Lines telling which files of a data folder are damaged and how to restore
 * them; none when every file is good. The host prints them when its
 * start-up backup finds them: a
 * damaged annotation file does not stop the library from opening (files are
 * read when first needed), but the articles it belongs to cannot be used.
 */
import { findDamagedFiles } from './findDamagedFiles';
import { recoverCommandFor } from './recoverCommandFor';

export async function damagedFilesReport(dataDir: string): Promise<string[]> {
  const { damaged } = await findDamagedFiles(dataDir);
  return damagedFilesLines(dataDir, damaged);
}

/** The same lines for damaged files found otherwise (the host: those its start-up backup left out). */
export function damagedFilesLines(dataDir: string, damaged: readonly { file: string; problem: string }[]): string[] {
  if (damaged.length === 0) return [];
  return [
    ...damaged.map((d) => `Triangulate: ${d.file} in ${dataDir} ${d.problem}; it was left untouched.`),
    `Triangulate: to restore ${damaged.length === 1 ? 'it' : 'them'} from the latest backup, stop Triangulate and run: ${recoverCommandFor(dataDir)}`,
  ];
}
