import { describe, it, expect } from 'vitest';
import { Node, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { articleDoc } from './articleDoc';
import { markLayer, type LayerSpec } from './markLayer';
import { readOnlyPlugin } from './readOnly/readOnlyPlugin';

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const layer = markLayer('testLayer', 'is-active');
const spec = (key: string, from: number, to: number): LayerSpec => ({
  key,
  from,
  to,
  attrs: { nodeName: 'span', class: 'mark', 'data-key': key },
});

function start() {
  return EditorState.create({
    doc: Node.fromJSON(schema, articleDoc('Boris Bondarev quit.\nHe said “never”.')),
    plugins: [readOnlyPlugin(), layer.plugin()],
  });
}
const decorations = (s: EditorState): Decoration[] =>
  layer.key.getState(s)!.decorations.find().sort((x, y) => x.from - y.from);
const attrs = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
const apply = (s: EditorState, change: object) => s.apply(s.tr.setMeta(layer.key, change));

describe('markLayer', () => {
  it('draws one decoration per spec over its text, leaving the text alone', () => {
    const s0 = start();
    const s1 = apply(s0, { specs: [spec('a', 1, 6), spec('b', 31, 38)] });
    expect(s1.doc.eq(s0.doc)).toBe(true);
    expect(decorations(s1).map((d) => [attrs(d)['data-key'], s1.doc.textBetween(d.from, d.to)])).toEqual([
      ['a', 'Boris'],
      ['b', '“never”'],
    ]);
  });

  it('adds the active class to every range of the active key, and takes it off again', () => {
    const s1 = apply(start(), { specs: [spec('a', 1, 6), spec('b', 7, 15), spec('a', 31, 38)], activeKey: 'a' });
    expect(decorations(s1).map((d) => attrs(d).class)).toEqual(['mark is-active', 'mark', 'mark is-active']);
    const s2 = apply(s1, { activeKey: null });
    expect(decorations(s2).map((d) => attrs(d).class)).toEqual(['mark', 'mark', 'mark']);
    expect(layer.get(s2)?.specs).toHaveLength(3);
  });

  it('keeps its decorations through selection changes and clips ranges past the end', () => {
    const s1 = apply(start(), { specs: [spec('a', 1, 6), spec('z', 31, 999)] });
    const s2 = s1.apply(s1.tr.setSelection(TextSelection.create(s1.doc, 3, 8)));
    expect(decorations(s2)).toHaveLength(2);
    expect(decorations(s2)[1]!.to).toBe(s2.doc.content.size);
  });
});
