/**
 * Which screen is showing, kept in the URL fragment so a reload comes back to
 * the same place: `#view=reader&article=<id>` (plus `&annotation=<id>` when
 * the reader was opened at one annotation), `#view=compare&articles=<id>,<id>`
 * `#view=coverage`, `#view=copies` (who copies whom), `#view=codebook`, `#view=search&q=<query>`, `#view=annotations`,
 * `#view=agreement`, `#view=people` (people and organisations) or `#view=adjudicate&article=<id>`
 * (the reader also takes `&q=<query>&hit=<offset>` when opened from a search hit). Other fragment parameters (the browser host's `token`)
 * are kept as they are.
 */
import { isAnnotationId, isArticleId } from '../../shared/model/idFormat';

export type Route =
  | { view: 'library' }
  | { view: 'reader'; articleId: string; annotationId?: string; search?: { query: string; at: number } }
  | { view: 'compare'; articleIds: string[]; /** Open at the articles' longest shared passage (`&at=shared`). */ atShared?: true }
  | { view: 'coverage' }
  | { view: 'copies' }
  | { view: 'codebook' }
  | { view: 'search'; query: string }
  | { view: 'annotations' }
  /** Quote drift of one group (issue 18): `#view=drift&group=<id>` and `&ref=<article id>` for a chosen reference. */
  | { view: 'drift'; groupId: string; referenceArticleId?: string }
  /** The attribution ledger (issue 18): `#view=ledger`. */
  | { view: 'ledger' }
  | { view: 'agreement' }
  | { view: 'people' }
  | { view: 'adjudicate'; articleId: string };

const validId = isArticleId;
const validAnnotationId = isAnnotationId;

export function routeFromHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  if (view === 'reader') {
    const id = params.get('article') ?? '';
    const annotationId = params.get('annotation') ?? '';
    if (validId(id)) {
      const route: Route = validAnnotationId(annotationId) ? { view: 'reader', articleId: id, annotationId } : { view: 'reader', articleId: id };
      // Opened from a search hit: the query to highlight and the hit's offset (issue 4).
      const query = params.get('q') ?? '';
      const at = Number(params.get('hit') ?? '');
      if (query.trim() && Number.isInteger(at) && at >= 0) route.search = { query, at };
      return route;
    }
  }
  if (view === 'compare') {
    const ids = [...new Set((params.get('articles') ?? '').split(',').filter(validId))];
    if (ids.length >= 2) return params.get('at') === 'shared' ? { view: 'compare', articleIds: ids, atShared: true } : { view: 'compare', articleIds: ids };
  }
  if (view === 'coverage') return { view: 'coverage' };
  if (view === 'copies') return { view: 'copies' };
  if (view === 'codebook') return { view: 'codebook' };
  if (view === 'search') return { view: 'search', query: params.get('q') ?? '' };
  if (view === 'annotations') return { view: 'annotations' };
  if (view === 'ledger') return { view: 'ledger' };
  if (view === 'drift') {
    const groupId = params.get('group') ?? '';
    const ref = params.get('ref') ?? '';
    if (isAnnotationId(groupId)) return validId(ref) ? { view: 'drift', groupId, referenceArticleId: ref } : { view: 'drift', groupId };
  }
  if (view === 'agreement') return { view: 'agreement' };
  if (view === 'people') return { view: 'people' };
  if (view === 'adjudicate' && validId(params.get('article') ?? '')) return { view: 'adjudicate', articleId: params.get('article')! };
  return { view: 'library' };
}

export function hashForRoute(route: Route, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  for (const key of ['view', 'article', 'articles', 'annotation', 'q', 'hit', 'group', 'ref']) params.delete(key);
  if (route.view === 'reader') {
    params.set('view', 'reader');
    params.set('article', route.articleId);
    if (route.annotationId) params.set('annotation', route.annotationId);
    if (route.search) {
      params.set('q', route.search.query);
      params.set('hit', String(route.search.at));
    }
  } else if (route.view === 'coverage') {
    params.set('view', 'coverage');
  } else if (route.view === 'copies') {
    params.set('view', 'copies');
  } else if (route.view === 'codebook') {
    params.set('view', 'codebook');
  } else if (route.view === 'search') {
    params.set('view', 'search');
    if (route.query) params.set('q', route.query);
  } else if (route.view === 'annotations') {
    params.set('view', 'annotations');
  } else if (route.view === 'ledger') {
    params.set('view', 'ledger');
  } else if (route.view === 'drift') {
    params.set('view', 'drift');
    params.set('group', route.groupId);
    if (route.referenceArticleId) params.set('ref', route.referenceArticleId);
  } else if (route.view === 'agreement') {
    params.set('view', 'agreement');
  } else if (route.view === 'people') {
    params.set('view', 'people');
  } else if (route.view === 'adjudicate') {
    params.set('view', 'adjudicate');
    params.set('article', route.articleId);
  } else if (route.view === 'compare') {
    params.set('view', 'compare');
    params.set('articles', route.articleIds.join(','));
    if (route.atShared) params.set('at', 'shared');
  }
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `#${s}` : '';
}
