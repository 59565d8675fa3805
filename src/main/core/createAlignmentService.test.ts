import { describe, expect, it } from 'vitest';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import type { ArticleMeta } from '../../shared/model/model';
import type { CoreContext } from './coreContext';
import { createAlignmentService } from './createAlignmentService';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();

describe('alignArticles (in-process)', () => {
  it('follows the diplomat’s quote across all five seed articles', async () => {
    const core = await lib.open();
    const groups = await core.alignArticles({ articleIds: Object.values(SEED) });
    expect(groups.map((g) => g.id)).toEqual(groups.map((_, i) => `a${i}`));
    const ashamed = groups.find((g) => g.passages.some((p) => p.exact.includes('ashamed of my country')))!;
    expect(new Set(ashamed.passages.map((p) => p.article))).toEqual(new Set(Object.values(SEED)));
    for (const p of ashamed.passages) {
      expect((await core.getArticle({ id: p.article })).text.slice(p.start, p.end)).toBe(p.exact);
    }
  });

  it('gives the same result whatever order the articles are asked in', async () => {
    const core = await lib.open();
    const ids = [SEED.A000, SEED.A002, SEED.A004];
    expect(await core.alignArticles({ articleIds: [...ids].reverse() })).toEqual(await core.alignArticles({ articleIds: ids }));
  });

  it('names an unknown article, and needs two different ones', async () => {
    const core = await lib.open();
    const missing = await apiRejection(core.alignArticles({ articleIds: [SEED.A000, 'nope'] }));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('"nope"');
    expect((await apiRejection(core.alignArticles({ articleIds: [SEED.A000, SEED.A000] }))).code).toBe('invalid_input');
  });
});

/** A context over made-up articles: only what alignment uses. */
function fakeContext(articles: { id: string; text: string }[]): CoreContext {
  const metas = articles.map((a): ArticleMeta => ({ id: a.id, title: a.id, date: null, outlet: null, hash: `h-${a.id}`, length: a.text.length, origin: null , author: null, url: null, language: null, note: ''}));
  const store = {
    articles: () => metas,
    text: async (id: string) => articles.find((a) => a.id === id)!.text,
  };
  return {
    store,
    ensureOpen: () => undefined,
    requireArticle: (id: string) => metas.find((m) => m.id === id)!,
  } as unknown as CoreContext;
}

describe('alignArticles (threshold and cache)', () => {
  const big = [
    { id: 'a', text: 'word '.repeat(250_000) },
    { id: 'b', text: 'word '.repeat(250_000) },
  ];
  const reply: AlignedGroup[] = [{ passages: [{ article: 'a', start: 0, end: 4, exact: 'word' }, { article: 'b', start: 0, end: 4, exact: 'word' }] }];

  it('runs a large alignment in the worker, once for repeated requests of the same articles', async () => {
    const runs: string[][] = [];
    const service = createAlignmentService(fakeContext(big), {
      workerFile: '/built/alignWorker.js',
      runInWorker: async (file, articles) => {
        runs.push([file, ...articles.map((a) => a.id)]);
        return reply;
      },
    });
    const first = await service.alignArticles({ articleIds: ['b', 'a'] });
    expect(first).toEqual([{ id: 'a0', passages: reply[0]!.passages }]);
    expect(await service.alignArticles({ articleIds: ['a', 'b'] })).toEqual(first);
    expect(runs).toEqual([['/built/alignWorker.js', 'a', 'b']]);
  });

  it('aligns a small corpus in-process even when a worker is built', async () => {
    let workerRuns = 0;
    const small = [
      { id: 'a', text: 'The minister said the talks would resume next week in Geneva with both sides present.' },
      { id: 'b', text: 'Officials said the talks would resume next week in Geneva with both sides present, reports say.' },
    ];
    const service = createAlignmentService(fakeContext(small), {
      workerFile: '/built/alignWorker.js',
      runInWorker: async () => {
        workerRuns++;
        return [];
      },
    });
    const groups = await service.alignArticles({ articleIds: ['a', 'b'] });
    expect(workerRuns).toBe(0);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.passages.map((p) => p.article)).toEqual(['a', 'b']);
  });
});
