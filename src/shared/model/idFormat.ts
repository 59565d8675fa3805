/**
 * What ids may look like, as plain checks: the page's first script (the URL
 * fragment, the library request) uses them without loading the schemas;
 * model.ts builds its schemas from the same rules. One rule for every id a
 * user or a file can bring in (articles, annotations, tags, attributes,
 * groups, links): 1 to max characters from a safe set (letters, digits, "_",
 * "-", "." and, except in article ids, which name files, ":"), and never a
 * name JavaScript objects carry themselves (`__proto__`, `constructor`,
 * `prototype`), so no id can reach an object's prototype when used as a key.
 */

export const ARTICLE_ID_MAX = 200;
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const ARTICLE_ID_MESSAGE = 'article ids are letters, digits, "_", "-" and "."';
export const ANNOTATION_ID_MAX = 100;
export const TAG_ID_MAX = 64;

/** The characters of every other id. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
export const ID_MESSAGE = 'ids are letters, digits, "_", "-", "." and ":"';

/** Names no id may have: they are properties every JavaScript object has. */
export const RESERVED_IDS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
export const RESERVED_ID_MESSAGE = `an id may not be ${RESERVED_IDS.map((n) => `"${n}"`).join(', ')}`;

export function isReservedId(id: string): boolean {
  return RESERVED_IDS.includes(id);
}

/** An id of at most `max` characters from the safe set, not a reserved name. */
export function isSafeId(id: string, max: number): boolean {
  return id.length >= 1 && id.length <= max && ID_PATTERN.test(id) && !isReservedId(id);
}

export function isArticleId(id: string): boolean {
  return id.length >= 1 && id.length <= ARTICLE_ID_MAX && ARTICLE_ID_PATTERN.test(id) && !isReservedId(id);
}

export function isAnnotationId(id: string): boolean {
  return isSafeId(id, ANNOTATION_ID_MAX);
}
