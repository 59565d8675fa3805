/**
 * A full alignment writes its alignment index into a staging folder
 * (derived/align-run-…/derived/align-index, the worker's `indexDataDir`
 * being the staging folder), never over the index in use: a run that is
 * cancelled or killed halfway leaves the previous index whole. `commit`
 * puts the finished index in place (two renames); `discard` removes the
 * staging folder with whatever half-written files it holds.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { ALIGN_INDEX_DIR } from './alignmentIndex';

export interface StagedAlignmentIndex {
  /** Give this as the worker's (or AlignmentIndex.build's) data folder. */
  dataDir: string;
  /** The staged index replaces the data folder's. */
  commit(): Promise<void>;
  /** The staging folder goes, the data folder's index stays as it was. */
  discard(): Promise<void>;
}

export const STAGING_PREFIX = 'align-run-';

export async function stageAlignmentIndex(dataDir: string): Promise<StagedAlignmentIndex> {
  const staging = join(dataDir, 'derived', `${STAGING_PREFIX}${randomUUID()}`);
  await fs.mkdir(staging, { recursive: true });
  return {
    dataDir: staging,
    async commit() {
      const target = join(dataDir, ALIGN_INDEX_DIR);
      const old = `${target}.old-${randomUUID()}`;
      const hadOne = await fs.rename(target, old).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      await fs.rename(join(staging, ALIGN_INDEX_DIR), target);
      await fs.rm(staging, { recursive: true, force: true });
      if (hadOne) await fs.rm(old, { recursive: true, force: true });
    },
    async discard() {
      await fs.rm(staging, { recursive: true, force: true });
    },
  };
}
