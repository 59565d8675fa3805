/**
 * One article's text in a read-only Tiptap editor, with its annotations drawn
 * as highlights, pending suggestions drawn dashed, passages shared with other
 * columns tinted, the floating "Tag selection" toolbar, and the keys:
 * 1–9 tag the selection with the tag of that key, Enter opens the
 * annotation(s) at the caret (else the suggestion there) and selects the
 * shared passage there, n / p select the next / previous suggestion, a / r
 * accept / reject the selected one, Escape closes the panel or drops the
 * selection. Clicking a highlight, a suggestion or a shared passage selects
 * it. All data changes go through the callbacks; this component only shows
 * and reports.
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
  type MouseEvent,
  type Ref,
} from 'react';
import type { Suggestion } from '../../shared/crossArticle/crossArticle';
import type { Annotation, Tag } from '../../shared/model/model';
import { offsetToPos, posToOffset, textBlocks } from '../../shared/anchoring/textBlocks';
import { alignmentDecorations } from '../editor/sharedPassages/alignmentDecorations';
import { annotationDecorations, type HighlightMarks, type HighlightSpec } from '../editor/annotations/annotationDecorations';
import { setAnnotationHighlights } from '../editor/annotations/annotationPlugin';
import { afterNextPaint } from '../components/afterNextPaint';
import { drawSavingHighlight } from '../editor/savingHighlight/drawSavingHighlight';
import { tagLookup } from '../data/tagLookup';
import { annotationsAtOffset } from './annotationsAtOffset';
import { alignmentLayer, searchLayer, suggestionLayer } from '../editor/markLayer';
import { searchHitDecorations } from '../editor/searchHits/searchHitDecorations';
import { shortcutFor } from '../app/keyboard/shortcuts';
import { stepSelection, type SelectionStep } from './wordStep';
import { PERF_MARKS, markAfterPaint, markNow, measureSince } from '../app/perfMarks';
import type { ArticlePassage } from '../editor/sharedPassages/passagesByArticle';
import { suggestionDecorations } from '../editor/suggestions/suggestionDecorations';
import { adjacentSuggestion } from './suggestions/suggestionNavigation';
import type { Decision } from './suggestions/useSuggestions';
import { SelectionToolbar } from './SelectionToolbar';
import { HighlightHoverCard, type HoverCardState } from './annotations/HighlightHoverCard';
import { selectionRange, type TextRange } from './selectionRange';
import { useArticleEditor, type ArticleEditorHandlers } from '../editor/useArticleEditor';

/** How long a highlight flashes after being picked in the list. */
export const FLASH_MS = 1200;

export interface ArticleTextHandle {
  /** Scrolls the annotation's highlight into view and flashes it. */
  reveal(annotationId: string): void;
  /** Puts the keyboard focus back into the text (keeping the caret). */
  focus(): void;
  /** Scrolls the text so the range is in the middle of its column; optionally puts the caret at its start. */
  showRange(start: number, end: number, options?: { caret?: boolean }): void;
  /** The text's scrolling box and where an offset's line starts inside its content (px from the content's top), for synchronised scrolling. */
  scrollPlace(offsets: readonly number[]): { scroller: HTMLElement; tops: (number | null)[] } | null;
}

