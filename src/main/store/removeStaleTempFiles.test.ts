import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForegroundGate } from './foregroundGate';
import { removeStaleTempFiles } from './removeStaleTempFiles';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-temp-'));
  await fs.mkdir(join(dir, 'annotations'));
  await fs.mkdir(join(dir, 'backups'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function put(path: string, ageMs: number): Promise<void> {
  await fs.writeFile(join(dir, path), 'partial');
  const time = new Date(Date.now() - ageMs);
  await fs.utimes(join(dir, path), time, time);
}

describe('removeStaleTempFiles', () => {
  it('removes old temporary files of cut-short saves and nothing else', async () => {
    await put('annotations/.a.json.0badf00d.tmp', 120_000);
    await put('.index.json.12345678.tmp', 120_000);
    await put('annotations/.b.json.87654321.tmp', 1_000); // a save in progress elsewhere
    await put('annotations/a.json', 120_000);
    await put('.lock', 120_000);
    await put('backups/.x.json.12345678.tmp', 120_000);
    expect(await removeStaleTempFiles(dir)).toBe(2);
    expect((await fs.readdir(dir, { recursive: true })).sort()).toEqual([
      '.lock',
      'annotations',
      'annotations/.b.json.87654321.tmp',
      'annotations/a.json',
      'backups',
      'backups/.x.json.12345678.tmp',
    ]);
  });

  it('in the background, looks at no folder while a call of the core runs (a first search right after a start), and goes on when it ends', async () => {
    await put('annotations/.a.json.0badf00d.tmp', 120_000);
    const gate = new ForegroundGate();
    let release!: () => void;
    const call = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const cleaning = removeStaleTempFiles(dir, { giveWay: () => gate.idle(60_000) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await fs.readdir(join(dir, 'annotations'))).toEqual(['.a.json.0badf00d.tmp']);
    release();
    await call;
    expect(await cleaning).toBe(1);
    expect(await fs.readdir(join(dir, 'annotations'))).toEqual([]);
  });

  it('is quiet about a folder that does not exist', async () => {
    expect(await removeStaleTempFiles(join(dir, 'missing'))).toBe(0);
  });
});
