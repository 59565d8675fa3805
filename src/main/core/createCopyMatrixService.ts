/**
 * getCopyMatrix: who copies whom over the chosen articles (or the whole
 * library), by shared/alignment/copyMatrix over their canonical texts, with
 * each article's title, outlet and date. The last result is cached by the
 * articles' ids and text hashes.
 */
import { ApiError } from '../../shared/contract/apiError';
import { copyMatrix } from '../../shared/alignment/copyMatrix';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { CoreContext } from './coreContext';

export type CopyMatrixService = Pick<TriangulateApi, 'getCopyMatrix'>;

export function createCopyMatrixService(ctx: CoreContext): CopyMatrixService {
  let last: { key: string; result: Promise<Output<'getCopyMatrix'>> } | null = null;

  return {
    async getCopyMatrix({ articleIds, limit, clusterAt }: Input<'getCopyMatrix'>): Promise<Output<'getCopyMatrix'>> {
      ctx.ensureOpen();
      const metas = articleIds ? [...new Set(articleIds)].map((id) => ctx.requireArticle(id)) : ctx.store.articles();
      if (articleIds && metas.length < 2) throw new ApiError('invalid_input', 'Who copies whom needs at least two different articles.');
      const key = [limit ?? '', clusterAt ?? '', ...metas.map((m) => `${m.id}:${m.hash}`).sort()].join('\n');
      if (last?.key !== key) {
        const result = (async () => {
          const articles = await Promise.all(metas.map(async (m) => ({ id: m.id, date: m.date, text: await ctx.store.text(m.id) })));
          const matrix = copyMatrix(articles, { limit, clusterAt });
          const byId = new Map(metas.map((m) => [m.id, m]));
          return {
            ...matrix,
            articles: matrix.articles.map((a) => ({ ...a, title: byId.get(a.id)!.title, outlet: byId.get(a.id)!.outlet ?? null })),
          };
        })();
        result.catch(() => {
          if (last?.result === result) last = null;
        });
        last = { key, result };
      }
      return structuredClone(await last.result);
    },
  };
}
