/**
 * Shows a passage as highlighted while its annotation is being saved: a few
 * boxes over the text, one per line, drawn in a layer of their own on top of
 * it. Nothing in the text changes (no redraw of the article, no selection
 * update), so the highlight is on screen in the next frame; the saved
 * annotation's own highlight replaces it. Returns the function that removes
 * it.
 */
import type { EditorView } from '@tiptap/pm/view';
import { HIGHLIGHT_ALPHA } from '../annotations/annotationDecorations';
import { tagTint } from '../../components/tagTint';

export function drawSavingHighlight(layer: HTMLElement, view: EditorView, from: number, to: number, color: string): () => void {
  const start = view.domAtPos(from);
  const end = view.domAtPos(to);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const origin = layer.getBoundingClientRect();
  const boxes: HTMLElement[] = [];
  for (const line of lineBoxes(range.getClientRects())) {
    const box = document.createElement('div');
    box.className = 'tri-saving';
    box.style.cssText = `left: ${line.left - origin.left}px; top: ${line.top - origin.top}px; width: ${line.right - line.left}px; height: ${line.bottom - line.top}px; background-color: ${tagTint(color, HIGHLIGHT_ALPHA)}; --tri-tag: ${color}`;
    boxes.push(box);
  }
  layer.append(...boxes);
  return () => boxes.forEach((box) => box.remove());
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A range's client rects (one per text node and element it crosses) merged into one box per line. */
export function lineBoxes(rects: Iterable<Box>): Box[] {
  const lines: Box[] = [];
  for (const r of rects) {
    if (r.right - r.left < 0.5 || r.bottom - r.top < 0.5) continue;
    const line = lines.find((l) => r.top < l.bottom - 2 && r.bottom > l.top + 2);
    if (!line) lines.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    else {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    }
  }
  return lines;
}
