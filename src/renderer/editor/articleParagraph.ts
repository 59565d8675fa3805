/**
 * The reader's paragraph node: Tiptap's Paragraph, plus a `tri-empty` class on
 * paragraphs standing for empty lines so the stylesheet can fold them into a
 * small gap instead of a full blank line. Each paragraph takes its direction
 * from its own first letters (`dir="auto"`), so an Arabic, Hebrew or Persian
 * article reads right to left with its punctuation and quote marks in place.
 */
import { mergeAttributes } from '@tiptap/core';
import Paragraph from '@tiptap/extension-paragraph';

export const ArticleParagraph = Paragraph.extend({
  renderHTML({ node, HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { dir: 'auto' }, node.childCount === 0 ? { class: 'tri-empty' } : {}), 0];
  },
});
