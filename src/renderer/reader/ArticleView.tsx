/**
 * One article, ready to annotate: title, the text with highlights, pending
 * suggestions and (side by side) shared passages, the selection toolbar, the
 * open annotation's or suggestion's panel, the suggestions block and the
 * annotation list. The reader shows one (variant "reader", title as h1);
 * side by side shows one per column (variant "column": a region named after
 * the title, title as h2). Every change goes through the API and then into
 * the shown lists.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { createPortal } from 'react-dom';
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';
import type { Annotation, AttributeValue, Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { AnnotationConnections, QUOTE_TAG } from './annotations/AnnotationConnections';
import { AnnotationList } from './annotations/AnnotationList';
import { AnnotationPanel } from './annotations/AnnotationPanel';
import { ArticleDetails } from './ArticleDetails';
import { ArticleVersions } from './ArticleVersions';
import { ArticleText, type ArticleTextHandle } from './ArticleText';
import { useCrossLinksContext } from '../data/crossLinksContext';
import { groupsByAnnotation } from '../data/groupsByAnnotation';
import type { ArticlePassage } from '../editor/sharedPassages/passagesByArticle';
import { PERF_MARKS, markNow } from '../app/perfMarks';
import { useReportError } from '../app/reportErrorContext';
import type { TextRange } from './selectionRange';
import { suggestionAfterDecision } from './suggestions/suggestionNavigation';
import { SuggestionPanel } from './suggestions/SuggestionPanel';
import { SuggestionSummary } from './suggestions/SuggestionSummary';
import { useArticleData } from './useArticleData';
import { useCoder } from '../data/coderContext';
import { coderBadges, coderLayerAnnotations, type CoderLayer } from '../components/coderLayers';
import { CoderLayerSelect } from '../components/CoderLayerSelect';
import { LoadFailed } from '../components/LoadFailed';
import { useArticleNavigation } from './useArticleNavigation';
import { useSuggestions, type Decision } from './suggestions/useSuggestions';
import { useSpeakerNames } from '../data/useSpeakerNames';
import { formatCount } from '../components/formatCount';

export interface ArticleViewHandle {
  /** Annotations made for this article elsewhere (accepting a shared passage): show them. */
  addAnnotations(list: readonly Annotation[]): void;
  /** Scrolls the text so the range is in the middle of the column. */
  showRange(start: number, end: number): void;
  /** Where the article quotes someone: pending quote suggestions and Quote annotations. */
  quoteRanges(): TextRange[];
  /** Puts the keyboard focus back into the text. */
  focusText(): void;
  /** The text's scrolling box and where each offset's line starts in its content (synchronised scrolling). */
  scrollPlace(offsets: readonly number[]): { scroller: HTMLElement; tops: (number | null)[] } | null;
}

export interface ArticleViewProps {
  articleId: string;
  codebook: readonly Tag[];
  variant: 'reader' | 'column';
  /** Shown (and used to name the column) until the article has loaded. */
  initialTitle?: string;
  /** Open at this annotation once loaded: scroll to it, flash it, open its panel. */
  focusAnnotationId?: string;
  /** Opened from a corpus search: mark the query's hits and show the one at `at`. */
  search?: { query: string; at: number };
  /** Side by side: this article's shared passages (empty while hidden) and the selected one. */
  alignment?: {
    passages: readonly ArticlePassage[];
    selectedGroupId: string | null;
    onSelectGroup: (groupId: string, articleId: string, viaKeyboard: boolean) => void;
  };
  /** Side by side: annotations picked for linking across columns. */
  linking?: {
    picked: readonly AnnotationRef[];
    onPick: (annotation: Annotation, on: boolean) => void;
  };
  /** Side by side: the view's layer toggles (suggestions, group outlines, whose annotations) instead of the column's own. */
  layers?: { suggestions: boolean; groups: boolean; coder?: CoderLayer };
  /**
   * Side by side: the view's one drawer. The column's panels (the open
   * annotation or suggestion, the suggestions block, the annotation list) are
   * drawn into `target` while this column is the active one, and not at all
   * otherwise, so every column keeps its height for the text. Focusing the
   * column or opening one of its panels makes it the active one.
   */
  drawer?: {
    target: HTMLElement | null;
    active: boolean;
    /** `reveal`: a panel was opened, so show the drawer if it is folded to its rail. */
    onActivate: (articleId: string, reveal: boolean) => void;
  };
  ref?: Ref<ArticleViewHandle>;
}

