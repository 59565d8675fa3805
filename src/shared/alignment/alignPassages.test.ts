import { describe, expect, it } from 'vitest';
import { alignPassages, type AlignedGroup } from './alignPassages';

const S1 = 'The aggressive war unleashed by Putin against Ukraine is not only a crime against the Ukrainian people.';
const S2 = 'Those who conceived this war want only one thing, to remain in power forever.';

/** Each group as "article: exact" lines. */
const show = (groups: AlignedGroup[]): string[][] => groups.map((g) => g.passages.map((p) => `${p.article}: ${p.exact}`));

describe('alignPassages', () => {
  it('finds a passage two articles share, with offsets into each text', () => {
    const articles = [
      { id: 'a', text: `Intro about the weather in Geneva today.\n${S1} More unrelated words follow here.` },
      { id: 'b', text: `“${S1}” he wrote, referring to the invasion.` },
    ];
    const groups = alignPassages(articles);
    expect(show(groups)).toEqual([[`a: ${S1.slice(0, -1)}`, `b: ${S1.slice(0, -1)}`]]);
    for (const p of groups[0]!.passages) {
      expect(articles.find((a) => a.id === p.article)!.text.slice(p.start, p.end)).toBe(p.exact);
    }
  });

  it('tolerates typography, case and a changed word', () => {
    const edited = 'THE aggressive war — unleashed by Putin against Ukraine — was not only a crime against the Ukrainian people.';
    const groups = alignPassages([
      { id: 'a', text: S1 },
      { id: 'b', text: edited },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.passages.map((p) => p.exact)).toEqual([S1.slice(0, -1), edited.slice(0, -1)]);
  });

  it('puts overlapping reuse of one passage into one group', () => {
    const groups = alignPassages([
      { id: 'a', text: `${S1} ${S2}` },
      { id: 'b', text: `Quite different words. ${S1}` },
      { id: 'c', text: `${S1} ${S2} The end.` },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.passages.map((p) => p.article)).toEqual(['a', 'b', 'c']);
  });

  it('keeps different shared passages in different groups, in article and text order', () => {
    const groups = alignPassages([
      { id: 'a', text: `${S1}\nSome words that nobody else uses at all.\n${S2}` },
      { id: 'b', text: `${S2}\nThe rest is different.` },
      { id: 'c', text: `${S1}` },
    ]);
    expect(groups.map((g) => g.passages.map((p) => p.article))).toEqual([
      ['a', 'c'],
      ['a', 'b'],
    ]);
  });

  it('links a cut-down and a differently translated quote to the full one, and nothing unrelated', () => {
    const articles = [
      { id: 'full', text: 'Bondarev said: “For twenty years of my diplomatic career I have seen different turns of our foreign policy, but never have I been so ashamed of my country as on February 24.”' },
      { id: 'fragment', text: 'A diplomat quit, declaring “never have I been so ashamed of my country.”' },
      { id: 'translated', text: 'He wrote, "In my 20-year long career as a diplomat, I have seen many changes in foreign policy, but I have never felt so ashamed of my country before February 24 this year."' },
      { id: 'unrelated', text: 'The minister said “our country will defend its policy in February” on television.' },
    ];
    const groups = alignPassages(articles);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.passages.map((p) => p.article)).toEqual(['full', 'fragment', 'translated']);
    expect(groups[0]!.passages[1]!.exact).toBe('never have I been so ashamed of my country');

    const exactOnly = alignPassages(articles, { linkQuotes: false });
    expect(exactOnly.flatMap((g) => g.passages.map((p) => p.article))).not.toContain('translated');
  });

  it('finds nothing when articles share fewer than minWords words in a row', () => {
    expect(alignPassages([
      { id: 'a', text: 'never have I been so ashamed today' },
      { id: 'b', text: 'never have I been so ashamed yesterday' },
    ], { linkQuotes: false })).toEqual([]);
    expect(alignPassages([])).toEqual([]);
    expect(alignPassages([{ id: 'a', text: S1 }])).toEqual([]);
  });

  it('is deterministic', () => {
    const articles = [
      { id: 'a', text: `${S1} ${S2}` },
      { id: 'b', text: `${S2} x ${S1}` },
      { id: 'c', text: `y ${S1}` },
    ];
    expect(alignPassages(articles)).toEqual(alignPassages(articles));
  });
});
