import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriteError, writeFileAtomic, writeFilesAtomic, type AtomicWriteFs } from './writeFileAtomic';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-atomic-');

/** The real file system, except that writing file contents fails after writing half of them. */
const failingHalfway: AtomicWriteFs = {
  ...fs,
  open: (async (path: string, flags: string) => {
    const handle = await fs.open(path, flags);
    if (flags === 'r') return handle;
    return Object.assign(Object.create(handle) as fs.FileHandle, {
      writeFile: async (data: string) => {
        await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      close: () => handle.close(),
      sync: () => handle.sync(),
    });
  }) as AtomicWriteFs['open'],
};

describe('writeFileAtomic', () => {
  it('creates and then replaces a file, leaving no temporary files behind', async () => {
    const file = join(dir(), 'notes.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second – “typographic”');
    expect(await fs.readFile(file, 'utf8')).toBe('second – “typographic”');
    expect(await fs.readdir(dir())).toEqual(['notes.json']);
  });

  it('writes contents given in parts, made as they are written, the same as whole', async () => {
    const file = join(dir(), 'parts.json');
    const made: string[] = [];
    function* parts(): Generator<string> {
      for (const part of ['{"text": "', 'é😀'.repeat(5_000), '"', '}\n']) {
        made.push(part);
        yield part;
      }
    }
    await writeFileAtomic(file, parts());
    expect(made).toHaveLength(4);
    expect(await fs.readFile(file, 'utf8')).toBe(`{"text": "${'é😀'.repeat(5_000)}"}\n`);
    expect(await fs.readdir(dir())).toEqual(['parts.json']);
  });

  it('keeps the old contents when writing parts fails halfway, and removes the partial temporary file', async () => {
    const file = join(dir(), 'notes.json');
    await writeFileAtomic(file, 'the old, complete contents');
    await expect(writeFileAtomic(file, ['x'.repeat(10_000), 'y'.repeat(10_000)], failingHalfway)).rejects.toThrow('ENOSPC');
    expect(await fs.readFile(file, 'utf8')).toBe('the old, complete contents');
    expect(await fs.readdir(dir())).toEqual(['notes.json']);
  });

  it('keeps the old contents when writing fails halfway, and removes the partial temporary file', async () => {
    const file = join(dir(), 'notes.json');
    await writeFileAtomic(file, 'the old, complete contents');
    await expect(writeFileAtomic(file, 'x'.repeat(10_000), failingHalfway)).rejects.toThrow('ENOSPC');
    expect(await fs.readFile(file, 'utf8')).toBe('the old, complete contents');
    expect(await fs.readdir(dir())).toEqual(['notes.json']);
  });

  it('keeps the old contents when the final rename fails', async () => {
    const file = join(dir(), 'notes.json');
    await writeFileAtomic(file, 'old');
    const renameFails: AtomicWriteFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(file, 'new', renameFails)).rejects.toThrow('EXDEV');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir())).toEqual(['notes.json']);
  });

  it('lets the last of many concurrent writes win, each one whole', async () => {
    const file = join(dir(), 'notes.json');
    const versions = Array.from({ length: 20 }, (_, i) => `version ${i} `.repeat(2000));
    await Promise.all(versions.map((v) => writeFileAtomic(file, v)));
    expect(await fs.readFile(file, 'utf8')).toBe(versions.at(-1));
    expect(await fs.readdir(dir())).toEqual(['notes.json']);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir(), 'missing', 'notes.json'), 'x')).rejects.toThrow(/ENOENT/);
  });
});

describe('writeFilesAtomic', () => {
  it('writes a batch of files side by side, each whole, leaving no temporary files behind', async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ path: join(dir(), `text-${i}.json`), contents: [`{"n": ${i}, `, `"text": "${'x'.repeat(i * 100)}"}`] }));
    const flushed: string[] = [];
    const counting: AtomicWriteFs = {
      ...fs,
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        if (flags !== 'r') return handle;
        // A folder opened to be flushed after the renames.
        return Object.assign(Object.create(handle) as fs.FileHandle, { sync: () => (flushed.push(path), handle.sync()), close: () => handle.close() });
      }) as AtomicWriteFs['open'],
    };
    await writeFilesAtomic(files, counting);
    for (const [i, file] of files.entries()) expect(JSON.parse(await fs.readFile(file.path, 'utf8'))).toEqual({ n: i, text: 'x'.repeat(i * 100) });
    expect((await fs.readdir(dir())).sort()).toEqual(files.map((f) => f.path.slice(dir().length + 1)).sort());
    // The folder is flushed once for the batch, after every rename.
    expect(flushed).toEqual([dir()]);
  });

  it('rejects naming a file it could not write, and leaves no temporary or half-written file', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ path: join(dir(), `text-${i}.json`), contents: `contents of file ${i}` }));
    const error = await writeFilesAtomic(files, failingHalfway).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as FileWriteError).message).toMatch(/text-\d\.json: ENOSPC/);
    expect(await fs.readdir(dir())).toEqual([]);
  });
});
