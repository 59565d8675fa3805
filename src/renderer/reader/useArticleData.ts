/**
 * One article and its annotations (kept in text order), loaded together.
 * `setAnnotations` takes an updater; the list is re-sorted after each change.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Annotation, Article, ArticleMeta } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';
import { textOrder } from '../data/textOrder';

export interface ArticleData {
  article: Article | null;
  annotations: Annotation[];
  status: 'loading' | 'ready' | 'failed';
  updateAnnotations: (change: (list: Annotation[]) => Annotation[]) => void;
  /** Shows details saved elsewhere (ArticleDetails): the text stays. */
  replaceMeta: (meta: ArticleMeta) => void;
  retry: () => void;
}

export function useArticleData(articleId: string): ArticleData {
  const reportError = useReportError();
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [status, setStatus] = useState<ArticleData['status']>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setStatus('loading');
    const api = getApi();
    Promise.all([api.getArticle({ id: articleId }), api.listAnnotations({ articleId })]).then(
      ([a, list]) => {
        if (!live) return;
        setArticle(a);
        setAnnotations(textOrder(list));
        setStatus('ready');
      },
      (err: unknown) => {
        if (!live) return;
        setStatus('failed');
        reportError('Could not open the article', err);
      },
    );
    return () => {
      live = false;
    };
  }, [articleId, attempt, reportError]);

  const updateAnnotations = useCallback(
    (change: (list: Annotation[]) => Annotation[]) => setAnnotations((list) => textOrder(change(list))),
    [],
  );

  // An undo or redo changed this article's annotations: fetch them again, keeping the text on screen.
  useDataChanged((change) => {
    if (change.articleIds.length > 0 && !change.articleIds.includes(articleId)) return;
    getApi()
      .listAnnotations({ articleId })
      .then(
        (list) => setAnnotations(textOrder(list)),
        (err: unknown) => reportError('Could not reload the annotations', err),
      );
  });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replaceMeta = useCallback((meta: ArticleMeta) => setArticle((a) => (a && a.id === meta.id ? { ...a, ...meta } : a)), []);
  return { article, annotations, status, updateAnnotations, replaceMeta, retry };
}
