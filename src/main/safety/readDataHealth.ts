/**
 * The health of a data folder as getDataHealth reports it: its damaged files
 * (see findDamagedFiles) and its newest rolling backup.
 */
import type { DataHealth } from '../../shared/contract/dataHealth';
import { findDamagedFiles } from './findDamagedFiles';
import { listBackups } from './listBackups';

export async function readDataHealth(dataDir: string): Promise<DataHealth> {
  const { damaged } = await findDamagedFiles(dataDir);
  const [latest] = await listBackups(dataDir);
  return {
    damaged: damaged.map(({ file, problem }) => ({ file, problem })),
    latestBackup: latest ? { name: latest.name, time: latest.time.toISOString() } : null,
  };
}
