import { describe, expect, it } from 'vitest';
import type { Group, SourceLink } from './crossArticle';
import { withoutAnnotation } from './withoutAnnotation';

const ref = (articleId: string, annotationId: string) => ({ articleId, annotationId });
const group = (id: string, ...members: ReturnType<typeof ref>[]): Group => ({ id, label: id, members, created: 't0', modified: 't0' });
const link = (id: string, quote: ReturnType<typeof ref>, source: ReturnType<typeof ref>): SourceLink => ({ id, quote, source, created: 't0' });

describe('withoutAnnotation', () => {
  const groups = [group('g1', ref('a', 'x'), ref('b', 'y')), group('g2', ref('a', 'x')), group('g3', ref('b', 'x'))];
  const sourceLinks = [link('l1', ref('a', 'x'), ref('a', 's')), link('l2', ref('a', 'q'), ref('a', 'x')), link('l3', ref('b', 'x'), ref('b', 's'))];

  it('takes the annotation out of every group and link, deletes emptied groups and stamps the changed ones', () => {
    const result = withoutAnnotation({ groups, sourceLinks }, ref('a', 'x'), 't1');
    expect(result.changed).toBe(true);
    expect(result.groups).toEqual([{ ...groups[0], members: [ref('b', 'y')], modified: 't1' }, groups[2]]);
    expect(result.sourceLinks.map((l) => l.id)).toEqual(['l3']);
  });

  it('changes nothing for an annotation no group or link mentions', () => {
    const result = withoutAnnotation({ groups, sourceLinks }, ref('c', 'x'), 't1');
    expect(result).toEqual({ changed: false, groups, sourceLinks });
  });
});
