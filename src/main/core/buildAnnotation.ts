/**
 * A new annotation over an article's canonical text, checked and shaped the
 * way every way of making one needs it (createAnnotation, accepted
 * suggestions, accepted alignments): the range must lie inside the text, is
 * trimmed of white space at either end, and carries its quote selector.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Annotation, AttributeValue } from '../../shared/model/model';
import { quoteSelector, trimRange } from '../../shared/anchoring/quoteSelector';
import { splitsSurrogatePair } from '../../shared/anchoring/surrogatePairs';

export interface AnnotationRequest {
  articleId: string;
  tagId: string;
  start: number;
  end: number;
  note?: string;
  /** Attribute values, already checked against the tag. */
  attributes?: Record<string, AttributeValue>;
}

export interface AnnotationStamp {
  id: string;
  creator: string;
  /** ISO timestamp: created and modified. */
  stamp: string;
}

/** The trimmed range a request would annotate; throws invalid_input when it is outside the text or only white space. */
export function annotationRange(text: string, request: Omit<AnnotationRequest, 'tagId' | 'note' | 'attributes'>): { start: number; end: number } {
  if (!(request.start >= 0 && request.start < request.end && request.end <= text.length)) {
    throw new ApiError(
      'invalid_input',
      `The selection ${request.start}–${request.end} is not inside the text of article "${request.articleId}" (${text.length} characters).`,
    );
  }
  // Refused, not snapped: the client asked for something else than any range we could store.
  for (const [which, offset] of [['starts', request.start], ['ends', request.end]] as const) {
    if (splitsSurrogatePair(text, offset)) {
      throw new ApiError(
        'invalid_input',
        `The selection ${request.start}–${request.end} ${which} inside a character of article "${request.articleId}" ` +
          `(offset ${offset} splits a character written with two UTF-16 code units, such as an emoji); offsets must fall between characters.`,
      );
    }
  }
  const range = trimRange(text, request.start, request.end);
  if (!range) throw new ApiError('invalid_input', 'The selection holds only white space.');
  return range;
}

export function buildAnnotation(text: string, request: AnnotationRequest, stamp: AnnotationStamp): Annotation {
  const range = annotationRange(text, request);
  return {
    id: stamp.id,
    articleId: request.articleId,
    tagId: request.tagId,
    start: range.start,
    end: range.end,
    ...quoteSelector(text, range.start, range.end),
    note: request.note ?? '',
    attributes: { ...(request.attributes ?? {}) },
    creator: stamp.creator,
    created: stamp.stamp,
    modified: stamp.stamp,
  };
}
