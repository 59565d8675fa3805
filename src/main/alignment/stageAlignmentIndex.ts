/**
 * A full alignment writes its alignment index into a staging folder
 * (derived/align-run-…/derived/align-index, the worker's `indexDataDir`
 * being the staging folder), never over the index in use: a run that is
 * cancelled or killed halfway leaves the previous index whole. `commit`
 * puts the finished index in place (two renames); `discard` removes the
 * staging folder with whatever half-written files it holds. What a run
 * killed outright left (its staging folder, an old index it had moved
 * aside) is removed when the next run stages: one writer holds a data
 * folder (dataFolderLock) and runs one full alignment at a time.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, join } from 'node:path';
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
  await removeLeftovers(dataDir);
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

/** Staging folders and moved-aside indexes of runs killed before they could remove them. */
async function removeLeftovers(dataDir: string): Promise<void> {
  const derived = join(dataDir, 'derived');
  const oldIndex = `${basename(ALIGN_INDEX_DIR)}.old-`;
  const names = await fs.readdir(derived).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(STAGING_PREFIX) || name.startsWith(oldIndex)) await fs.rm(join(derived, name), { recursive: true, force: true });
  }
}
