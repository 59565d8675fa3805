import { describe, expect, it } from 'vitest';
import type { TriangulateApi } from '../shared/contract/contract';
import { deferredApi } from './deferredApi';

describe('deferredApi', () => {
  it('answers calls made before the core is open once it is, in order, with the core’s answers', async () => {
    let open!: (api: TriangulateApi) => void;
    const api = deferredApi(new Promise<TriangulateApi>((resolve) => (open = resolve)));
    const calls: string[] = [];
    const first = api.getArticle({ id: 'a1' });
    const second = api.libraryRevision({});
    let settled = false;
    void first.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);

    open({
      getArticle: async (input: { id: string }) => {
        calls.push(`getArticle ${input.id}`);
        return { id: input.id };
      },
      libraryRevision: async () => {
        calls.push('libraryRevision');
        return 'r1';
      },
    } as unknown as TriangulateApi);
    await expect(first).resolves.toEqual({ id: 'a1' });
    await expect(second).resolves.toBe('r1');
    expect(calls).toEqual(['getArticle a1', 'libraryRevision']);
  });

  it('fails every call with the reason the core could not be opened', async () => {
    const api = deferredApi(Promise.reject(new Error('the data folder is not readable')));
    await expect(api.listArticles({})).rejects.toThrow('the data folder is not readable');
    await expect(api.getCodebook({})).rejects.toThrow('the data folder is not readable');
  });
});
