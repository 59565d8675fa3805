import { describe, expect, it } from 'vitest';
import {
  agreementCandidates,
  chooseArticles,
  chosenArticleIds,
  DEFAULT_ARTICLE_CHOICE,
  findCandidates,
  isChosen,
  matchingCandidates,
  scopeChoice,
} from './articleChoice';

/** A library of `n` articles: ana annotated every even one, bo every third, cleo none. */
function library(n: number) {
  const articles = Array.from({ length: n }, (_, i) => ({ id: `a${String(i).padStart(6, '0')}`, title: i % 1000 === 7 ? `Budget vote ${i}` : `Story ${i}` }));
  const coders = [
    { name: 'ana', articleIds: articles.filter((_, i) => i % 2 === 0).map((a) => a.id) },
    { name: 'bo', articleIds: articles.filter((_, i) => i % 3 === 0).map((a) => a.id) },
    { name: 'cleo', articleIds: [] },
  ];
  return { articles, coders };
}

describe('choosing the articles to compare (the Agreement screen at 100,000 articles)', () => {
  const { articles, coders } = library(100_000);
  const candidates = agreementCandidates(coders, ['ana', 'bo'], articles);

  it('offers the articles any chosen coder annotated, in library order; by default those both annotated are chosen', () => {
    // Even or a multiple of three: 66,667 of 100,000; both (multiples of six): 16,667.
    expect(candidates.list).toHaveLength(66_667);
    expect(candidates.everyone).toBe(16_667);
    expect(candidates.list.slice(0, 4).map((c) => c.id)).toEqual(['a000000', 'a000002', 'a000003', 'a000004']);
    const chosen = chosenArticleIds(DEFAULT_ARTICLE_CHOICE, candidates);
    expect(chosen).toHaveLength(16_667);
    expect(chosen.slice(0, 3)).toEqual(['a000000', 'a000006', 'a000012']);
    expect(chosenArticleIds(scopeChoice('any'), candidates)).toHaveLength(66_667);
    expect(chosenArticleIds(scopeChoice('none'), candidates)).toEqual([]);
  });

  it('a coder with no articles leaves nothing coded by every chosen coder; no coder chosen, no candidate', () => {
    const withCleo = agreementCandidates(coders, ['ana', 'bo', 'cleo'], articles);
    expect(withCleo.list).toHaveLength(66_667);
    expect(withCleo.everyone).toBe(0);
    expect(agreementCandidates(coders, [], articles).list).toEqual([]);
    // Names only (listCoders with articles: false): no article to offer rather than a failure.
    expect(agreementCandidates([{ name: 'ana' }, { name: 'bo' }], ['ana', 'bo'], articles).list).toEqual([]);
  });

  it('ticks and unticks by hand on top of the scope, keeping library order; choosing the scope again starts afresh', () => {
    const byId = new Map(candidates.list.map((c) => [c.id, c]));
    const both = byId.get('a000006')!;
    const anaOnly = byId.get('a000002')!;
    let choice = chooseArticles(DEFAULT_ARTICLE_CHOICE, [both], false);
    choice = chooseArticles(choice, [anaOnly], true);
    expect(isChosen(choice, both)).toBe(false);
    expect(isChosen(choice, anaOnly)).toBe(true);
    const chosen = chosenArticleIds(choice, candidates);
    expect(chosen).toHaveLength(16_667);
    expect(chosen.slice(0, 3)).toEqual(['a000000', 'a000002', 'a000012']);
    // Undoing a tick leaves no exception behind.
    const undone = chooseArticles(chooseArticles(choice, [both], true), [anaOnly], false);
    expect(undone.added.size + undone.removed.size).toBe(0);
    expect(chosenArticleIds(undone, candidates)).toEqual(chosenArticleIds(DEFAULT_ARTICLE_CHOICE, candidates));
    expect(chosenArticleIds(scopeChoice('everyone'), candidates)).toHaveLength(16_667);
  });

  it('a search shows at most a page of matches and says how many match; all matching can be ticked or unticked at once', () => {
    const all = findCandidates(candidates.list, '', 100);
    expect(all.shown).toHaveLength(100);
    expect(all.matching).toBe(66_667);
    // The "Budget vote" articles (i % 1000 === 7, all odd) are candidates where i is a multiple of three: bo's.
    const found = findCandidates(candidates.list, '  budget VOTE ', 10);
    const expected = candidates.list.filter((c) => c.title.startsWith('Budget vote'));
    expect(expected.length).toBeGreaterThan(10);
    expect(found.matching).toBe(expected.length);
    expect(found.shown.map((c) => c.id)).toEqual(expected.slice(0, 10).map((c) => c.id));
    // By id too.
    expect(findCandidates(candidates.list, 'A000003', 10).shown.map((c) => c.id)).toEqual(['a000003']);

    const ticked = chooseArticles(scopeChoice('none'), matchingCandidates(candidates.list, 'budget vote'), true);
    expect(chosenArticleIds(ticked, candidates)).toEqual(expected.map((c) => c.id));
    const unticked = chooseArticles(scopeChoice('any'), matchingCandidates(candidates.list, 'budget vote'), false);
    expect(chosenArticleIds(unticked, candidates)).toHaveLength(66_667 - expected.length);
  });
});
