import { describe, it, expect } from 'vitest';
import { Node, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { DEFAULT_CODEBOOK } from '../shared/model';
import { textBlocks } from '../shared/textBlocks';
import { annotationDecorations } from './annotationDecorations';
import { annotationPlugin, annotationPluginKey } from './annotationPlugin';
import { articleDoc } from './articleDoc';
import { readOnlyPlugin } from './readOnlyPlugin';

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const TEXT = 'Boris Bondarev quit.\nHe said “never”.';
const blocks = textBlocks(TEXT);
const specs = annotationDecorations(
  [
    { id: 'a', tagId: 'source', start: 0, end: 14 },
    { id: 'b', tagId: 'quote', start: 29, end: 36 },
  ],
  DEFAULT_CODEBOOK,
  blocks,
);

function start() {
  return EditorState.create({
    doc: Node.fromJSON(schema, articleDoc(TEXT)),
    plugins: [readOnlyPlugin(), annotationPlugin()],
  });
}

function decorations(state: EditorState): Decoration[] {
  return annotationPluginKey.getState(state)!.decorations.find();
}

const attrs = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;

describe('annotationPlugin', () => {
  it('shows nothing until it is given annotations', () => {
    expect(decorations(start())).toEqual([]);
  });

  it('draws one highlight per annotation, where its text is, without touching the text', () => {
    const s0 = start();
    const s1 = s0.apply(s0.tr.setMeta(annotationPluginKey, { specs }));
    expect(s1.doc.eq(s0.doc)).toBe(true);
    const found = decorations(s1).map((d) => [attrs(d)['data-annotation-id'], s1.doc.textBetween(d.from, d.to)]);
    expect(found).toEqual([
      ['a', 'Boris Bondarev'],
      ['b', '“never”'],
    ]);
  });

  it('marks the active and the flashing annotation, and can clear them again', () => {
    const s0 = start();
    const s1 = s0.apply(s0.tr.setMeta(annotationPluginKey, { specs, activeId: 'b', flashId: 'a' }));
    const cls = (s: EditorState) => Object.fromEntries(decorations(s).map((d) => [attrs(d)['data-annotation-id'], attrs(d).class]));
    expect(cls(s1)).toEqual({ a: 'tri-hl tri-hl--source tri-hl--flash', b: 'tri-hl tri-hl--quote tri-hl--active' });
    const s2 = s1.apply(s1.tr.setMeta(annotationPluginKey, { flashId: null }));
    expect(cls(s2)).toEqual({ a: 'tri-hl tri-hl--source', b: 'tri-hl tri-hl--quote tri-hl--active' });
  });

  it('keeps the highlights when only the selection changes', () => {
    const s0 = start();
    const s1 = s0.apply(s0.tr.setMeta(annotationPluginKey, { specs }));
    const s2 = s1.apply(s1.tr.setSelection(TextSelection.create(s1.doc, 3, 8)));
    expect(decorations(s2).length).toBe(2);
  });

  it('replaces the highlights when the annotation list changes (a deleted one disappears)', () => {
    const s0 = start();
    const s1 = s0.apply(s0.tr.setMeta(annotationPluginKey, { specs }));
    const s2 = s1.apply(s1.tr.setMeta(annotationPluginKey, { specs: specs.slice(1) }));
    expect(decorations(s2).map((d) => attrs(d)['data-annotation-id'])).toEqual(['b']);
  });
});
