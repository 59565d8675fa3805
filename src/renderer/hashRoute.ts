/**
 * Which screen is showing, kept in the URL fragment so a reload comes back to
 * the same place: `#view=reader&article=<id>` (plus `&annotation=<id>` when
 * the reader was opened at one annotation), `#view=compare&articles=<id>,<id>`
 * or `#view=coverage`. Other fragment parameters (the browser host's `token`)
 * are kept as they are.
 */
import { AnnotationSchema, ArticleIdSchema } from '../shared/model';

export type Route =
  | { view: 'library' }
  | { view: 'reader'; articleId: string; annotationId?: string }
  | { view: 'compare'; articleIds: string[] }
  | { view: 'coverage' };

const validId = (id: string) => ArticleIdSchema.safeParse(id).success;
const validAnnotationId = (id: string) => AnnotationSchema.shape.id.safeParse(id).success;

export function routeFromHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  if (view === 'reader') {
    const id = params.get('article') ?? '';
    const annotationId = params.get('annotation') ?? '';
    if (validId(id)) {
      return validAnnotationId(annotationId) ? { view: 'reader', articleId: id, annotationId } : { view: 'reader', articleId: id };
    }
  }
  if (view === 'compare') {
    const ids = [...new Set((params.get('articles') ?? '').split(',').filter(validId))];
    if (ids.length >= 2) return { view: 'compare', articleIds: ids };
  }
  if (view === 'coverage') return { view: 'coverage' };
  return { view: 'library' };
}

export function hashForRoute(route: Route, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  for (const key of ['view', 'article', 'articles', 'annotation']) params.delete(key);
  if (route.view === 'reader') {
    params.set('view', 'reader');
    params.set('article', route.articleId);
    if (route.annotationId) params.set('annotation', route.annotationId);
  } else if (route.view === 'coverage') {
    params.set('view', 'coverage');
  } else if (route.view === 'compare') {
    params.set('view', 'compare');
    params.set('articles', route.articleIds.join(','));
  }
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `#${s}` : '';
}
