import { describe, expect, it } from 'vitest';
import { currentVersion } from '../../shared/model/model';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { DataStore } from '../store/dataStore';
import { QuoteCache } from '../store/quoteCache';
import { detectMissingQuotes, QuotesCancelled } from './detectMissingQuotes';

const lib = useTestLibrary();

async function refs() {
  await (await lib.open()).close();
  const store = (await DataStore.open(lib.dir()))!;
  const list = store.articles().map((m) => ({ id: m.id, version: currentVersion(m), hash: m.hash }));
  await store.close();
  return list;
}

describe('detectMissingQuotes (in-process, as without a built worker)', () => {
  it('detects every text the cache lacks, each hash once, reporting progress batch by batch', async () => {
    const all = await refs();
    const cache = await QuoteCache.open(lib.dir());
    const progress: [number, number][] = [];
    await detectMissingQuotes(lib.dir(), [...all, all[0]!], cache, { workerFile: null, batchSize: 2, onProgress: (d, t) => progress.push([d, t]) });
    expect(cache.detected).toBe(all.length);
    expect(progress[progress.length - 1]).toEqual([all.length, all.length]);
    expect(progress.length).toBe(Math.ceil(all.length / 2));
    const next = await QuoteCache.open(lib.dir());
    await detectMissingQuotes(lib.dir(), all, next, { workerFile: null });
    expect(next.detected).toBe(0);
  });

  it('stopped after a batch, keeps that batch in the cache file and detects only the rest next time', async () => {
    const all = await refs();
    expect(all.length).toBeGreaterThan(2);
    const stop = new AbortController();
    const cache = await QuoteCache.open(lib.dir());
    const run = detectMissingQuotes(lib.dir(), all, cache, { workerFile: null, batchSize: 1, signal: stop.signal, onProgress: () => stop.abort() });
    await expect(run).rejects.toBeInstanceOf(QuotesCancelled);
    const reopened = await QuoteCache.open(lib.dir());
    expect(reopened.size).toBe(1);
    await detectMissingQuotes(lib.dir(), all, reopened, { workerFile: null });
    expect(reopened.detected).toBe(all.length - 1);
  });
});
