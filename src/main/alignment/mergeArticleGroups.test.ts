import { describe, expect, it } from 'vitest';
import { mergeArticleGroups } from './mergeArticleGroups';

const p = (article: string, start: number, end: number) => ({ article, start, end, exact: `${article}:${start}` });

describe('mergeArticleGroups', () => {
  it('joins the new article to the kept group whose passage it shares, one group, each passage once', () => {
    const kept = [{ passages: [p('a', 10, 50), p('b', 0, 40)] }, { passages: [p('c', 5, 30), p('d', 5, 30)] }];
    const fresh = [{ passages: [p('a', 12, 48), p('b', 0, 40), p('n', 100, 140)] }];
    const merged = mergeArticleGroups(kept, 'n', fresh);
    expect(merged).toHaveLength(2);
    expect(merged).toContainEqual({ passages: [p('c', 5, 30), p('d', 5, 30)] });
    expect(merged).toContainEqual({ passages: [p('a', 10, 50), p('a', 12, 48), p('b', 0, 40), p('n', 100, 140)] });
  });

  it('takes out the article’s earlier passages first (a new version), dropping a group left with one article', () => {
    const kept = [{ passages: [p('n', 0, 20), p('b', 0, 20)] }, { passages: [p('n', 50, 90), p('c', 1, 41), p('d', 1, 41)] }];
    expect(mergeArticleGroups(kept, 'n', [])).toEqual([{ passages: [p('c', 1, 41), p('d', 1, 41)] }]);
  });

  it('adds a group of its own when it overlaps nothing kept', () => {
    const kept = [{ passages: [p('a', 0, 10), p('b', 0, 10)] }];
    expect(mergeArticleGroups(kept, 'n', [{ passages: [p('n', 0, 30), p('e', 3, 33)] }])).toEqual([...kept, { passages: [p('e', 3, 33), p('n', 0, 30)] }]);
  });
});
