/**
 * The file system isomorphic-git works through: Node's, except that every
 * file it writes (objects, packs, refs, config) goes to a temporary file
 * renamed into place, so a kill never leaves half an object or half a ref
 * (isomorphic-git writes in place and never rewrites an object that exists).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function writeFile(path: string, data: string | Uint8Array, options?: Parameters<typeof fs.writeFile>[2]): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await fs.writeFile(temp, data, options);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Pass as `fs` to isomorphic-git. */
export const gitFs = {
  promises: {
    readFile: fs.readFile,
    writeFile,
    mkdir: fs.mkdir,
    rmdir: fs.rmdir,
    rm: fs.rm,
    unlink: fs.unlink,
    stat: fs.stat,
    lstat: fs.lstat,
    readdir: fs.readdir,
    readlink: fs.readlink,
    symlink: fs.symlink,
    chmod: fs.chmod,
  },
};
