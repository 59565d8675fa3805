import { describe, it, expect } from 'vitest';
import { Node, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { articleDoc } from '../articleDoc';
import { readOnlyPlugin } from './readOnlyPlugin';

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const TEXT = 'First line.\nSecond line.';

function state() {
  return EditorState.create({ doc: Node.fromJSON(schema, articleDoc(TEXT)), plugins: [readOnlyPlugin()] });
}

describe('readOnlyPlugin', () => {
  it('drops typing, deleting and splitting: the article text stays the same', () => {
    const s = state();
    const edits = [
      s.tr.insertText('x', 3),
      s.tr.delete(2, 6),
      s.tr.split(4),
      s.tr.replaceWith(0, s.doc.content.size, schema.node('paragraph')),
    ];
    for (const tr of edits) expect(s.apply(tr).doc.textBetween(0, s.doc.content.size, '\n')).toBe(TEXT);
  });

  it('lets the selection move, so text can be selected with mouse and keyboard', () => {
    const s = state();
    const next = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 2, 9)));
    expect(next.selection.from).toBe(2);
    expect(next.selection.to).toBe(9);
    expect(next.doc.textBetween(next.selection.from, next.selection.to)).toBe('irst li');
  });
});
