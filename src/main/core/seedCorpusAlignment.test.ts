// Passage alignment on the seed corpus (corpus/*.txt): five articles quoting
// the Russian diplomat Boris Bondarev's resignation letter, exactly, in part
// or in another translation.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignPassages, type AlignedGroup } from '../../shared/alignment/alignPassages';
import { canonicalArticleText } from '../../shared/model/canonicalText';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const articles = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.slice(0, -4), text: canonicalArticleText(readFileSync(CORPUS + f, 'utf8')).text }));
const groups = alignPassages(articles);

const flat = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();
const groupWith = (words: string): AlignedGroup | undefined => groups.find((g) => g.passages.some((p) => flat(p.exact).includes(words)));
const articlesOf = (g: AlignedGroup | undefined): string[] => [...new Set(g?.passages.map((p) => p.article.slice(0, 3)))];

describe('alignment of the seed corpus', () => {
  it('aligns the diplomat’s quote across all five articles, each passage holding the line', () => {
    const group = groupWith('so ashamed of my country');
    expect(articlesOf(group)).toEqual(['000', '001', '002', '003', '004']);
    for (const p of group!.passages) expect(flat(p.exact)).toMatch(/never .*so ashamed of my country/);
    const translated = group!.passages.find((p) => p.article.startsWith('003'))!;
    expect(translated.exact).toContain('I have never felt so ashamed of my country before February 24');
  });

  it('aligns the “aggressive war” sentence and the “Those who conceived this war” passage', () => {
    expect(articlesOf(groupWith('the aggressive war unleashed by putin against ukraine'))).toEqual(['000', '001', '002', '004']);
    expect(articlesOf(groupWith('those who conceived'))).toEqual(['000', '001', '003']);
    expect(articlesOf(groupWith('bloody, witless'))).toEqual(['000', '001', '002']);
  });

  it('gives offsets that point at the passage text', () => {
    for (const g of groups) {
      expect(new Set(g.passages.map((p) => p.article)).size).toBeGreaterThanOrEqual(2);
      for (const p of g.passages) expect(articles.find((a) => a.id === p.article)!.text.slice(p.start, p.end)).toBe(p.exact);
    }
  });
});
