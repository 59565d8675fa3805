/**
 * A decoration layer over the article text that is not the annotations: the
 * pending suggestions or the passages shared with other articles. Like the
 * annotation plugin it is standoff (the document is never touched) and it
 * changes only through a transaction meta, so the editor is never
 * re-created. One spec per marked range; the spec whose `key` is the layer's
 * `activeKey` gets the layer's active class (the selected suggestion, the
 * selected alignment group).
 */
import { PluginKey, type EditorState, type Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node } from '@tiptap/pm/model';
import { setLayerInput, standoffLayerPlugin, type LayerState as LayerPluginState } from './standoffLayerPlugin';

export interface LayerSpec {
  /** What the range stands for (a suggestion id, an alignment group id). */
  key: string;
  /** ProseMirror positions. */
  from: number;
  to: number;
  /** Element attributes; `nodeName` keeps each range its own element. */
  attrs: { nodeName: 'span'; class: string } & Record<string, string>;
}

export interface LayerInput {
  specs: readonly LayerSpec[];
  activeKey: string | null;
}

type LayerState = LayerPluginState<LayerInput>;

export interface MarkLayer {
  key: PluginKey<LayerState>;
  /** A fresh plugin instance for one editor. */
  plugin(): Plugin<LayerState>;
  /** Replaces the specs and/or the active key; the rest stay as they were. */
  set(view: Pick<EditorView, 'state' | 'dispatch'>, change: Partial<LayerInput>): void;
  /** The layer's current input (for tests and for reading back the active key). */
  get(state: EditorState): LayerInput | undefined;
}

function build(doc: Node, input: LayerInput, activeClass: string): DecorationSet {
  const max = doc.content.size;
  const decorations: Decoration[] = [];
  for (const s of input.specs) {
    const from = Math.max(0, Math.min(s.from, max));
    const to = Math.max(0, Math.min(s.to, max));
    if (from >= to) continue;
    const cls = s.key === input.activeKey ? `${s.attrs.class} ${activeClass}` : s.attrs.class;
    decorations.push(Decoration.inline(from, to, { ...s.attrs, class: cls }, { key: s.key }));
  }
  return DecorationSet.create(doc, decorations);
}

export function markLayer(name: string, activeClass: string): MarkLayer {
  const key = new PluginKey<LayerState>(name);
  return {
    key,
    plugin: () => standoffLayerPlugin<LayerInput>(key, { specs: [], activeKey: null }, (doc, input) => build(doc, input, activeClass)),
    set: (view, change) => setLayerInput(view, key, change),
    get(state) {
      const s = key.getState(state);
      return s ? { specs: s.specs, activeKey: s.activeKey } : undefined;
    },
  };
}

/** Pending suggestions: dashed outline in the tag colour. */
export const suggestionLayer = markLayer('triSuggestions', 'tri-sg--active');
/** Passages shared with other columns: a subtle tint and left rule. */
export const alignmentLayer = markLayer('triAlignment', 'tri-al--selected');
/** Hits of a corpus search in the reader: a yellow mark; the current one stronger. */
export const searchLayer = markLayer('triSearch', 'tri-hit--current');
