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
  /** An article's current text and hash; undefined when it left the library. */
  article(id: string): Promise<{ text: string; hash: string } | undefined>;
  /** The ids in library order. */
  order(ids: readonly string[]): string[];
}

/** Rounds of looking up the candidates' passages for more members of the groups. */
const MAX_ROUNDS = 4;

export async function alignAgainstIndex(index: AlignmentIndex, article: IndexedText, library: IndexedLibrary): Promise<AlignedGroup[]> {
  const maxArticles = Math.max(50, Math.ceil(library.articles * 0.05));
  /** Texts of the candidates read so far; null for an entry whose text changed or left since it was indexed. */
  const texts = new Map<string, string | null>();
  const lookUp = async (text: string) => (await index.candidateEntries(text, maxArticles)).filter((e) => e.id !== article.id);
  let entries = await lookUp(article.text);
  let groups: AlignedGroup[] = [];
  // A group also holds articles that share the passage with a candidate only: look up the candidates'
  // passages in turn until no article is added (a few rounds at most).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fresh = entries.filter((e) => !texts.has(`${e.id}\n${e.hash}`));
    if (round > 0 && fresh.length === 0) break;
    await Promise.all(
      fresh.map(async ({ id, hash }) => {
        const current = await library.article(id);
        texts.set(`${id}\n${hash}`, current && current.hash === hash ? current.text : null);
      }),
    );
    const byId = new Map<string, string>();
    for (const [key, text] of texts) if (text !== null) byId.set(key.slice(0, key.indexOf('\n')), text);
    const candidates = library.order([...byId.keys()]).map((id) => ({ id, text: byId.get(id)! }));
    groups = alignNewArticle(article, candidates, { libraryArticles: library.articles });
    const passages = partnerPassages(groups, article.id);
    if (passages.length === 0) break;
    entries = (await Promise.all(passages.map(lookUp))).flat();
  }
  await index.add(article);
  return groups;
}
