import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/syntheticCorpus';
import { alignPassages } from '../../shared/alignment/alignPassages';
import { alignAgainstIndex, type IndexedLibrary } from './alignAgainstIndex';
import { ALIGN_INDEX_DIR, AlignmentIndex } from './alignmentIndex';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

// Reproducible synthetic news (bench/syntheticCorpus.ts): wire copy and quotes reused across articles.
const corpus = syntheticCorpus(150, { seed: 5 }).map((a) => ({ ...a, hash: `h-${a.id}` }));

const dir = useTempDir('triangulate-align-index-');

/** The library as the core sees it: current hashes, texts, library order. */
function libraryOf(articles: readonly { id: string; text: string; hash: string }[]): IndexedLibrary {
  const byId = new Map(articles.map((a, i) => [a.id, { ...a, rank: i }]));
  return {
    articles: articles.length,
    article: async (id) => byId.get(id),
    order: (ids) => ids.filter((id) => byId.has(id)).sort((x, y) => byId.get(x)!.rank - byId.get(y)!.rank),
  };
}

/** One article's groups aligned against an index of the rest of the corpus, and the groups a full alignment gives it. */
async function alignedBothWays(article: (typeof corpus)[number]) {
  const before = corpus.filter((a) => a !== article);
  await AlignmentIndex.build(dir(), before);
  const index = await AlignmentIndex.open(dir());
  const groups = await alignAgainstIndex(index, article, libraryOf([...before, article]));
  await index.close();
  const full = alignPassages([...before, article], { linkQuotes: false }).filter((g) => g.passages.some((p) => p.article === article.id));
  return { groups, full };
}

describe('alignAgainstIndex', () => {
  it('gives one imported article the groups a full alignment gives it, from the index of the rest', async () => {
    let withPassages = 0;
    for (let i = 0; i < corpus.length; i += 10) {
      const article = corpus[i]!;
      const { groups, full } = await alignedBothWays(article);
      expect(groups).toEqual(full);
      if (full.length > 0) withPassages++;
    }
    expect(withPassages).toBeGreaterThan(12);
  }, 180_000);

  it('names only articles that share a passage with it in a full run, where a copy was edited in several places', async () => {
    // Articles whose full-run groups hold members that share an edited copy with another member only.
    for (const i of [1, 11, 23, 31, 72, 78, 79]) {
      const article = corpus[i]!;
      const { groups, full } = await alignedBothWays(article);
      const named = (gs: typeof full) => new Set(gs.flatMap((g) => g.passages.map((p) => p.article)));
      expect(groups.length).toBeGreaterThan(0);
      expect([...named(full)]).toEqual(expect.arrayContaining([...named(groups)]));
    }
  }, 180_000);

  it('keeps the article it aligned: the next import finds it, after the index is opened again', async () => {
    const [a, b, ...rest] = corpus;
    await AlignmentIndex.build(dir(), rest.slice(0, 20));
    const copyOfA = { id: 'copy', hash: 'h-copy', text: `Wire copy. ${a!.text.slice(500, 2500)}` };
    let index = await AlignmentIndex.open(dir());
    expect(await alignAgainstIndex(index, a!, libraryOf([...rest.slice(0, 20), a!]))).toBeDefined();
    await index.close();
    index = await AlignmentIndex.open(dir());
    const groups = await alignAgainstIndex(index, copyOfA, libraryOf([...rest.slice(0, 20), a!, b!, copyOfA]));
    await index.close();
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.passages.some((p) => p.article === a!.id) && g.passages.some((p) => p.article === 'copy'))).toBe(true);
  });

  it('skips an indexed text that changed since, and a damaged or missing index is empty until rebuilt', async () => {
    const [a] = corpus;
    await AlignmentIndex.build(dir(), [a!]);
    const copy = { id: 'copy', hash: 'h-copy', text: a!.text };
    let index = await AlignmentIndex.open(dir());
    expect(await index.candidates(copy.text, () => true, 50)).toEqual([a!.id]);
    expect(await index.candidates(copy.text, (id, hash) => hash === 'edited since', 50)).toEqual([]);
    await index.close();

    await fs.writeFile(join(dir(), ALIGN_INDEX_DIR, 'postings.bin'), 'damaged');
    index = await AlignmentIndex.open(dir());
    expect(index.empty).toBe(true);
    expect(await alignAgainstIndex(index, copy, libraryOf([a!, copy]))).toEqual([]);
    await fs.rm(join(dir(), ALIGN_INDEX_DIR), { recursive: true });
    expect((await AlignmentIndex.open(dir())).empty).toBe(true);
  });
});
