/** Whether two references point at the same annotation. */
import type { AnnotationRef } from './crossArticle';

export function sameAnnotationRef(a: AnnotationRef, b: AnnotationRef): boolean {
  return a.articleId === b.articleId && a.annotationId === b.annotationId;
}
