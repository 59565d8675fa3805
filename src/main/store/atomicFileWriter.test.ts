import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomicFile } from './atomicFileWriter';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('atomic-writer-');

describe('openAtomicFile', () => {
  it('writes every piece in order as UTF-8, across buffer boundaries and for pieces larger than the buffer', async () => {
    const target = join(dir(), 'export.json');
    const pieces: string[] = [];
    for (let i = 0; i < 40_000; i++) pieces.push(`{"n": ${i}, "q": "é “quoted” 😀"}\n`);
    pieces.splice(20_000, 0, 'ü'.repeat(1_500_000));
    const out = await openAtomicFile(target);
    for (const piece of pieces) await out.write(piece);
    await out.commit();
    expect(await fs.readFile(target, 'utf8')).toBe(pieces.join(''));
    expect(await fs.readdir(dir())).toEqual(['export.json']);
  });

  it('leaves the target as it was when aborted, and no temporary file behind', async () => {
    const target = join(dir(), 'export.json');
    await fs.writeFile(target, 'the previous export');
    const out = await openAtomicFile(target);
    await out.write('x'.repeat(3_000_000));
    await out.abort();
    expect(await fs.readFile(target, 'utf8')).toBe('the previous export');
    expect(await fs.readdir(dir())).toEqual(['export.json']);
  });
});
