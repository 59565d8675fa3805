/**
 * One article's text in a read-only Tiptap editor, with its annotations drawn
 * as highlights, the floating "Tag selection" toolbar, and the keys:
 * 1–9 tag the selection with the tag of that key, Enter opens the
 * annotation(s) at the caret, Escape closes the panel or drops the selection.
 * Clicking a highlight opens it. All data changes go through the callbacks;
 * this component only shows and reports.
 */
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent } from '@tiptap/react';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type Ref,
} from 'react';
import type { Annotation, Tag } from '../shared/model';
import { offsetToPos, posToOffset, textBlocks } from '../shared/textBlocks';
import { annotationDecorations } from './annotationDecorations';
import { setAnnotationHighlights } from './annotationPlugin';
import { annotationsAtOffset } from './annotationsAtOffset';
import { SelectionToolbar } from './SelectionToolbar';
import { selectionRange, type TextRange } from './selectionRange';
import { useArticleEditor, type ArticleEditorHandlers } from './useArticleEditor';

/** How long a highlight flashes after being picked in the list. */
export const FLASH_MS = 1200;

export interface ArticleTextHandle {
  /** Scrolls the annotation's highlight into view and flashes it. */
  reveal(annotationId: string): void;
  /** Puts the keyboard focus back into the text (keeping the caret). */
  focus(): void;
}

