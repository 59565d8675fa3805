import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { quarantineCorruptFile } from './quarantineCorruptFile';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-quarantine-');
beforeEach(async () => {
  await fs.mkdir(join(dir(), 'annotations'));
});

const NOW = new Date('2024-05-01T12:30:00.000Z');
const file = () => join(dir(), 'annotations', 'a.json');

describe('quarantineCorruptFile', () => {
  it('keeps the damaged bytes under quarantine/<path>.<time> and puts the replacement in place', async () => {
    await fs.writeFile(file(), '{"cut sh');
    const aside = await quarantineCorruptFile(dir(), 'annotations/a.json', { replaceWith: '{"good": true}\n', now: NOW });
    expect(aside).toBe(join(dir(), 'quarantine', 'annotations', 'a.json.2024-05-01T12-30-00.000Z'));
    expect(await fs.readFile(aside, 'utf8')).toBe('{"cut sh');
    expect(await fs.readFile(file(), 'utf8')).toBe('{"good": true}\n');
    expect(await fs.readdir(join(dir(), 'annotations'))).toEqual(['a.json']); // no temporary file left
  });

  it('without a replacement moves the file aside', async () => {
    await fs.writeFile(file(), 'damaged');
    const aside = await quarantineCorruptFile(dir(), 'annotations/a.json', { now: NOW });
    expect(await fs.readFile(aside, 'utf8')).toBe('damaged');
    await expect(fs.stat(file())).rejects.toThrow(/ENOENT/);
  });

  it('never overwrites an earlier quarantined copy', async () => {
    await fs.writeFile(file(), 'first damage');
    const one = await quarantineCorruptFile(dir(), 'annotations/a.json', { replaceWith: 'x', now: NOW });
    await fs.writeFile(file(), 'second damage');
    const two = await quarantineCorruptFile(dir(), 'annotations/a.json', { replaceWith: 'y', now: NOW });
    expect(two).not.toBe(one);
    expect(await fs.readFile(one, 'utf8')).toBe('first damage');
    expect(await fs.readFile(two, 'utf8')).toBe('second damage');
  });

  it('fails, changing nothing, when the file is not there', async () => {
    await expect(quarantineCorruptFile(dir(), 'annotations/missing.json', { replaceWith: 'x', now: NOW })).rejects.toThrow(/ENOENT/);
    await expect(fs.stat(join(dir(), 'annotations', 'missing.json'))).rejects.toThrow(/ENOENT/);
  });
});
