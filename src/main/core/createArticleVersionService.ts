/**
 * The versions of an article's text: the list (with the annotations newer
 * versions no longer hold), one version's text with the annotations that
 * belong to it (annotationsOnVersion), and the word diff of two
 * versions (diffVersions). Versions are added by importArticles (see
 * createArticleImportService and DataStore.addVersion).
 */
import { annotationsOnVersion } from '../../shared/anchoring/annotationsOnVersion';
import { diffVersions } from '../../shared/anchoring/diffVersions';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import { currentVersion } from '../../shared/model/model';
import type { CoreContext } from './coreContext';

export type ArticleVersionService = Pick<TriangulateApi, 'getArticleVersions' | 'getArticleVersionText' | 'diffArticleVersions'>;

export function createArticleVersionService(ctx: CoreContext): ArticleVersionService {
  return {
    async getArticleVersions({ articleId }: Input<'getArticleVersions'>): Promise<Output<'getArticleVersions'>> {
      ctx.ensureOpen();
      const meta = ctx.requireArticle(articleId);
      const versions = meta.versions ?? [{ version: 1, hash: meta.hash, length: meta.length, origin: meta.origin, imported: null }];
      return { versions: versions.map((v) => ({ ...v })), current: currentVersion(meta), unanchored: [...(await ctx.store.unanchoredAnnotations(articleId))] };
    },

    async getArticleVersionText({ articleId, version }: Input<'getArticleVersionText'>): Promise<Output<'getArticleVersionText'>> {
      ctx.ensureOpen();
      const meta = ctx.requireArticle(articleId);
      const text = await ctx.store.versionText(articleId, version);
      const annotations = await ctx.store.annotations(articleId);
      if (version === currentVersion(meta)) return { version, text, annotations: annotations.map((a) => ({ ...a, keptHere: false })) };
      return { version, text, annotations: annotationsOnVersion(version, text, meta.versions ?? [], annotations, await ctx.store.unanchoredAnnotations(articleId)) };
    },

    async diffArticleVersions({ articleId, from, to }: Input<'diffArticleVersions'>): Promise<Output<'diffArticleVersions'>> {
      ctx.ensureOpen();
      ctx.requireArticle(articleId);
      const [older, newer] = await Promise.all([ctx.store.versionText(articleId, from), ctx.store.versionText(articleId, to)]);
      return diffVersions(older, newer);
    },
  };
}
