/**
 * Draws annotations over the article as ProseMirror decorations (standoff:
 * the document itself is never touched). The plugin's state holds the
 * highlight specs, which annotation is active (its panel is open) and which
 * one is flashing, plus the DecorationSet built from them. Callers change it
 * with a transaction meta (`setAnnotationHighlights`); otherwise the set is
 * just mapped through each transaction, so the editor is never re-created.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node } from '@tiptap/pm/model';
import type { HighlightSpec } from './annotationDecorations';

export interface AnnotationHighlights {
  specs: readonly HighlightSpec[];
  activeId: string | null;
  flashId: string | null;
}

interface PluginState extends AnnotationHighlights {
  decorations: DecorationSet;
}

export const annotationPluginKey = new PluginKey<PluginState>('triAnnotations');

function build(doc: Node, h: AnnotationHighlights): DecorationSet {
  const max = doc.content.size;
  const decorations: Decoration[] = [];
  for (const s of h.specs) {
    const from = Math.max(0, Math.min(s.from, max));
    const to = Math.max(0, Math.min(s.to, max));
    if (from >= to) continue;
    let cls = s.attrs.class;
    if (s.annotationId === h.activeId) cls += ' tri-hl--active';
    if (s.annotationId === h.flashId) cls += ' tri-hl--flash';
    decorations.push(Decoration.inline(from, to, { ...s.attrs, class: cls }, { annotationId: s.annotationId }));
  }
  return DecorationSet.create(doc, decorations);
}

export function annotationPlugin(): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: annotationPluginKey,
    state: {
      init: () => ({ specs: [], activeId: null, flashId: null, decorations: DecorationSet.empty }),
      apply(tr: Transaction, prev: PluginState, _old: EditorState, next: EditorState): PluginState {
        const meta = tr.getMeta(annotationPluginKey) as Partial<AnnotationHighlights> | undefined;
        if (meta) {
          const h = { specs: prev.specs, activeId: prev.activeId, flashId: prev.flashId, ...meta };
          return { ...h, decorations: build(next.doc, h) };
        }
        return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
      },
    },
    props: {
      decorations: (state) => annotationPluginKey.getState(state)?.decorations,
    },
  });
}

/** Replaces any of the highlight inputs; the rest stay as they were. */
export function setAnnotationHighlights(
  view: Pick<EditorView, 'state' | 'dispatch'>,
  change: Partial<AnnotationHighlights>,
): void {
  view.dispatch(view.state.tr.setMeta(annotationPluginKey, change).setMeta('addToHistory', false));
}
