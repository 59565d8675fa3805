/**
 * The machinery every decoration layer over the article text shares
 * (annotations, suggestions, shared passages): the layer's input lives in the
 * plugin state with the DecorationSet built from it; a transaction meta
 * replaces part of the input and rebuilds the set (or, given `patch`, changes
 * only what changed in the previous set); any other transaction only maps it. Standoff: the document is never touched, and the editor is never
 * re-created to redraw.
 */
import { Plugin, type EditorState, type PluginKey, type Transaction } from '@tiptap/pm/state';
import { DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node } from '@tiptap/pm/model';

export type LayerState<I> = I & { decorations: DecorationSet };

export function standoffLayerPlugin<I extends object>(
  key: PluginKey<LayerState<I>>,
  initial: I,
  build: (doc: Node, input: I) => DecorationSet,
  patch?: (doc: Node, prev: LayerState<I>, input: I) => DecorationSet,
): Plugin<LayerState<I>> {
  return new Plugin<LayerState<I>>({
    key,
    state: {
      // Drawn with the first state, so an editor made with its input renders the text once, decorated.
      init: (_config, state) => ({ ...initial, decorations: build(state.doc, initial) }),
      apply(tr: Transaction, prev: LayerState<I>, _old: EditorState, next: EditorState): LayerState<I> {
        const meta = tr.getMeta(key) as Partial<I> | undefined;
        if (meta) {
          const input = { ...prev, ...meta } as LayerState<I>;
          return { ...input, decorations: patch ? patch(next.doc, prev, input) : build(next.doc, input) };
        }
        return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations,
    },
  });
}

/** Replaces part of a layer's input (kept out of the undo history). */
export function setLayerInput<I>(
  view: Pick<EditorView, 'state' | 'dispatch'>,
  key: PluginKey<LayerState<I>>,
  change: Partial<I>,
): void {
  view.dispatch(view.state.tr.setMeta(key, change).setMeta('addToHistory', false));
}