export interface ArticleTextProps {
  text: string;
  codebook: readonly Tag[];
  annotations: readonly Annotation[];
  /** The annotation whose panel is open; outlined in the text. */
  activeId: string | null;
  /** Creates an annotation; resolves to it when it was made, else null. */
  onTag: (tagId: string, range: TextRange) => Promise<Annotation | null>;
  /** The user asked to see these annotations (outermost first), `preferredId` first. */
  onOpen: (ids: string[], preferredId: string, viaKeyboard: boolean) => void;
  /** Escape in the text; returns true when it closed something. */
  onEscape: () => boolean;
  /** Pending suggestions to draw, in text order (empty while they are hidden). */
  suggestions: readonly Suggestion[];
  activeSuggestionId: string | null;
  /** This article's passages shared with other columns (empty while hidden). */
  passages: readonly ArticlePassage[];
  activeAlignGroupId: string | null;
  /** Group membership, focused group and linking picks on the highlights. */
  marks: HighlightMarks;
  /** The user selected a suggestion (click, Enter, n or p). */
  onSuggestion: (id: string, viaKeyboard: boolean) => void;
  /** `a` or `r` with a suggestion selected. */
  onDecide: (decision: Decision) => void;
  /** The user selected a shared passage (click, or Enter: then it may take the focus). */
  onAlignGroup: (groupId: string, viaKeyboard: boolean) => void;
  /** Hits of a corpus search to mark (the reader opened from a search), and the index of the current one. */
  searchHits?: readonly TextRange[];
  activeHit?: number | null;
  ref?: Ref<ArticleTextHandle>;
}

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function ArticleText(props: ArticleTextProps) {
  const { text, codebook, annotations, activeId, onTag, onOpen, onEscape, ref } = props;
  const { suggestions, activeSuggestionId, passages, activeAlignGroupId, marks, onSuggestion, onDecide, onAlignGroup } = props;
  const blocks = useMemo(() => textBlocks(text), [text]);
  const blocksRef = useRef(blocks);
  blocksRef.current = blocks;
  const specs = useMemo(() => annotationDecorations(annotations, codebook, blocks, marks), [annotations, codebook, blocks, marks]);
  const suggestionSpecs = useMemo(() => suggestionDecorations(suggestions, codebook, blocks), [suggestions, codebook, blocks]);
  const passageSpecs = useMemo(() => alignmentDecorations(passages, blocks), [passages, blocks]);
  const { searchHits, activeHit } = props;
  const hitSpecs = useMemo(() => searchHitDecorations(searchHits ?? [], blocks), [searchHits, blocks]);
  const specsRef = useRef(specs);
  specsRef.current = specs;
  const savingLayerRef = useRef<HTMLDivElement>(null);
  /** The highlight drawn while an annotation is saved, and the saved annotation's id once known. */
  const saving = useRef<{ id: string | null; remove: () => void } | null>(null);
  /** Removes the highlight drawn while saving once the saved annotation is among `shown`. */
  const dropSaving = (shown: readonly HighlightSpec[]) => {
    const current = saving.current;
    if (!current?.id || !shown.some((s) => s.annotationId === current.id)) return;
    current.remove();
    saving.current = null;
  };
  const handlers = useRef<ArticleEditorHandlers>({ keyDown: () => false, click: () => false, mouseDown: () => {} });
  const editor = useArticleEditor(text, handlers, { specs, activeId });

  const wrapRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [busy, setBusy] = useState(false);
  const [selection, setSelection] = useState<{ from: number; to: number } | null>(null);
  const [focusWithin, setFocusWithin] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [toolbarStyle, setToolbarStyle] = useState<CSSProperties>({ visibility: 'hidden' });

  // Highlights follow the annotation list and the open panel; the editor stays. In the same commit
  // (a layout effect), so a new annotation shows in the list and the text in the same frame.
  useLayoutEffect(() => {
    if (editor.isDestroyed) return;
    const start = performance.now();
    setAnnotationHighlights(editor.view, { specs, activeId });
    // The highlight drawn while saving goes in the same frame as the saved annotation's comes.
    dropSaving(specs);
    measureSince(PERF_MARKS.highlightsUpdate, start);
    markAfterPaint(PERF_MARKS.highlightsDrawn, { annotations: annotations.length });
  }, [editor, specs, activeId, annotations.length]);

  useEffect(() => {
    if (!editor.isDestroyed) suggestionLayer.set(editor.view, { specs: suggestionSpecs, activeKey: activeSuggestionId });
  }, [editor, suggestionSpecs, activeSuggestionId]);

  useEffect(() => {
    if (!editor.isDestroyed) alignmentLayer.set(editor.view, { specs: passageSpecs, activeKey: activeAlignGroupId });
  }, [editor, passageSpecs, activeAlignGroupId]);

  useEffect(() => {
    if (!editor.isDestroyed) searchLayer.set(editor.view, { specs: hitSpecs, activeKey: activeHit == null ? null : String(activeHit) });
  }, [editor, hitSpecs, activeHit]);

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
    // Drawn at once, while the core saves it; the saved annotation's highlight takes its place
    // (or, when saving fails, it goes again and the error is shown).
    markNow(PERF_MARKS.tagRequested);
    const drawing = performance.now();
    saving.current?.remove();
    const layer = savingLayerRef.current;
    const remove = layer
      ? drawSavingHighlight(layer, editor.view, offsetToPos(blocks, range.start), offsetToPos(blocks, range.end), tagLookup(codebook, tagId).color)
      : () => {};
    saving.current = { id: null, remove };
    measureSince(PERF_MARKS.highlightsUpdate, drawing);
    markAfterPaint(PERF_MARKS.highlightsDrawn, { annotations: annotations.length + 1 });
    try {
      // The save starts once that frame is out, so that its work does not hold the frame back
      // (and so does the toolbar's greying out).
      await afterNextPaint();
      setBusy(true);
      const made = await onTag(tagId, range);
      if (made) {
        saving.current = { id: made.id, remove };
        dropSaving(specsRef.current);
      } else {
        remove();
        saving.current = null;
      }
      if (made && !editor.isDestroyed) editor.chain().focus().setTextSelection(offsetToPos(blocks, range.end)).run();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const showRange = (start: number, end: number, caret: boolean) => {
    if (editor.isDestroyed) return;
    const view = editor.view;
    const from = offsetToPos(blocks, start);
    if (caret) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(from))));
    const scroller = wrapRef.current?.closest<HTMLElement>('[data-scroll-container]');
    if (!scroller) return;
    const top = view.coordsAtPos(from, 1).top;
    const bottom = view.coordsAtPos(offsetToPos(blocks, end), -1).bottom;
    const box = scroller.getBoundingClientRect();
    const height = bottom - top;
    const offset = height > scroller.clientHeight * 0.8 ? 32 : (scroller.clientHeight - height) / 2;
    scroller.scrollTo({
      top: Math.max(0, scroller.scrollTop + top - box.top - offset),
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });
  };

  const showRangeRef = useRef(showRange);
  showRangeRef.current = showRange;
  const annotationsRef = useRef(annotations);
  annotationsRef.current = annotations;

  handlers.current = {
    keyDown(view, event) {
      // Alt+Shift+arrows move one edge of the selection by a word (see shortcuts.ts).
      const step = event.isComposing ? null : shortcutFor(event, ['extendEnd', 'shrinkEnd', 'extendStart', 'shrinkStart']);
      if (step) {
        const { from, to } = view.state.selection;
        const range = selectionRange(text, blocks, from, to) ?? { start: posToOffset(blocks, from), end: posToOffset(blocks, to) };
        const next = stepSelection(text, range, step as SelectionStep);
        if (next.start < next.end) editor.commands.setTextSelection({ from: offsetToPos(blocks, next.start), to: offsetToPos(blocks, next.end) });
        return true;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
      if (/^[1-9]$/.test(event.key)) {
        const tag = codebook.find((t) => t.key === Number(event.key));
        if (tag) void tagSelection(tag.id);
        return true;
      }
      if (event.key === 'n' || event.key === 'p') {
        const caret = posToOffset(blocks, view.state.selection.head);
        const id = adjacentSuggestion(suggestions, activeSuggestionId, caret, event.key === 'n' ? 'next' : 'previous');
        const target = suggestions.find((s) => s.id === id);
        if (target) {
          showRange(target.start, target.end, true);
          onSuggestion(target.id, true);
        }
        return true;
      }
      if (event.key === 'a' || event.key === 'r') {
        if (activeSuggestionId && suggestions.some((s) => s.id === activeSuggestionId)) onDecide(event.key === 'a' ? 'accept' : 'reject');
        return true;
      }
      if (event.key === 'Enter') {
        const offset = posToOffset(blocks, view.state.selection.head);
        const here = annotationsAtOffset(annotations, offset);
        const innermost = here[here.length - 1];
        const inside = <T extends { start: number; end: number }>(list: readonly T[]) =>
          list.filter((r) => r.start <= offset && offset < r.end).pop();
        const passage = inside(passages);
        // The annotation panel takes the focus when there is one here; else the shared passage may.
        if (passage) onAlignGroup(passage.groupId, !innermost);
        if (innermost) onOpen(here.map((a) => a.id), innermost.id, true);
        else {
          const suggestion = inside(suggestions);
          if (suggestion) onSuggestion(suggestion.id, true);
        }
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
      let suggestionId: string | null = null;
      let alignGroup: string | null = null;
      for (let el = event.target as Element | null; el && el !== view.dom; el = el.parentElement) {
        const id = el.getAttribute('data-annotation-id');
        if (id && !ids.includes(id)) ids.push(id);
        suggestionId ??= el.getAttribute('data-suggestion-id');
        alignGroup ??= el.getAttribute('data-align-group');
      }
      const innermost = ids[0];
      if (!innermost && !suggestionId && !alignGroup) return false;
      // Put the caret where the user clicked now: opening the panel redraws
      // the highlight, and the browser's own caret could be lost with it.
      view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
      if (alignGroup) onAlignGroup(alignGroup, false);
      if (innermost) {
        const outerFirst = annotations.filter((a) => ids.includes(a.id)).sort((a, b) => a.start - b.start || b.end - a.end);
        onOpen(outerFirst.map((a) => a.id), innermost, false);
      } else if (suggestionId) onSuggestion(suggestionId, false);
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
        if (el) el.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
        else {
          // Far from the view, so not drawn yet (see annotationWindowPlugin): scroll to where it is.
          const target = annotationsRef.current.find((a) => a.id === annotationId);
          if (target) showRangeRef.current(target.start, target.end, false);
        }
        setAnnotationHighlights(editor.view, { flashId: annotationId });
        if (flashTimer.current) clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => {
          if (!editor.isDestroyed) setAnnotationHighlights(editor.view, { flashId: null });
        }, FLASH_MS);
      },
      focus() {
        if (!editor.isDestroyed) editor.commands.focus(undefined, { scrollIntoView: false });
      },
      showRange(start, end, options) {
        showRangeRef.current(start, end, options?.caret ?? false);
      },
      scrollPlace(offsets) {
        const scroller = wrapRef.current?.closest<HTMLElement>('[data-scroll-container]');
        if (!scroller || editor.isDestroyed) return null;
        const view = editor.view;
        const base = scroller.getBoundingClientRect().top - scroller.scrollTop;
        const size = view.state.doc.content.size;
        const tops = offsets.map((offset) => {
          try {
            const pos = Math.min(offsetToPos(blocksRef.current, offset), size);
            return view.coordsAtPos(pos, 1).top - base;
          } catch {
            return null;
          }
        });
        return { scroller, tops };
      },
    }),
    [editor],
  );

  const onFocus = () => setFocusWithin(true);

  // The hover card: every annotation whose highlight is under the pointer (nested spans), innermost first.
  const [hoverCard, setHoverCard] = useState<HoverCardState | null>(null);
  const hoverKey = useRef('');
  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target.closest('[data-annotation-id]') : null;
    if (!target || dragging) {
      if (hoverKey.current) setHoverCard(null);
      hoverKey.current = '';
      return;
    }
    const ids: string[] = [];
    for (let el: Element | null = target; el && el !== event.currentTarget; el = el.parentElement) {
      const id = el.getAttribute('data-annotation-id');
      if (id && !ids.includes(id)) ids.push(id);
    }
    const key = ids.join(' ');
    if (key === hoverKey.current) return;
    hoverKey.current = key;
    const byId = new Map(annotationsRef.current.map((a) => [a.id, a]));
    const shown = ids.map((id) => byId.get(id)).filter((a): a is Annotation => !!a);
    const rects = target.getClientRects();
    const box = rects.length > 0 ? rects[0]! : target.getBoundingClientRect();
    const above = box.bottom > window.innerHeight * 0.6;
    const { left, right } = event.currentTarget.getBoundingClientRect();
    setHoverCard(shown.length > 0 ? { annotations: shown, left: box.left, column: { left, right }, top: above ? box.top - 6 : box.bottom + 6, above } : null);
  };
  const onMouseLeave = () => {
    hoverKey.current = '';
    setHoverCard(null);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
  };

  return (
    <div className="article-text" ref={wrapRef} onFocus={onFocus} onBlur={onBlur} onMouseOver={onMouseOver} onMouseLeave={onMouseLeave} onWheel={onMouseLeave}>
      <EditorContent editor={editor} />
      {hoverCard ? <HighlightHoverCard state={hoverCard} codebook={codebook} /> : null}
      <div className="tri-saving-layer" ref={savingLayerRef} aria-hidden="true" />
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
