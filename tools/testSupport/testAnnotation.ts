/**
 * Test support for agreement, adjudication and coder layers: an annotation
 * with what such tests vary (id, article, coder, tag, span) and plain
 * defaults for the rest (text 'x', no note, attributes or context, a fixed
 * date). Any other field can be given too.
 */
import type { Annotation } from '../../src/shared/model/model';

export type TestAnnotationFields = Pick<Annotation, 'id' | 'articleId' | 'creator' | 'tagId' | 'start' | 'end'> & Partial<Annotation>;

export function testAnnotation(fields: TestAnnotationFields): Annotation {
  return {
    exact: 'x',
    prefix: '',
    suffix: '',
    note: '',
    attributes: {},
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}
