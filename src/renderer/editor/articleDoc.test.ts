import { describe, it, expect } from 'vitest';
import { Node, Schema } from '@tiptap/pm/model';
import { offsetToPos, posToOffset, textBlocks } from '../../shared/anchoring/textBlocks';
import { articleDoc } from './articleDoc';

// The same three node types the reader's editor uses (Document, Paragraph, Text).
const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {},
  },
});

const TEXT = 'Headline “quoted”\n\nFirst paragraph, with an emoji 🙂 in it.\nSecond line.\n';

describe('articleDoc', () => {
  const doc = Node.fromJSON(schema, articleDoc(TEXT));

  it('makes one paragraph per line, empty lines included', () => {
    expect(doc.childCount).toBe(TEXT.split('\n').length);
    expect(doc.child(1).content.size).toBe(0);
    expect(doc.child(4).content.size).toBe(0);
    expect(doc.child(2).textContent).toBe('First paragraph, with an emoji 🙂 in it.');
  });

  it('lines up with textBlocks: every text range reads back the same through positions', () => {
    const blocks = textBlocks(TEXT);
    for (let start = 0; start < TEXT.length; start++) {
      for (const end of [start + 1, start + 5, TEXT.length]) {
        if (end > TEXT.length) continue;
        const read = doc.textBetween(offsetToPos(blocks, start), offsetToPos(blocks, end), '\n');
        expect(read).toBe(TEXT.slice(start, end));
      }
    }
  });

  it('maps every offset to a position and back to the same offset', () => {
    const blocks = textBlocks(TEXT);
    for (let offset = 0; offset <= TEXT.length; offset++) {
      expect(posToOffset(blocks, offsetToPos(blocks, offset))).toBe(offset);
    }
  });

  it('builds a document for an empty article', () => {
    const empty = Node.fromJSON(schema, articleDoc(''));
    expect(empty.childCount).toBe(1);
    expect(empty.textContent).toBe('');
  });
});