export interface ArticleTextProps {
  text: string;
  codebook: readonly Tag[];
  annotations: readonly Annotation[];
  /** The annotation whose panel is open; outlined in the text. */
  activeId: string | null;
  /** Creates an annotation; resolves true when it was made. */
  onTag: (tagId: string, range: TextRange) => Promise<boolean>;
  /** The user asked to see these annotations (outermost first), `preferredId` first. */
  onOpen: (ids: string[], preferredId: string, viaKeyboard: boolean) => void;
  /** Escape in the text; returns true when it closed something. */
  onEscape: () => boolean;
  ref?: Ref<ArticleTextHandle>;
}

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function ArticleText({ text, codebook, annotations, activeId, onTag, onOpen, onEscape, ref }: ArticleTextProps) {
  const blocks = useMemo(() => textBlocks(text), [text]);
  const specs = useMemo(() => annotationDecorations(annotations, codebook, blocks), [annotations, codebook, blocks]);
  const handlers = useRef<ArticleEditorHandlers>({ keyDown: () => false, click: () => false, mouseDown: () => {} });
  const editor = useArticleEditor(text, handlers);

  const wrapRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [busy, setBusy] = useState(false);
  const [selection, setSelection] = useState<{ from: number; to: number } | null>(null);
  const [focusWithin, setFocusWithin] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [toolbarStyle, setToolbarStyle] = useState<CSSProperties>({ visibility: 'hidden' });

  // Highlights follow the annotation list and the open panel; the editor stays.
  useEffect(() => {
    if (!editor.isDestroyed) setAnnotationHighlights(editor.view, { specs, activeId });
  }, [editor, specs, activeId]);

  // Track the selection that the toolbar would tag (null: nothing taggable).
  useEffect(() => {
    const sync = () => {
      const { from, to, empty } = editor.state.selection;
      const taggable = !empty && selectionRange(text, blocks, from, to) !== null;
      setSelection((prev) => (!taggable ? null : prev && prev.from === from && prev.to === to ? prev : { from, to }));
    };
    sync();
    editor.on('selectionUpdate', sync);
    return () => {
      editor.off('selectionUpdate', sync);
    };
  }, [editor, text, blocks]);

  // While the mouse button is down the selection is still being made.
  useEffect(() => {
    if (!dragging) return;
    const up = () => setDragging(false);
    document.addEventListener('mouseup', up);
    return () => document.removeEventListener('mouseup', up);
  }, [dragging]);

  useEffect(
    () => () => {
      if (flashTimer.current) clearTimeout(flashTimer.current);
    },
    [],
  );

  const showToolbar = selection !== null && focusWithin && !dragging && codebook.length > 0;

  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    const bar = toolbarRef.current;
    if (!showToolbar || !wrap || !bar || editor.isDestroyed) return;
    const place = () => {
      const view = editor.view;
      const start = view.coordsAtPos(selection.from, 1);
      const end = view.coordsAtPos(selection.to, -1);
      const box = wrap.getBoundingClientRect();
      const scroller = wrap.closest('[data-scroll-container]')?.getBoundingClientRect();
      const visibleTop = Math.max(scroller?.top ?? 0, 0);
      const gap = 8;
      let top = start.top - box.top - bar.offsetHeight - gap;
      if (start.top - bar.offsetHeight - gap < visibleTop) top = end.bottom - box.top + gap;
      const oneLine = Math.abs(start.top - end.top) < 2;
      const anchor = oneLine ? (start.left + end.left) / 2 - bar.offsetWidth / 2 : start.left;
      const left = Math.max(0, Math.min(anchor - box.left, wrap.clientWidth - bar.offsetWidth));
      setToolbarStyle({ top, left });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [showToolbar, selection, editor]);

  const tagSelection = async (tagId: string) => {
    if (busyRef.current || editor.isDestroyed) return;
    const { from, to } = editor.state.selection;
    const range = selectionRange(text, blocks, from, to);
    if (!range) return;
    busyRef.current = true;
    setBusy(true);
    try {
      const made = await onTag(tagId, range);
      if (made && !editor.isDestroyed) editor.chain().focus().setTextSelection(offsetToPos(blocks, range.end)).run();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  handlers.current = {
    keyDown(view, event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
      if (/^[1-9]$/.test(event.key)) {
        const tag = codebook.find((t) => t.key === Number(event.key));
        if (tag) void tagSelection(tag.id);
        return true;
      }
      if (event.key === 'Enter') {
        const here = annotationsAtOffset(annotations, posToOffset(blocks, view.state.selection.head));
        const innermost = here[here.length - 1];
        if (innermost) onOpen(here.map((a) => a.id), innermost.id, true);
        return true;
      }
      if (event.key === 'Escape') {
        if (onEscape()) return true;
        if (!view.state.selection.empty) {
          editor.commands.setTextSelection(view.state.selection.head);
          return true;
        }
      }
      return false;
    },
    click(view, pos, event) {
      if (event.shiftKey || event.button !== 0) return false;
      const ids: string[] = [];
      for (let el = event.target as Element | null; el && el !== view.dom; el = el.parentElement) {
        const id = el.getAttribute('data-annotation-id');
        if (id && !ids.includes(id)) ids.push(id);
      }
      const innermost = ids[0];
      if (!innermost) return false;
      // Put the caret where the user clicked now: opening the panel redraws
      // the highlight, and the browser's own caret could be lost with it.
      view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
      const outerFirst = annotations.filter((a) => ids.includes(a.id)).sort((a, b) => a.start - b.start || b.end - a.end);
      onOpen(outerFirst.map((a) => a.id), innermost, false);
      return true;
    },
    mouseDown(_view, event) {
      if (event.button === 0) setDragging(true);
    },
  };

  useImperativeHandle(
    ref,
    () => ({
      reveal(annotationId) {
        if (editor.isDestroyed) return;
        const el = editor.view.dom.querySelector(`[data-annotation-id="${CSS.escape(annotationId)}"]`);
        el?.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
        setAnnotationHighlights(editor.view, { flashId: annotationId });
        if (flashTimer.current) clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => {
          if (!editor.isDestroyed) setAnnotationHighlights(editor.view, { flashId: null });
        }, FLASH_MS);
      },
      focus() {
        if (!editor.isDestroyed) editor.commands.focus(undefined, { scrollIntoView: false });
      },
    }),
    [editor],
  );

  const onFocus = () => setFocusWithin(true);
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
  };

  return (
    <div className="article-text" ref={wrapRef} onFocus={onFocus} onBlur={onBlur}>
      <EditorContent editor={editor} />
      {showToolbar ? (
        <SelectionToolbar
          ref={toolbarRef}
          tags={codebook}
          style={toolbarStyle}
          busy={busy}
          onTag={(tagId) => void tagSelection(tagId)}
          onEscape={() => editor.commands.focus(undefined, { scrollIntoView: false })}
        />
      ) : null}
    </div>
  );
}
