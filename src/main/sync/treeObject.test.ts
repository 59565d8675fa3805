import { beforeEach, describe, expect, it } from 'vitest';
import git, { type TreeEntry } from 'isomorphic-git';
import { GitObjects } from './gitObjects';
import { gitFs } from './gitFs';
import { decodeTree, encodeTree } from './treeObject';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const gitdir = useTempDir('tri-tree-');
beforeEach(async () => {
  await git.init({ fs: gitFs, bare: true, gitdir: gitdir() });
});

/** Names whose order differs between plain string order and git's (a folder sorts as "name/"), and one outside ASCII. */
async function sampleEntries(): Promise<TreeEntry[]> {
  const blob = (text: string) => git.writeBlob({ fs: gitFs, gitdir: gitdir(), blob: Buffer.from(text) });
  const sub = await git.writeTree({ fs: gitFs, gitdir: gitdir(), tree: [{ mode: '100644', path: 'x.json', oid: await blob('x'), type: 'blob' }] });
  return [
    { mode: '100644', path: 'a.json', oid: await blob('1'), type: 'blob' },
    { mode: '040000', path: 'a', oid: sub, type: 'tree' },
    { mode: '100644', path: 'a-b.json', oid: await blob('2'), type: 'blob' },
    { mode: '100644', path: 'été.json', oid: await blob('3'), type: 'blob' },
    { mode: '100644', path: 'Z.json', oid: await blob('4'), type: 'blob' },
    { mode: '040000', path: 'texts', oid: sub, type: 'tree' },
  ];
}

describe('treeObject: git trees written and read as isomorphic-git does', () => {
  it('gives a tree the same id as isomorphic-git, whatever order the entries come in', async () => {
    const entries = await sampleEntries();
    const expected = await git.writeTree({ fs: gitFs, gitdir: gitdir(), tree: entries });
    const objects = new GitObjects();
    expect(await objects.writeTree(gitdir(), [...entries].reverse())).toBe(expected);
    expect(await new GitObjects().writeTree(gitdir(), entries)).toBe(expected);
    // Written by isomorphic-git, read back by it the same.
    const { object } = await git.readObject({ fs: gitFs, gitdir: gitdir(), oid: expected, format: 'content' });
    expect(Buffer.from(object as Uint8Array).equals(encodeTree(entries))).toBe(true);
  });

  it('reads back the entries isomorphic-git reads, and refuses a damaged tree', async () => {
    const oid = await git.writeTree({ fs: gitFs, gitdir: gitdir(), tree: await sampleEntries() });
    const { object } = await git.readObject({ fs: gitFs, gitdir: gitdir(), oid, format: 'content' });
    const { tree } = await git.readTree({ fs: gitFs, gitdir: gitdir(), oid });
    const sort = (list: TreeEntry[]) => [...list].sort((x, y) => (x.path < y.path ? -1 : 1));
    expect(sort(decodeTree(object as Uint8Array))).toEqual(sort(tree));
    expect(sort(await new GitObjects().readTree(gitdir(), oid))).toEqual(sort(tree));
    expect(() => decodeTree((object as Uint8Array).subarray(0, 30))).toThrow(/damaged/);
  });

  it('gives a blob the id git gives it, written once', async () => {
    const bytes = Buffer.from('{"schemaVersion": 1}\n');
    const objects = new GitObjects();
    const oid = await objects.writeBlob(gitdir(), bytes);
    expect(oid).toBe((await git.hashBlob({ object: bytes })).oid);
    expect(Buffer.from((await git.readBlob({ fs: gitFs, gitdir: gitdir(), oid })).blob).equals(bytes)).toBe(true);
    expect(await objects.has(gitdir(), oid)).toBe(true);
    expect(await objects.has(gitdir(), '0'.repeat(40))).toBe(false);
  });
});
