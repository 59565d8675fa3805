/**
 * Draws annotations over the article as ProseMirror decorations (standoff:
 * the document itself is never touched). The layer's input is the highlight
 * specs, which annotation is active (its panel is open) and which one is
 * flashing; callers change it with `setAnnotationHighlights` (the plugin
 * machinery is standoffLayerPlugin's). A change touches only the highlights
 * that differ (one annotation added to 2,000: one decoration added, the
 * set and the drawn text elsewhere left as they were); a change to most of
 * them rebuilds the set.
 *
 * Only the highlights within `window` (document positions around what is on
 * screen, kept up to date by annotationWindowPlugin) are drawn: an article
 * with 2,000 annotations is thousands of nested spans, which the browser
 * would lay out and paint whether they are in view or not.
 */
import { PluginKey, type Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node } from '@tiptap/pm/model';
import type { HighlightSpec } from './annotationDecorations';
import { setLayerInput, standoffLayerPlugin, type LayerState } from '../standoffLayerPlugin';

/** Document positions; a highlight overlapping it is drawn. */
export interface PositionWindow {
  from: number;
  to: number;
}

export interface AnnotationHighlights {
  specs: readonly HighlightSpec[];
  activeId: string | null;
  flashId: string | null;
  /** Null: every highlight is drawn. */
  window: PositionWindow | null;
}

type PluginState = LayerState<AnnotationHighlights>;

export const annotationPluginKey = new PluginKey<PluginState>('triAnnotations');

function classOf(s: HighlightSpec, h: AnnotationHighlights): string {
  let cls = s.attrs.class;
  if (s.annotationId === h.activeId) cls += ' tri-hl--active';
  if (s.annotationId === h.flashId) cls += ' tri-hl--flash';
  return cls;
}

function decoration(s: HighlightSpec, h: AnnotationHighlights, max: number): Decoration | null {
  const from = Math.max(0, Math.min(s.from, max));
  const to = Math.max(0, Math.min(s.to, max));
  if (from >= to) return null;
  return Decoration.inline(from, to, { ...s.attrs, class: classOf(s, h) }, { annotationId: s.annotationId });
}

const inWindow = (s: HighlightSpec, w: PositionWindow | null): boolean => w === null || (s.from < w.to && s.to > w.from);

function build(doc: Node, h: AnnotationHighlights): DecorationSet {
  const max = doc.content.size;
  const decorations: Decoration[] = [];
  for (const s of h.specs) {
    const d = inWindow(s, h.window) ? decoration(s, h, max) : null;
    if (d) decorations.push(d);
  }
  return DecorationSet.create(doc, decorations);
}

/** Everything a highlight draws, as one string: equal strings, equal decorations. */
function drawnAs(s: HighlightSpec, h: AnnotationHighlights): string {
  const a = s.attrs;
  return `${s.from}:${s.to}:${classOf(s, h)}:${a.style}:${a['data-tag']}:${a['data-depth']}:${a['data-group-ids'] ?? ''}`;
}

/** Beyond this share of changed highlights, building the set afresh is as quick. */
const PATCH_LIMIT = 0.25;

function patch(doc: Node, prev: PluginState, next: AnnotationHighlights): DecorationSet {
  const before = new Map<string, string>();
  for (const s of prev.specs) if (inWindow(s, prev.window)) before.set(s.annotationId, drawnAs(s, prev));
  const kept = new Set<string>();
  const added: HighlightSpec[] = [];
  for (const s of next.specs) {
    if (!inWindow(s, next.window)) continue;
    if (before.get(s.annotationId) === drawnAs(s, next)) kept.add(s.annotationId);
    else added.push(s);
  }
  const removed = before.size - kept.size;
  if (removed + added.length > Math.max(8, (kept.size + added.length) * PATCH_LIMIT)) return build(doc, next);
  let set = prev.decorations;
  if (removed > 0) set = set.remove(set.find(undefined, undefined, (spec: { annotationId?: string }) => !kept.has(spec.annotationId ?? '')));
  const max = doc.content.size;
  const fresh = added.map((s) => decoration(s, next, max)).filter((d): d is Decoration => d !== null);
  return fresh.length > 0 ? set.add(doc, fresh) : set;
}

/** `initial`: highlights to draw from the start (the editor then renders the text once, decorated). */
export function annotationPlugin(initial: Partial<AnnotationHighlights> = {}): Plugin<PluginState> {
  return standoffLayerPlugin<AnnotationHighlights>(
    annotationPluginKey,
    { specs: [], activeId: null, flashId: null, window: null, ...initial },
    build,
    patch,
  );
}

/** Replaces any of the highlight inputs; the rest stay as they were. */
export function setAnnotationHighlights(
  view: Pick<EditorView, 'state' | 'dispatch'>,
  change: Partial<AnnotationHighlights>,
): void {
  setLayerInput(view, annotationPluginKey, change);
}
