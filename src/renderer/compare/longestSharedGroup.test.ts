import { describe, expect, it } from 'vitest';
import { longestSharedGroup } from './longestSharedGroup';

const p = (article: string, start: number, end: number) => ({ article, start, end, exact: 'x'.repeat(end - start) });

describe('longestSharedGroup', () => {
  it('takes the group covering the most text among those reaching every article', () => {
    const groups = [
      { id: 'a0', passages: [p('A', 0, 50), p('B', 10, 60)] },
      { id: 'a1', passages: [p('A', 100, 400), p('C', 0, 300)] },
      { id: 'a2', passages: [p('A', 500, 620), p('B', 200, 320)] },
    ];
    expect(longestSharedGroup(groups, ['A', 'B'])?.id).toBe('a2');
    expect(longestSharedGroup(groups, ['B', 'C'])).toBeNull();
  });

  it('breaks a tie by where the passage starts in the first article', () => {
    const groups = [
      { id: 'late', passages: [p('A', 300, 340), p('B', 0, 40)] },
      { id: 'early', passages: [p('A', 10, 50), p('B', 100, 140)] },
    ];
    expect(longestSharedGroup(groups, ['A', 'B'])?.id).toBe('early');
  });
});
