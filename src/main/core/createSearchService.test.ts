import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

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
});
