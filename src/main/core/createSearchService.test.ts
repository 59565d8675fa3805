import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { PersistedSearchIndex } from '../store/persistedSearchIndex';
import { indexDigest } from '../store/indexCheckMemo';
import { DataStore } from '../store/dataStore';

const asFile = (name: string, content: string) => ({ name, data: Buffer.from(content).toString('base64') });
const wordIndex = (dataDir: string) => new PersistedSearchIndex(join(dataDir, 'derived', 'search'));

const lib = useTestLibrary();

describe('searchCorpus', () => {
  it('finds a phrase in every article, case-insensitive, with its offsets and context', async () => {
    const core = await lib.open();
    const text = (await core.getArticle({ id: SEED.A002 })).text;
    const phrase = text.slice(200, 230);
    const result = await core.searchCorpus({ query: phrase.toUpperCase() });
    const hit = result.hits.find((h) => h.articleId === SEED.A002 && h.start === 200)!;
    expect(hit).toBeDefined();
    expect(hit.end).toBe(230);
    expect(hit.match).toBe(phrase);
    expect(text.slice(0, 200).replace(/\s+/g, ' ').endsWith(hit.before.replace(/^…/, ''))).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.articles).toBeGreaterThanOrEqual(1);
  });

  it('counts every hit but returns at most `limit`, and searches only the articles named', async () => {
    const core = await lib.open();
    const all = await core.searchCorpus({ query: 'the', limit: 3 });
    expect(all.hits).toHaveLength(3);
    expect(all.total).toBeGreaterThan(3);
    expect(all.articles).toBe(5);
    const one = await core.searchCorpus({ query: 'the', articleIds: [SEED.A001], limit: 5000 });
    expect(new Set(one.hits.map((h) => h.articleId))).toEqual(new Set([SEED.A001]));
    expect(one.hits).toHaveLength(one.total);
  });

  it('matches curly and straight quote marks alike, and finds nothing for an empty query', async () => {
    const core = await lib.open();
    const text = (await core.getArticle({ id: SEED.A000 })).text;
    const at = text.search(/\w[’']\w/);
    expect(at).toBeGreaterThan(0);
    const word = text.slice(at - 3, at + 3).replace('’', "'");
    const result = await core.searchCorpus({ query: word, articleIds: [SEED.A000] });
    expect(result.hits.some((h) => h.start === at - 3)).toBe(true);
    expect(await core.searchCorpus({ query: '   ' })).toEqual({ hits: [], total: 0, articles: 0 });
  });

  it('brings the word index on disk up to date after an import, so the next start does not index the new article at its first search', async () => {
    const core = await lib.open();
    await core.searchCorpus({ query: 'said' }); // the word index, built by the first search
    const report = await core.importArticles({ files: [asFile('zebras.txt', 'Zebras crossed the Limpopo, the ranger said.')] });
    const added = report.imported[0]!.id;
    await core.close();
    const covered = await wordIndex(lib.dir()).covered();
    const store = (await DataStore.open(lib.dir()))!;
    expect(covered.get(added)).toBe(store.article(added)!.hash);
    expect(covered.size).toBe(store.articles().length);
  });

  it('covers the articles a command-line import listed in memory only until close (index.json written once, at close)', async () => {
    const core = await lib.open({ indexWriteEveryMs: 60_000 });
    await core.searchCorpus({ query: 'said' });
    const report = await core.importArticles({ files: [asFile('okapis.txt', 'Okapis crossed the Ituri forest, the warden said.')] });
    const added = report.imported[0]!.id;
    await core.close();
    const covered = await wordIndex(lib.dir()).covered();
    const store = (await DataStore.open(lib.dir()))!;
    expect(store.article(added)).toBeDefined();
    expect(covered.get(added)).toBe(store.article(added)!.hash);
    expect(covered.size).toBe(store.articles().length);
  });

  it('after the coder is chosen (index.json saved, the same articles), the word index names the new index.json: nothing to compare at the next start', async () => {
    const core = await lib.open();
    await core.searchCorpus({ query: 'said' });
    await core.setCoder({ name: 'Anna Berg' });
    await core.close();
    const digest = indexDigest(readFileSync(join(lib.dir(), 'index.json')));
    expect(await wordIndex(lib.dir()).matches(`index.json ${digest}`, [])).toBe(true);
    // The next start's first search answers as before.
    const again = await lib.open();
    expect((await again.searchCorpus({ query: 'said' })).total).toBeGreaterThan(0);
  });
});

