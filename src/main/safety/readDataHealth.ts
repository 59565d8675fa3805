/**
 * The health of a data folder as getDataHealth reports it: its damaged files
 * (see findDamagedFiles) and its newest rolling backup. Files unchanged since
 * the last ask (same inode, size and times, same index.json) are not read
 * again: the answer stays quick beside a 12 MB text. A changed large file is
 * checked in the background, off the event loop (see largeFileChecks): the
 * answers meanwhile carry its last verdict, the ones after it its new one.
 */
import type { DataHealth } from '../../shared/contract/dataHealth';
import { resolve } from 'node:path';
import { findDamagedFiles, type RememberedChecks } from './findDamagedFiles';
import type { LargeFileChecks } from '../store/largeFileChecks';
import { listBackups } from './listBackups';

/** By data folder: what the last checks found, so unchanged files are not read again (see findDamagedFiles). */
const rememberedByFolder = new Map<string, RememberedChecks>();

/** `checks`: where files of LARGE_DATA_FILE_BYTES or more are checked (the core's: the import worker). */
export async function readDataHealth(dataDir: string, options: { checks?: LargeFileChecks } = {}): Promise<DataHealth> {
  const folder = resolve(dataDir);
  const remembered = rememberedByFolder.get(folder) ?? new Map();
  rememberedByFolder.set(folder, remembered);
  const { damaged } = await findDamagedFiles(dataDir, { remembered, largeInBackground: true, ...(options.checks ? { checks: options.checks } : {}) });
  const [latest] = await listBackups(dataDir);
  return {
    damaged: damaged.map(({ file, problem }) => ({ file, problem })),
    latestBackup: latest ? { name: latest.name, time: latest.time.toISOString() } : null,
  };
}
