/**
 * Removes the temporary files that saves cut short by a crash leave behind
 * (writeFileAtomic writes `.<name>.<random>.tmp` beside its target and
 * renames it over the target; a process killed before the rename leaves the
 * temporary file). Looks in the data folder, texts/, annotations/ and pending/. Only
 * files older than `olderThanMs` go, so a save in progress in another
 * process is never disturbed. Never fails: what cannot be removed stays.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FOLDERS } from './listDataFiles';
import { PENDING_DIR } from './pendingUnlinks';

const TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;
/** Names looked at between two chances for the contract's calls to go first. */
const STEP = 5000;

export async function removeStaleTempFiles(dataDir: string, options: { olderThanMs?: number; now?: number; giveWay?: () => Promise<void> } = {}): Promise<number> {
  const olderThan = options.olderThanMs ?? 60_000;
  const now = options.now ?? Date.now();
  const giveWay = options.giveWay ?? (() => Promise.resolve());
  const folders = [dataDir, ...[...DATA_FOLDERS, PENDING_DIR].map((folder) => join(dataDir, folder))];
  let removed = 0;
  for (const folder of folders) {
    // Before each folder is listed (texts/ and annotations/ hold 100,000 files each at 100,000 articles) and
    // every STEP names: the start runs this in the background, after the calls in flight (see ForegroundGate).
    await giveWay();
    const names = await readdir(folder).catch(() => [] as string[]);
    for (let i = 0; i < names.length; i++) {
      if (i > 0 && i % STEP === 0) await giveWay();
      const name = names[i]!;
      if (!TEMP_FILE.test(name)) continue;
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < olderThan) continue;
      if (await unlink(path).then(() => true, () => false)) removed++;
    }
  }
  return removed;
}
