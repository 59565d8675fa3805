/**
 * What the core's services share: the stores, the clock, ids, the creator
 * and the lookups that turn a bad reference into a clear ApiError.
 * createCore builds one and hands it to each service.
 */
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';
import type { Annotation, ArticleMeta, Tag } from '../../shared/model/model';
import type { DataStore } from '../store/dataStore';
import type { LinkStore } from '../store/linkStore';

export interface CoreContext {
  store: DataStore;
  links: LinkStore;
  now(): Date;
  newId(): string;
  /** Creator of new annotations. */
  creator(): string;
  /** Throws once the core has been closed. */
  ensureOpen(): void;
  /** The article's metadata; not_found naming the id when there is none. */
  requireArticle(id: string): ArticleMeta;
  /** invalid_input naming the tag when the codebook has no such tag. */
  requireTag(tagId: string): Tag;
  /** The annotation a reference points at; not_found naming it when there is none. */
  requireAnnotation(ref: AnnotationRef): Promise<Annotation>;
}
