import { describe, it, expect } from 'vitest';
import type { Group } from '../../shared/crossArticle/crossArticle';
import { groupsByAnnotation } from './groupsByAnnotation';

const group = (id: string, members: [string, string][]): Group => ({
  id,
  label: id,
  members: members.map(([articleId, annotationId]) => ({ articleId, annotationId })),
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
});

describe('groupsByAnnotation', () => {
  it('lists the groups of each annotation of the article, ignoring other articles', () => {
    const map = groupsByAnnotation(
      [
        group('g1', [['a', 'x'], ['b', 'y']]),
        group('g2', [['a', 'x'], ['a', 'z'], ['a', 'x']]),
      ],
      'a',
    );
    expect(Object.fromEntries(map)).toEqual({ x: ['g1', 'g2'], z: ['g2'] });
    expect(groupsByAnnotation([group('g1', [['b', 'y']])], 'a').size).toBe(0);
  });
});
