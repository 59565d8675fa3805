import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/syntheticCorpus';
import { alignNewArticle } from './alignNewArticle';
import { alignPassages } from './alignPassages';
import { passageFingerprints } from './passageFingerprints';

// Reproducible synthetic news (bench/syntheticCorpus.ts): wire copy and quotes reused across articles.
const corpus = syntheticCorpus(150, { seed: 5 });
const prints = new Map(corpus.map((a) => [a.id, passageFingerprints(a.text)]));
/** What the alignment index answers: the articles sharing a fingerprint with the new one, in library order. */
const candidatesOf = (library: readonly { id: string; text: string }[], id: string) => {
  const mine = new Set(prints.get(id));
  return library.filter((a) => a.id !== id && prints.get(a.id)!.some((fp) => mine.has(fp)));
};

describe('alignNewArticle', () => {
  it('finds the passages a full alignment of the library gives a new article, with the candidates sharing them', () => {
    let withPassages = 0;
    let same = 0;
    for (let i = 0; i < corpus.length; i += 5) {
      const article = corpus[i]!;
      const library = [...corpus.slice(0, i), ...corpus.slice(i + 1), article]; // imported last
      const full = alignPassages(library, { linkQuotes: false }).filter((g) => g.passages.some((p) => p.article === article.id));
      const incremental = alignNewArticle(article, candidatesOf(library, article.id), { libraryArticles: library.length });
      // Every article it names shares a passage with it in the full run too.
      const named = (gs: typeof full) => new Set(gs.flatMap((g) => g.passages.map((p) => p.article)));
      expect([...named(full)]).toEqual(expect.arrayContaining([...named(incremental)]));
      if (full.length > 0) withPassages++;
      if (JSON.stringify(incremental) === JSON.stringify(full)) same++;
    }
    expect(withPassages).toBeGreaterThan(10);
    // Same groups as the full run for most; the rest miss a member reached through a non-candidate only.
    expect(same).toBeGreaterThanOrEqual(0.8 * 30);
  }, 60_000);

  it('compares the new article with its candidates only, and finds nothing without any', () => {
    const [a, b] = corpus;
    expect(alignNewArticle(a!, [], { libraryArticles: 100_000 })).toEqual([]);
    const copy = { id: 'copy', text: `Wire copy. ${a!.text.slice(1000, 2000)}` };
    const groups = alignNewArticle(copy, [b!, a!], { libraryArticles: 3 });
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.passages.map((p) => p.article)).toEqual(['a', 'copy'].map((x) => (x === 'a' ? a!.id : x)));
      for (const p of g.passages) expect((p.article === 'copy' ? copy : a!).text.slice(p.start, p.end)).toBe(p.exact);
    }
  });
});
