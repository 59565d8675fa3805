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
  const ids = await index.candidates(article.text, (id, hash) => id !== article.id && library.hashOf(id) === hash, maxArticles);
  const candidates = await Promise.all(ids.map(async (id) => ({ id, text: await library.text(id) })));
  const groups = alignNewArticle(article, candidates, { libraryArticles: library.articles });
  await index.add(article);
  return groups;
}
