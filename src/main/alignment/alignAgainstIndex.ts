/**
 * One article aligned against the library through the alignment index
 * (issue 20): the index names the articles sharing a fingerprint with it,
 * their current texts are read, alignNewArticle finds the groups it is in
 * (the candidates' passages looked up in turn for the articles that share
 * them with a candidate only),
 * and the article is added to the index for the next one. Linear in the
 * article and its candidates, not in the library.
 */
import { alignNewArticle, partnerPassages } from '../../shared/alignment/alignNewArticle';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import type { AlignmentIndex, IndexedText } from './alignmentIndex';

export interface IndexedLibrary {
  /** Articles in the library. */
  articles: number;
  /** The current hash of an article's text, undefined when it left the library. */
  hashOf(id: string): string | undefined;
  text(id: string): Promise<string>;
  /** The ids in library order. */
  order(ids: readonly string[]): string[];
}

/** Rounds of looking up the candidates' passages for more members of the groups. */
const MAX_ROUNDS = 4;

export async function alignAgainstIndex(index: AlignmentIndex, article: IndexedText, library: IndexedLibrary): Promise<AlignedGroup[]> {
  const maxArticles = Math.max(50, Math.ceil(library.articles * 0.05));
  const isCurrent = (id: string, hash: string) => id !== article.id && library.hashOf(id) === hash;
  const texts = new Map<string, string>();
  let ids = await index.candidates(article.text, isCurrent, maxArticles);
  let groups: AlignedGroup[] = [];
  // A group also holds articles that share the passage with a candidate only: look up the candidates'
  // passages in turn until no article is added (a few rounds at most).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fresh = ids.filter((id) => !texts.has(id));
    if (round > 0 && fresh.length === 0) break;
    for (const [id, text] of await Promise.all(fresh.map(async (id) => [id, await library.text(id)] as const))) texts.set(id, text);
    const candidates = library.order([...texts.keys()]).map((id) => ({ id, text: texts.get(id)! }));
    groups = alignNewArticle(article, candidates, { libraryArticles: library.articles });
    const passages = partnerPassages(groups, article.id);
    if (passages.length === 0) break;
    const more = await Promise.all(passages.map((text) => index.candidates(text, isCurrent, maxArticles)));
    ids = [...new Set(more.flat())];
  }
  await index.add(article);
  return groups;
}
