/**
 * Draws annotations over the article as ProseMirror decorations (standoff:
 * the document itself is never touched). The layer's input is the highlight
 * specs, which annotation is active (its panel is open) and which one is
 * flashing; callers change it with `setAnnotationHighlights` (the plugin
 * machinery is standoffLayerPlugin's).
 */
import { PluginKey, type Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node } from '@tiptap/pm/model';
import type { HighlightSpec } from './annotationDecorations';
import { setLayerInput, standoffLayerPlugin, type LayerState } from './standoffLayerPlugin';

export interface AnnotationHighlights {
  specs: readonly HighlightSpec[];
  activeId: string | null;
  flashId: string | null;
}

type PluginState = LayerState<AnnotationHighlights>;

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
  return standoffLayerPlugin<AnnotationHighlights>(annotationPluginKey, { specs: [], activeId: null, flashId: null }, build);
}

/** Replaces any of the highlight inputs; the rest stay as they were. */
export function setAnnotationHighlights(
  view: Pick<EditorView, 'state' | 'dispatch'>,
  change: Partial<AnnotationHighlights>,
): void {
  setLayerInput(view, annotationPluginKey, change);
}
