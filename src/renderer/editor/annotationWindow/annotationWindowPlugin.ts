/**
 * Keeps the annotation layer's window (see annotationPlugin) around what is
 * on screen: the positions in view, plus as many again above and below (at
 * least MIN_SPAN), measured when the text is first laid out, resized or
 * scrolled (once per frame). The window moves only when the view comes
 * within half a span of its edge, so scrolling redraws highlights about
 * once a screen, ahead of where the reader is going.
 */
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { annotationPluginKey, setAnnotationHighlights, type PositionWindow } from '../annotations/annotationPlugin';

/** Positions drawn on each side of the view, at the least (about a screenful of text). */
export const MIN_SPAN = 4000;

/** The window an editor starts with, before it is on screen: the top of the text. */
export const INITIAL_WINDOW: PositionWindow = { from: 0, to: 3 * MIN_SPAN };

/** The nearest ancestor that scrolls (null: the page itself). */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return node;
  }
  return null;
}

/** The document positions on screen, or null when the text is not laid out or not in view. */
function visiblePositions(view: EditorView, scroller: HTMLElement | null): PositionWindow | null {
  const text = view.dom.getBoundingClientRect();
  if (text.height === 0) return null;
  const port = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  const top = Math.max(port.top, text.top);
  const bottom = Math.min(port.bottom, text.bottom);
  if (bottom <= top) return null;
  const left = text.left + Math.min(8, text.width / 2);
  const from = view.posAtCoords({ left, top: top + 1 })?.pos ?? 0;
  const to = view.posAtCoords({ left: text.right - 1, top: bottom - 1 })?.pos ?? view.state.doc.content.size;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** The window for positions in view; null when the current one still covers them with room to spare. */
export function nextWindow(current: PositionWindow | null, visible: PositionWindow, docSize: number): PositionWindow | null {
  const span = Math.max(visible.to - visible.from, MIN_SPAN);
  const wanted = { from: Math.max(0, visible.from - span), to: Math.min(docSize, visible.to + span) };
  if (current === null) return wanted;
  const roomAbove = visible.from - current.from;
  const roomBelow = current.to - visible.to;
  const enough = (room: number, atEdge: boolean) => atEdge || room >= span / 2;
  return enough(roomAbove, current.from === 0) && enough(roomBelow, current.to >= docSize) ? null : wanted;
}

export function annotationWindowPlugin(): Plugin {
  return new Plugin({
    view(view) {
      let frame = 0;
      let scroller: HTMLElement | null = null;
      let listening: HTMLElement | Window | null = null;
      const measure = () => {
        frame = 0;
        if (!view.dom.isConnected) return;
        const parent = scrollParent(view.dom);
        const target = parent ?? window;
        if (listening !== target) {
          listening?.removeEventListener('scroll', schedule);
          target.addEventListener('scroll', schedule, { passive: true });
          listening = target;
        }
        scroller = parent;
        const visible = visiblePositions(view, scroller);
        if (!visible) return;
        const layer = annotationPluginKey.getState(view.state);
        const next = nextWindow(layer?.window ?? null, visible, view.state.doc.content.size);
        if (next) setAnnotationHighlights(view, { window: next });
      };
      function schedule() {
        if (!frame) frame = requestAnimationFrame(measure);
      }
      // Fires once the text is laid out, and whenever its size changes (a narrower column, a longer text).
      const resize = new ResizeObserver(schedule);
      resize.observe(view.dom);
      return {
        destroy() {
          if (frame) cancelAnimationFrame(frame);
          resize.disconnect();
          listening?.removeEventListener('scroll', schedule);
        },
      };
    },
  });
}
