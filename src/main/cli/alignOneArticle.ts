/**
 * `align --article ID` (issue 20): one article aligned against the alignment
 * index a full `align` left in derived/align-index — the article just imported,
 * without aligning the library again. Reads only the article, the index's
 * candidates and the library's order; the article is added to the index.
 */
import { statSync } from 'node:fs';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { alignAgainstIndex, type IndexedLibrary } from '../alignment/alignAgainstIndex';
import type { TriangulateApi } from '../../shared/contract/contract';
import { AlignmentIndex } from '../alignment/alignmentIndex';
import { createCore } from '../core/createCore';
import { bundledCorpusDir } from '../import/bundledCorpusDir';

export interface OneArticleAlignment {
  groups: AlignedGroup[];
  /** Articles in the library. */
  articles: number;
}

const IDS_PER_WINDOW = 1000;

/** The library as alignAgainstIndex reads it, through an open core: its ids in library order, texts read on demand. */
export async function coreLibrary(core: Pick<TriangulateApi, 'listArticlesWindow' | 'getArticle'>): Promise<{ library: IndexedLibrary; ids: string[] }> {
  const ids: string[] = [];
  for (let offset = 0, total = 1; offset < total; offset += IDS_PER_WINDOW) {
    const page = await core.listArticlesWindow({ offset, limit: IDS_PER_WINDOW });
    total = page.total;
    for (const row of page.rows) ids.push(row.id);
  }
  const rank = new Map(ids.map((id, i) => [id, i]));
  const library: IndexedLibrary = {
    articles: ids.length,
    article: async (id) => {
      if (!rank.has(id)) return undefined;
      const a = await core.getArticle({ id });
      return { text: a.text, hash: a.hash };
    },
    order: (list) => list.filter((id) => rank.has(id)).sort((x, y) => rank.get(x)! - rank.get(y)!),
  };
  return { library, ids };
}

export async function alignOneArticle(dataDir: string, articleId: string): Promise<OneArticleAlignment> {
  if (!statSync(dataDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
  }
  const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), backups: false });
  const index = await AlignmentIndex.open(dataDir);
  try {
    if (index.empty) throw new Error(`there is no alignment index in ${dataDir} yet: run align once over the whole library first`);
    const { library, ids } = await coreLibrary(core);
    if (!ids.includes(articleId)) throw new Error(`no article with the id ${articleId} in ${dataDir}`);
    const article = await core.getArticle({ id: articleId });
    const groups = await alignAgainstIndex(index, { id: articleId, hash: article.hash, text: article.text }, library);
    return { groups, articles: ids.length };
  } finally {
    await index.close();
    await core.close();
  }
}
