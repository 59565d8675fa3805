/**
 * updateArticle: an article's editable details (title, outlet, author, date,
 * URL, language) and its note, in index.json. The change is checked first
 * (checkArticleDetails); a refused one names the field and writes nothing.
 * The text, its hash and every annotation stay as they are.
 */
import { ApiError } from '../../shared/contract/apiError';
import { checkArticleDetails } from '../../shared/model/checkArticleDetails';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { CoreContext } from './coreContext';

export type ArticleDetailsService = Pick<TriangulateApi, 'updateArticle'>;

export function createArticleDetailsService(ctx: CoreContext): ArticleDetailsService {
  return {
    async updateArticle({ id, ...fields }: Input<'updateArticle'>): Promise<Output<'updateArticle'>> {
      ctx.ensureOpen();
      ctx.requireArticle(id);
      const check = checkArticleDetails(fields);
      if (!check.ok) throw new ApiError('invalid_input', check.message);
      return ctx.store.updateIndex((current) => {
        const at = current.articles.findIndex((a) => a.id === id);
        if (at < 0) throw new ApiError('not_found', `There is no article with id "${id}".`);
        const updated = { ...current.articles[at]!, ...check.change };
        return {
          index: { ...current, articles: current.articles.map((a, i) => (i === at ? updated : a)) },
          result: { ...updated },
        };
      });
    },
  };
}