interface PanelState {
  ids: string[];
  selectedId: string;
  takeFocus: boolean;
}

const NO_PASSAGES: readonly ArticlePassage[] = [];
const NO_GROUPS = new Map<string, string[]>();

export function ArticleView(props: ArticleViewProps) {
  const { articleId, codebook, variant, initialTitle, focusAnnotationId, alignment, linking, layers, drawer, ref } = props;
  const activateDrawer = drawer?.onActivate;
  const activate = useCallback((reveal: boolean) => activateDrawer?.(articleId, reveal), [activateDrawer, articleId]);
  const reportError = useReportError();
  const links = useCrossLinksContext();
  const { article, annotations, status, updateAnnotations, replaceMeta, retry } = useArticleData(articleId);
  const pending = useSuggestions(articleId);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [ownShowSuggestions, setShowSuggestions] = useState(true);
  const showSuggestions = layers ? layers.suggestions : ownShowSuggestions;
  const showGroups = layers ? layers.groups : true;
  const [suggestionId, setSuggestionId] = useState<string | null>(null);
  const [decisionMessage, setDecisionMessage] = useState('');
  const textRef = useRef<ArticleTextHandle>(null);

  // Coder layers (issue 16): whose annotations the text and the list show; each coder's highlights told apart.
  const me = useCoder();
  const [ownCoderLayer, setCoderLayer] = useState<CoderLayer>('all');
  const coderLayer = layers?.coder ?? ownCoderLayer;
  const creators = useMemo(() => [...new Set(annotations.map((a) => a.creator))].sort(), [annotations]);
  const shownAnnotations = useMemo(() => coderLayerAnnotations(annotations, coderLayer, me?.name ?? null), [annotations, coderLayer, me]);
  const coders = useMemo(() => coderBadges(creators, me), [creators, me]);

  const byId = new Map(annotations.map((a) => [a.id, a]));
  const candidates = panel ? panel.ids.map((id) => byId.get(id)).filter((a): a is Annotation => !!a) : [];
  const selected = panel ? (byId.get(panel.selectedId) ?? candidates[0] ?? null) : null;
  const shownSuggestions = showSuggestions ? pending.suggestions : [];
  const suggestion = shownSuggestions.find((s) => s.id === suggestionId) ?? null;
  // The people index's names, for changing the speaker on a card (fetched once a card is open).
  const speakerNames = useSpeakerNames(suggestion !== null || panel !== null);

  const { groups, focusGroupId, setFocusGroup } = links;
  const picked = linking?.picked;
  const marks = useMemo(
    () => ({
      groupIds: showGroups ? groupsByAnnotation(groups, articleId) : NO_GROUPS,
      focusGroupId: showGroups ? focusGroupId : null,
      pickedIds: new Set((picked ?? []).filter((r) => r.articleId === articleId).map((r) => r.annotationId)),
      coders,
    }),
    [groups, articleId, focusGroupId, picked, showGroups, coders],
  );

  const addAnnotations = useCallback(
    (made: readonly Annotation[]) => {
      if (made.length === 0) return;
      const ids = new Set(made.map((a) => a.id));
      updateAnnotations((list) => [...list.filter((a) => !ids.has(a.id)), ...made]);
    },
    [updateAnnotations],
  );

  const latest = useRef({ annotations, suggestions: pending.suggestions });
  latest.current = { annotations, suggestions: pending.suggestions };
  const reloadSuggestions = pending.reload;
  useImperativeHandle(
    ref,
    () => ({
      addAnnotations(list) {
        addAnnotations(list);
        reloadSuggestions();
      },
      showRange(start, end) {
        textRef.current?.showRange(start, end);
      },
      quoteRanges() {
        const { annotations: anns, suggestions } = latest.current;
        return [...suggestions, ...anns].filter((r) => r.tagId === QUOTE_TAG).map((r) => ({ start: r.start, end: r.end }));
      },
      focusText() {
        textRef.current?.focus();
      },
      scrollPlace(offsets) {
        return textRef.current?.scrollPlace(offsets) ?? null;
      },
    }),
    [addAnnotations, reloadSuggestions],
  );

  const replace = useCallback(
    (updated: Annotation) => updateAnnotations((list) => list.map((a) => (a.id === updated.id ? updated : a))),
    [updateAnnotations],
  );

  const onTag = useCallback(
    async (tagId: string, range: TextRange) => {
      try {
        const made = await getApi().createAnnotation({ articleId, tagId, start: range.start, end: range.end });
        markNow(PERF_MARKS.annotationSaved);
        updateAnnotations((list) => [...list.filter((a) => a.id !== made.id), made]);
        return made;
      } catch (err) {
        reportError('Could not create the annotation', err);
        return null;
      }
    },
    [articleId, updateAnnotations, reportError],
  );

  const openPanel = useCallback(
    (next: PanelState) => {
      activate(true);
      setPanel(next);
      setSuggestionId(null);
      setFocusGroup(groupsByAnnotation(groups, articleId).get(next.selectedId)?.[0] ?? null);
    },
    [groups, articleId, setFocusGroup, activate],
  );

  const onOpen = useCallback(
    (ids: string[], preferredId: string, viaKeyboard: boolean) => openPanel({ ids, selectedId: preferredId, takeFocus: viaKeyboard }),
    [openPanel],
  );

  const closePanel = useCallback(() => {
    setPanel(null);
    textRef.current?.focus();
  }, []);

  const onEscape = useCallback(() => {
    if (panel) {
      setPanel(null);
      return true;
    }
    if (suggestionId) {
      setSuggestionId(null);
      return true;
    }
    return false;
  }, [panel, suggestionId]);

  const selectGroup = alignment?.onSelectGroup;
  const onAlignGroup = useCallback(
    (groupId: string, viaKeyboard: boolean) => selectGroup?.(groupId, articleId, viaKeyboard),
    [selectGroup, articleId],
  );

  const onSuggestion = useCallback(
    (id: string) => {
      activate(true);
      setPanel(null);
      setSuggestionId(id);
    },
    [activate],
  );

  const decide = async (decision: Decision, ids: readonly string[] | 'all', speaker?: string) => {
    const count = ids === 'all' ? pending.suggestions.length : ids.length;
    const created = await pending.decide(decision, ids, speaker);
    if (created === null) return;
    addAnnotations(created);
    // Accepting a source or the quote it credits links the two in the core.
    if (decision === 'accept' && created.length > 0) links.reload();
    setDecisionMessage(`${decision === 'accept' ? 'Accepted' : 'Rejected'} ${formatCount(count, 'suggestion')}.`);
  };

  const decideSelected = (decision: Decision, speaker?: string) => {
    if (!suggestion) return;
    const next = suggestionAfterDecision(shownSuggestions, [suggestion.id], suggestion.id);
    const target = shownSuggestions.find((s) => s.id === next);
    setSuggestionId(next);
    if (target) textRef.current?.showRange(target.start, target.end, { caret: true });
    void decide(decision, [suggestion.id], speaker);
  };

  const decideAll = (decision: Decision) => {
    setSuggestionId(null);
    void decide(decision, 'all');
  };

  const onRetag = async (id: string, tagId: string) => {
    try {
      replace(await getApi().updateAnnotation({ articleId, id, tagId }));
    } catch (err) {
      reportError('Could not change the tag', err);
    }
  };

  const onSaveNote = async (id: string, note: string) => {
    try {
      replace(await getApi().updateAnnotation({ articleId, id, note }));
    } catch (err) {
      reportError('Could not save the note', err);
      throw err;
    }
  };

  const onSaveAttributes = async (id: string, attributes: Record<string, AttributeValue>) => {
    try {
      replace(await getApi().updateAnnotation({ articleId, id, attributes }));
    } catch (err) {
      reportError('Could not save the attributes', err);
      throw err;
    }
  };

  const onDelete = async (id: string) => {
    try {
      await getApi().deleteAnnotation({ articleId, id });
    } catch (err) {
      reportError('Could not delete the annotation', err);
      return;
    }
    updateAnnotations((list) => list.filter((a) => a.id !== id));
    // The core drops a deleted annotation from its groups and credits, and
    // its suggestion (if it came from one) may be offered again.
    links.reload();
    pending.reload();
    const rest = panel?.ids.filter((x) => x !== id) ?? [];
    if (rest.length > 0) setPanel({ ids: rest, selectedId: rest[rest.length - 1]!, takeFocus: true });
    else closePanel();
  };

  const onPick = (id: string) => {
    textRef.current?.reveal(id);
    openPanel({ ids: [id], selectedId: id, takeFocus: false });
  };

  // j / k, search hits, and showing what an undo changed (issue 4).
  const rootRef = useRef<HTMLElement | null>(null);
  const drawerTarget = drawer?.active ? drawer.target : null;
  const sideRef = useRef<HTMLElement | null>(null);
  sideRef.current = drawerTarget;
  const nav = useArticleNavigation({
    articleId,
    variant,
    rootRef,
    sideRef,
    annotations: shownAnnotations,
    activeId: selected?.id ?? null,
    search: props.search,
    textRef,
    ready: status === 'ready',
    onPick,
  });

  // Opened at one annotation (from the coverage matrix): show it once it is here.
  const shownFocus = useRef<string | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  useEffect(() => {
    if (status !== 'ready' || !focusAnnotationId || shownFocus.current === focusAnnotationId) return;
    if (!annotations.some((a) => a.id === focusAnnotationId)) return;
    shownFocus.current = focusAnnotationId;
    onPickRef.current(focusAnnotationId);
  }, [status, focusAnnotationId, annotations]);

  const title = article?.title || initialTitle || articleId;
  const level = variant === 'reader' ? 1 : 2;
  const Title = variant === 'reader' ? 'h1' : 'h2';
  const meta = article ? [article.outlet, article.date, article.author].filter(Boolean).join(' · ') : '';

  const head = (
    <header className="article-head">
      <Title className="article-head__title" dir="auto">
        {title}
      </Title>
      <div className="article-head__row">
        {meta ? (
          <p className="article-head__meta" dir="auto">
            {meta}
          </p>
        ) : null}
        {layers ? null : (
          <button
            type="button"
            className="toggle-button"
            aria-pressed={showSuggestions}
            onClick={() => {
              setShowSuggestions((on) => !on);
              setSuggestionId(null);
            }}
          >
            Show suggestions
          </button>
        )}
        {variant === 'reader' && (creators.length > 1 || coderLayer !== 'all') ? (
          <CoderLayerSelect value={coderLayer} onChange={setCoderLayer} coders={creators} me={me?.name ?? null} />
        ) : null}
      </div>
      {variant === 'reader' && article ? <ArticleDetails key={article.id} article={article} onSaved={replaceMeta} /> : null}
      {variant === 'reader' && article?.versions ? <ArticleVersions key={article.id} article={article} codebook={codebook} /> : null}
    </header>
  );

  let body: ReactNode;
  if (status === 'ready' && article) {
    body = (
      <ArticleText
        key={article.id}
        ref={textRef}
        text={article.text}
        codebook={codebook}
        annotations={shownAnnotations}
        activeId={selected?.id ?? null}
        onTag={onTag}
        onOpen={onOpen}
        onEscape={onEscape}
        suggestions={shownSuggestions}
        activeSuggestionId={suggestion?.id ?? null}
        passages={alignment?.passages ?? NO_PASSAGES}
        activeAlignGroupId={alignment?.selectedGroupId ?? null}
        marks={marks}
        onSuggestion={onSuggestion}
        onDecide={decideSelected}
        onAlignGroup={onAlignGroup}
        searchHits={nav.hits}
        activeHit={nav.activeHit}
      />
    );
  } else if (status === 'failed') {
    body = (
      <LoadFailed message="This article could not be opened." onRetry={retry} className="article-failed" />
    );
  } else {
    body = (
      <p className="loading" role="status">
        Loading the article…
      </p>
    );
  }

  const subLevel = level === 1 ? 2 : 3;
  let open: ReactNode = null;
  if (panel && selected) {
    const isPicked = !!linking?.picked.some((r) => r.articleId === articleId && r.annotationId === selected.id);
    open = (
      <AnnotationPanel
        candidates={candidates}
        selected={selected}
        codebook={codebook}
        level={subLevel}
        takeFocus={panel.takeFocus}
        onSelect={(id) => openPanel({ ...panel, selectedId: id, takeFocus: false })}
        onRetag={(id, tagId) => void onRetag(id, tagId)}
        onSaveNote={onSaveNote}
        onSaveAttributes={onSaveAttributes}
        onDelete={onDelete}
        onClose={closePanel}
        speakerNames={speakerNames}
        connections={
          <AnnotationConnections
            annotation={selected}
            annotations={annotations}
            linking={linking ? { picked: isPicked, onPick: (on) => linking.onPick(selected, on) } : undefined}
          />
        }
      />
    );
  } else if (suggestion) {
    const position = shownSuggestions.indexOf(suggestion) + 1;
    open = (
      <SuggestionPanel
        suggestion={suggestion}
        position={position}
        total={shownSuggestions.length}
        credits={suggestion.credits ? (pending.suggestions.find((s) => s.id === suggestion.credits) ?? null) : null}
        codebook={codebook}
        level={subLevel}
        onAccept={(speaker) => decideSelected('accept', speaker)}
        onReject={() => decideSelected('reject')}
        speakerNames={speakerNames}
        onClose={() => {
          setSuggestionId(null);
          textRef.current?.focus();
        }}
      />
    );
  }

  const side = (
    <div className="article-side">
      {open}
      {status === 'ready' && showSuggestions && pending.status === 'ready' ? (
        <SuggestionSummary
          count={pending.suggestions.length}
          compact={variant === 'column'}
          level={subLevel}
          message={decisionMessage}
          onAcceptAll={() => decideAll('accept')}
          onRejectAll={() => decideAll('reject')}
        />
      ) : null}
      {status === 'ready' ? (
        <AnnotationList
          annotations={shownAnnotations}
          codebook={codebook}
          activeId={selected?.id ?? null}
          level={subLevel}
          context={variant === 'column' ? title : undefined}
          onPick={onPick}
        />
      ) : null}
    </div>
  );

  if (variant === 'reader') {
    return (
      <div className="article-view article-view--reader" ref={(el) => void (rootRef.current = el)}>
        <div className="article-scroll" data-scroll-container>
          <article className="article-body">
            {head}
            {nav.hitsBar}
            {body}
          </article>
        </div>
        {side}
      </div>
    );
  }
  let columnSide: ReactNode = side;
  if (drawer) columnSide = drawerTarget ? createPortal(side, drawerTarget) : null;
  return (
    <section
      className={`article-view article-view--column${drawer ? ' article-view--drawer' : ''}${drawer?.active ? ' article-view--active' : ''}`}
      aria-label={title}
      ref={(el) => void (rootRef.current = el)}
      onFocus={() => activate(false)}
    >
      {head}
      <div className="article-scroll" data-scroll-container>
        <div className="article-body">{body}</div>
      </div>
      {columnSide}
    </section>
  );
}
