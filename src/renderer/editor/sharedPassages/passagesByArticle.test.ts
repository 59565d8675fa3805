import { describe, it, expect } from 'vitest';
import { passagesByArticle } from './passagesByArticle';

describe('passagesByArticle', () => {
  it('gives each article its passages with their group, in text order', () => {
    const byArticle = passagesByArticle([
      {
        id: 'a0',
        passages: [
          { article: 'x', start: 50, end: 60, exact: 'late' },
          { article: 'y', start: 1, end: 9, exact: 'early' },
        ],
      },
      { id: 'a1', passages: [{ article: 'x', start: 10, end: 20, exact: 'first' }] },
    ]);
    expect(byArticle.get('x')).toEqual([
      { groupId: 'a1', start: 10, end: 20, exact: 'first' },
      { groupId: 'a0', start: 50, end: 60, exact: 'late' },
    ]);
    expect(byArticle.get('y')).toEqual([{ groupId: 'a0', start: 1, end: 9, exact: 'early' }]);
    expect(byArticle.has('z')).toBe(false);
  });
});
