/** Whether two annotation references point at the same annotation. */
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';

export function sameRef(a: AnnotationRef, b: AnnotationRef): boolean {
  return a.articleId === b.articleId && a.annotationId === b.annotationId;
}
