import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../model/model';
import { prettyJsonElement } from '../prettyJsonParts';
import { prettyW3CAnnotation } from './prettyW3CAnnotation';
import { toW3CAnnotation } from './w3cExport';

const base: Annotation = {
  id: 'n1',
  articleId: 'a1',
  tagId: 'quote',
  start: 0,
  end: 12,
  exact: 'He said “no”',
  prefix: '',
  suffix: ' and\nleft\t"quietly" \\ é 😀 \u2028',
  note: 'line one\r\nline "two"',
  attributes: {},
  creator: 'Zoë',
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-02T00:00:00.000Z',
};

describe('prettyW3CAnnotation', () => {
  it('writes exactly what JSON.stringify with two spaces writes, whatever the strings and attribute values', () => {
    const variants: Annotation[] = [
      base,
      { ...base, attributes: { speaker: 'Ana "A." Ortiz', count: -3.5, direct: true, off: false } },
      { ...base, note: '', creator: '', exact: '</script>', start: 123_456, end: 123_460 },
      { ...base, exact: 'lone \ud83d half, then a pair 😀', prefix: 'bell\u0007 nul\u0000', suffix: 'plain words', note: 'back\\slash', creator: '\udc00' },
    ];
    for (const annotation of variants) {
      const item = toW3CAnnotation(annotation, { id: 'a1', title: 'Tïtle "x"', hash: 'abc' }, 'Quote');
      for (const index of [0, 7]) expect(prettyW3CAnnotation(item, index)).toBe(prettyJsonElement(item, index));
    }
  });

  it('leaves out the attributes when the item has none at all, as JSON.stringify does', () => {
    const item = toW3CAnnotation(base, { id: 'a1', title: 'T', hash: 'h' }, 'Quote');
    delete item['triangulate:attributes'];
    expect(prettyW3CAnnotation(item, 1)).toBe(prettyJsonElement(item, 1));
  });
});
