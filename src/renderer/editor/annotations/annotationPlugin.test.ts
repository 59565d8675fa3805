import { describe, it, expect } from 'vitest';
import { Node, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { DEFAULT_CODEBOOK } from '../../../shared/model/model';
import { textBlocks } from '../../../shared/anchoring/textBlocks';
import { annotationDecorations } from './annotationDecorations';
import { annotationPlugin, annotationPluginKey } from './annotationPlugin';
import { articleDoc } from '../articleDoc';
import { readOnlyPlugin } from '../readOnly/readOnlyPlugin';

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

/** What a decoration draws, shared by its copies (find() copies decorations; their type stays the same object). */
const typeOf = (d: Decoration): unknown => (d as unknown as { type: unknown }).type;
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

  describe('with 2,000 annotations', () => {
    const words = Array.from({ length: 9000 }, (_, i) => `w${i % 97}`);
    const paragraphs: string[] = [];
    for (let i = 0; i < words.length; i += 90) paragraphs.push(words.slice(i, i + 90).join(' '));
    const BIG = paragraphs.join('\n');
    const bigBlocks = textBlocks(BIG);
    const wordStarts = [...BIG.matchAll(/\S+/g)].map((m) => m.index);
    const many = Array.from({ length: 2000 }, (_, k) => {
      const first = (k * 37) % (wordStarts.length - 5);
      return { id: `n${k}`, tagId: ['claim', 'quote', 'source'][k % 3]!, start: wordStarts[first]!, end: wordStarts[first + 1 + (k % 4)]! - 1 };
    });
    const bigState = (list: typeof many, extra: Record<string, unknown> = {}) => {
      const s0 = EditorState.create({ doc: Node.fromJSON(schema, articleDoc(BIG)), plugins: [annotationPlugin()] });
      return s0.apply(s0.tr.setMeta(annotationPluginKey, { specs: annotationDecorations(list, DEFAULT_CODEBOOK, bigBlocks), ...extra }));
    };
    const drawn = (s: EditorState) =>
      decorations(s)
        .map((d) => `${d.from}-${d.to} ${JSON.stringify(attrs(d))}`)
        .sort();

    it('adding one keeps every other highlight as it was (the set is patched, not rebuilt) and draws what a rebuild would', () => {
      const s1 = bigState(many);
      const added = { id: 'new', tagId: 'claim', start: wordStarts[4000]!, end: wordStarts[4003]! - 1 };
      const s2 = s1.apply(s1.tr.setMeta(annotationPluginKey, { specs: annotationDecorations([...many, added], DEFAULT_CODEBOOK, bigBlocks) }));
      expect(drawn(s2)).toEqual(drawn(bigState([...many, added])));
      const old = new Set(decorations(s1).map(typeOf));
      const fresh = decorations(s2).filter((d) => !old.has(typeOf(d)));
      // The new highlight, and those whose lane or nesting depth it changed; nothing else is made again.
      expect(fresh.map((d) => attrs(d)['data-annotation-id'])).toContain('new');
      expect(fresh.length).toBeLessThan(10);
    });

    it('draws only the highlights within the window, and the others when the window moves to them', () => {
      const all = bigState(many);
      const inside = (s: EditorState, from: number, to: number) => decorations(s).every((d) => d.from < to && d.to > from);
      const s1 = bigState(many, { window: { from: 0, to: 5_000 } });
      expect(decorations(s1).length).toBeGreaterThan(0);
      expect(decorations(s1).length).toBeLessThan(decorations(all).length / 4);
      expect(inside(s1, 0, 5_000)).toBe(true);
      const s2 = s1.apply(s1.tr.setMeta(annotationPluginKey, { window: { from: 20_000, to: 25_000 } }));
      expect(inside(s2, 20_000, 25_000)).toBe(true);
      const wanted = drawn(all).filter((line) => {
        const [from, to] = line.split(' ')[0]!.split('-').map(Number);
        return from! < 25_000 && to! > 20_000;
      });
      expect(drawn(s2)).toEqual(wanted);
    });

    it('opening a panel changes only the highlight that becomes active', () => {
      const s1 = bigState(many);
      const s2 = s1.apply(s1.tr.setMeta(annotationPluginKey, { activeId: 'n7' }));
      const old = new Set(decorations(s1).map(typeOf));
      const fresh = decorations(s2).filter((d) => !old.has(typeOf(d)));
      expect(fresh.map((d) => [attrs(d)['data-annotation-id'], attrs(d).class])).toEqual([['n7', 'tri-hl tri-hl--quote tri-hl--active']]);
      expect(drawn(s2)).toEqual(drawn(bigState(many, { activeId: 'n7' })));
    });
  });
});
