/**
 * The editor document for an article's canonical text: one paragraph per
 * line, an empty paragraph for an empty line. This is exactly the structure
 * `textBlocks` (src/shared/anchoring/textBlocks.ts) assumes when it converts offsets to
 * ProseMirror positions, so the two must change together.
 */
import type { JSONContent } from '@tiptap/core';

export function articleDoc(text: string): JSONContent {
  return {
    type: 'doc',
    content: text.split('\n').map((line) =>
      line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] },
    ),
  };
}
