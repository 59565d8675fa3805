import * as fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EntityStore } from './entityStore';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-entities-');

describe('EntityStore', () => {
  it('starts with no corrections and no file, and keeps what is added across a reopen', async () => {
    const store = new EntityStore(dir());
    expect(await store.corrections()).toEqual([]);
    await expect(fs.stat(EntityStore.path(dir()))).rejects.toThrow();
    await store.add([{ op: 'rename', id: 'tom-reiner', name: 'Thomas Reiner' }], () => 'ok');
    await store.add([{ op: 'merge', into: 'tom-reiner', from: 'reiner' }], () => 'ok');
    expect(await new EntityStore(dir()).corrections()).toEqual([
      { op: 'rename', id: 'tom-reiner', name: 'Thomas Reiner' },
      { op: 'merge', into: 'tom-reiner', from: 'reiner' },
    ]);
  });

  it('writes nothing when the check refuses the change', async () => {
    const store = new EntityStore(dir());
    await expect(
      store.add([{ op: 'rename', id: 'x', name: 'Y' }], () => {
        throw new Error('no entity "x"');
      }),
    ).rejects.toThrow('no entity "x"');
    await expect(fs.stat(EntityStore.path(dir()))).rejects.toThrow();
    expect(await store.corrections()).toEqual([]);
  });

  it('reports a file of the wrong shape by name and leaves it as it was', async () => {
    const bad = JSON.stringify({ schemaVersion: 1, corrections: [{ op: 'rename', id: '__proto__', name: 'X' }] });
    await fs.writeFile(EntityStore.path(dir()), bad);
    const store = new EntityStore(dir());
    await expect(store.corrections()).rejects.toThrow(/entities\.json/);
    await expect(store.add([{ op: 'kind', id: 'a', kind: 'person' }], () => undefined)).rejects.toThrow(/entities\.json/);
    expect(await fs.readFile(EntityStore.path(dir()), 'utf8')).toBe(bad);
  });
});
