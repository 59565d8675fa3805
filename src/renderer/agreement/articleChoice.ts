/**
 * Which articles the Agreement screen compares, as a scope plus the
 * researcher's exceptions: "coded by every chosen coder" (the default), "by
 * any" or "none", with articles ticked or unticked by hand on top. At
 * 100,000 articles nothing here is quadratic: whether an article is chosen
 * is two set look-ups, a tick copies only the exceptions, the chosen ids are
 * one pass over the candidates, and a search collects at most `limit`
 * matches (the screen draws those, not 100,000 checkboxes).
 */

/** An article some chosen coder annotated; `everyone` when every chosen coder did. */
export interface Candidate {
  id: string;
  title: string;
  everyone: boolean;
  /** Title and id in lower case, what a search looks in. */
  key: string;
}

export interface Candidates {
  /** In library order. */
  list: readonly Candidate[];
  /** How many every chosen coder annotated. */
  everyone: number;
}

export type ArticleScope = 'everyone' | 'any' | 'none';

export interface ArticleChoice {
  scope: ArticleScope;
  /** Ticked by hand although outside the scope. */
  added: ReadonlySet<string>;
  /** Unticked by hand although inside the scope. */
  removed: ReadonlySet<string>;
}

export function scopeChoice(scope: ArticleScope): ArticleChoice {
  return { scope, added: new Set(), removed: new Set() };
}

/** The default: every article all chosen coders annotated. */
export const DEFAULT_ARTICLE_CHOICE: ArticleChoice = scopeChoice('everyone');

/**
 * The articles any chosen coder annotated, in library order (titles from the
 * library; an article missing from it keeps its id as its title).
 */
export function agreementCandidates(
  coders: readonly { name: string; articleIds?: readonly string[] }[],
  chosenCoders: readonly string[],
  articles: readonly { id: string; title: string }[],
): Candidates {
  const chosen = new Set(chosenCoders);
  const by = coders.filter((c) => chosen.has(c.name)).map((c) => new Set(c.articleIds ?? []));
  const list: Candidate[] = [];
  let everyone = 0;
  if (by.length === 0) return { list, everyone };
  for (const a of articles) {
    let held = 0;
    for (const s of by) if (s.has(a.id)) held++;
    if (held === 0) continue;
    const all = held === by.length;
    if (all) everyone++;
    const title = a.title || a.id;
    list.push({ id: a.id, title, everyone: all, key: `${title}\n${a.id}`.toLowerCase() });
  }
  return { list, everyone };
}

function inScope(scope: ArticleScope, c: Candidate): boolean {
  return scope === 'any' || (scope === 'everyone' && c.everyone);
}

export function isChosen(choice: ArticleChoice, c: Candidate): boolean {
  if (choice.removed.has(c.id)) return false;
  return choice.added.has(c.id) || inScope(choice.scope, c);
}

/** Ticks (`on`) or unticks the given articles; the scope stays, only the exceptions change. */
export function chooseArticles(choice: ArticleChoice, list: readonly Candidate[], on: boolean): ArticleChoice {
  const added = new Set(choice.added);
  const removed = new Set(choice.removed);
  for (const c of list) {
    added.delete(c.id);
    removed.delete(c.id);
    if (on !== inScope(choice.scope, c)) (on ? added : removed).add(c.id);
  }
  return { scope: choice.scope, added, removed };
}

/** The chosen article ids, in library order. */
export function chosenArticleIds(choice: ArticleChoice, candidates: Candidates): string[] {
  const ids: string[] = [];
  for (const c of candidates.list) if (isChosen(choice, c)) ids.push(c.id);
  return ids;
}

/**
 * The candidates whose title or id holds `query` (ignoring case and the
 * spaces around it; all when it is empty): the first `limit` of them, and how
 * many match in all.
 */
export function findCandidates(list: readonly Candidate[], query: string, limit: number): { shown: Candidate[]; matching: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { shown: list.slice(0, limit), matching: list.length };
  const shown: Candidate[] = [];
  let matching = 0;
  for (const c of list) {
    if (!c.key.includes(q)) continue;
    matching++;
    if (shown.length < limit) shown.push(c);
  }
  return { shown, matching };
}

/** Every candidate matching `query` (for "tick all matching"); all of them when it is empty. */
export function matchingCandidates(list: readonly Candidate[], query: string): readonly Candidate[] {
  return query.trim() ? findCandidates(list, query, Number.POSITIVE_INFINITY).shown : list;
}
