/**
 * What article and annotation ids may look like, as plain checks: the page's
 * first script (the URL fragment, the library request) uses them without
 * loading the schemas; model.ts builds its schemas from the same rules.
 */

export const ARTICLE_ID_MAX = 200;
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const ARTICLE_ID_MESSAGE = 'article ids are letters, digits, "_", "-" and "."';
export const ANNOTATION_ID_MAX = 100;

export function isArticleId(id: string): boolean {
  return id.length >= 1 && id.length <= ARTICLE_ID_MAX && ARTICLE_ID_PATTERN.test(id);
}

export function isAnnotationId(id: string): boolean {
  return id.length >= 1 && id.length <= ANNOTATION_ID_MAX;
}
