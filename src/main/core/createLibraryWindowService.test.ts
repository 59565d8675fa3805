import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import type { Core } from './createCore';

const lib = useTestLibrary();

async function waitForCounts(core: Core): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await core.listArticlesWindow({ offset: 0, limit: 1 })).countsPending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the counts never arrived');
}

describe('listArticlesWindow', () => {
  it('gives the rows asked for and the total, in the same rows and order as the whole list', async () => {
    const core = await lib.open();
    const all = await core.listArticles({});
    await waitForCounts(core);
    const first = await core.listArticlesWindow({ offset: 0, limit: 2 });
    const rest = await core.listArticlesWindow({ offset: 2, limit: 10 });
    expect(first.total).toBe(all.length);
    expect(rest.total).toBe(all.length);
    expect([...first.rows, ...rest.rows]).toEqual(all);
    expect(first.revision).toBe(await core.libraryRevision({}));
    expect((await core.listArticlesWindow({ offset: 50, limit: 10 })).rows).toEqual([]);
  });

  it('sorts and filters in the core; the total counts what the filter keeps', async () => {
    const core = await lib.open();
    const all = await core.listArticles({});
    const byTitle = await core.listArticlesWindow({ offset: 0, limit: 100, sort: 'title', direction: 'desc' });
    const titles = byTitle.rows.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, undefined, { sensitivity: 'base', numeric: true })));
    const word = all[SEED.A002 === all[2]!.id ? 2 : 0]!.title.split(' ').find((w) => w.length > 5)!;
    const filtered = await core.listArticlesWindow({ offset: 0, limit: 100, filter: word.toUpperCase() });
    expect(filtered.total).toBe(all.filter((a) => a.title.toLowerCase().includes(word.toLowerCase())).length);
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => r.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('orders by annotation count, and a new annotation shows under a new revision', async () => {
    const core = await lib.open();
    await waitForCounts(core);
    const before = await core.listArticlesWindow({ offset: 0, limit: 1, sort: 'annotations', direction: 'desc' });
    expect(before.rows[0]!.counts).toEqual({ quote: 0, source: 0, claim: 0, ...before.rows[0]!.counts });
    await core.createAnnotation({ articleId: SEED.A003, tagId: 'quote', start: 0, end: 5 });
    await core.createAnnotation({ articleId: SEED.A003, tagId: 'claim', start: 6, end: 9 });
    const after = await core.listArticlesWindow({ offset: 0, limit: 1, sort: 'annotations', direction: 'desc' });
    expect(after.revision).not.toBe(before.revision);
    expect(after.rows[0]!.id).toBe(SEED.A003);
    expect(after.rows[0]!.counts.quote).toBe(1);
    expect(after.rows[0]!.counts.claim).toBe(1);
  });

  it('answers on a first start without counts.json before the counting is done, then the counts arrive', async () => {
    const first = await lib.open();
    await first.createAnnotation({ articleId: SEED.A001, tagId: 'quote', start: 0, end: 5 });
    await first.close();
    await fs.rm(join(lib.dir(), 'counts.json'), { force: true });

    const core = await lib.open();
    const early = await core.listArticlesWindow({ offset: 0, limit: 100 });
    expect(early.total).toBe(5);
    expect(early.rows.map((r) => r.id)).toContain(SEED.A001);
    expect(early.countsPending).toBeGreaterThan(0);
    await waitForCounts(core);
    const late = await core.listArticlesWindow({ offset: 0, limit: 100 });
    expect(late.rows.find((r) => r.id === SEED.A001)!.counts.quote).toBe(1);
    expect(late.countsPending).toBe(0);
  });

  it('refuses a window that is too large, naming the limit', async () => {
    const core = await lib.open();
    const error = await apiRejection(core.listArticlesWindow({ offset: 0, limit: 100_000 }));
    expect(error.code).toBe('invalid_input');
  });
});
