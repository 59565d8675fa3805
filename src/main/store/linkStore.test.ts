import * as fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../shared/crossArticle/crossArticle';
import type { AtomicJsonFs } from './atomicJsonAdapter';
import { LinkStore } from './linkStore';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-links-');

const group = (id: string): Group => ({ id, label: id, members: [{ articleId: 'a', annotationId: 'x' }], created: 't', modified: 't' });

describe('LinkStore', () => {
  it('starts empty without writing a file, and keeps what is saved across a reopen', async () => {
    const store = new LinkStore(dir());
    expect(await store.read()).toMatchObject({ groups: [], sourceLinks: [] });
    await expect(fs.stat(LinkStore.path(dir()))).rejects.toThrow();
    expect(await store.update((current) => ({ groups: [...current.groups, group('g1')], result: 'saved' }))).toBe('saved');
    expect((await new LinkStore(dir()).read()).groups).toEqual([group('g1')]);
  });

  it('writes nothing for a change that replaces nothing', async () => {
    const store = new LinkStore(dir());
    await store.update(() => ({ result: undefined }));
    await expect(fs.stat(LinkStore.path(dir()))).rejects.toThrow();
  });

  it('runs changes one after another, each seeing the one before', async () => {
    const store = new LinkStore(dir());
    await Promise.all(
      ['g1', 'g2', 'g3'].map((id) =>
        store.update(async (current) => {
          await new Promise((r) => setTimeout(r, 5));
          return { groups: [...current.groups, group(id)], result: undefined };
        }),
      ),
    );
    expect((await new LinkStore(dir()).read()).groups.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
  });

  it('reports a corrupt links.json by name, refuses to save over it and leaves it alone', async () => {
    const file = LinkStore.path(dir());
    await fs.writeFile(file, '{"schemaVersion": 1, "groups": [{"id": 4}], "sourceLinks": []}');
    const store = new LinkStore(dir());
    const error = await apiRejection(store.read());
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain(file);
    expect((await apiRejection(store.update(() => ({ groups: [], result: undefined })))).code).toBe('corrupt_data');
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "groups": [{"id": 4}], "sourceLinks": []}');
  });

  it('after a failed save keeps the file and what is in memory as they were', async () => {
    const failing: AtomicJsonFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    await new LinkStore(dir()).update(() => ({ groups: [group('g1')], result: undefined }));
    const store = new LinkStore(dir(), { fs: failing });
    const error = await apiRejection(store.update((current) => ({ groups: [...current.groups, group('g2')], result: undefined })));
    expect(error.message).toContain(LinkStore.path(dir()));
    expect((await store.read()).groups).toEqual([group('g1')]);
    expect((await new LinkStore(dir()).read()).groups).toEqual([group('g1')]);
  });
});
