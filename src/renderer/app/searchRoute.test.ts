import { describe, expect, it } from 'vitest';
import { hashForRoute, routeFromHash, type Route } from './hashRoute';

describe('search and annotation table routes', () => {
  it('come back after a reload: the search with its query, the table, and the reader opened at a hit', () => {
    const routes: Route[] = [
      { view: 'search', query: 'Kremlin “said”' },
      { view: 'annotations' },
      { view: 'reader', articleId: 'a1', search: { query: 'peace talks', at: 120 } },
      { view: 'reader', articleId: 'a1', annotationId: 'n1' },
    ];
    for (const route of routes) expect(routeFromHash(hashForRoute(route, '#token=t'))).toEqual(route);
    expect(hashForRoute({ view: 'annotations' }, '#token=t&q=old&hit=3')).toBe('#token=t&view=annotations');
  });

  it('leaves out a hit that is not an offset', () => {
    expect(routeFromHash('#view=reader&article=a1&q=x&hit=-4')).toEqual({ view: 'reader', articleId: 'a1' });
  });
});
