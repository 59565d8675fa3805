/**
 * Two to six articles next to each other, one full reader per column (its
 * own highlights, suggestions, toolbar and keys); each column's text scrolls
 * on its own and takes the whole height under the bar, columns keep a
 * readable width and scroll sideways beyond it. Above them: "Show shared
 * passages" (the passages the columns share, found in the background and
 * tinted in every column) and the linking bar for making a group of
 * annotations picked in different columns. On the right, one drawer: the
 * selected shared passage's panel, then the panels of the active column
 * (the one last focused or opened: its open annotation or suggestion, its
 * suggestions block and annotation list); it folds to a slim rail.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';
import type { Annotation, ArticleSummary, Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { ArticleView, type ArticleViewHandle } from '../reader';
import { useCrossLinksContext } from '../data/crossLinksContext';
import { defaultAlignmentTag } from './defaultAlignmentTag';
import { LinkingBar } from './LinkingBar';
import { passagesByArticle, type ArticlePassage } from '../editor/sharedPassages/passagesByArticle';
import { useReportError } from '../app/reportErrorContext';
import { sameRef } from '../data/sameRef';
import { SharedPassagePanel } from './SharedPassagePanel';
import { useAlignment } from './useAlignment';
import { useCompareLayers } from './useCompareLayers';
import { useCoder } from '../data/coderContext';
import { CoderLayerSelect } from '../components/CoderLayerSelect';
import type { CoderLayer } from '../components/coderLayers';
import { useSyncedScrolling } from './useSyncedScrolling';
import { useOpenAtShared } from './useOpenAtShared';
import { formatCount } from '../components/formatCount';

export interface SideBySideViewProps {
  articleIds: readonly string[];
  /** Library rows, for the column names while the articles load. */
  summaries: readonly ArticleSummary[] | null;
  codebook: readonly Tag[];
  /** Open at the articles' longest shared passage: selected, and every column scrolled to it (from who copies whom). */
  openAtShared?: boolean;
}

interface Picked extends AnnotationRef {
  exact: string;
}

const NO_PASSAGES: readonly ArticlePassage[] = [];

export function SideBySideView({ articleIds, summaries, codebook, openAtShared }: SideBySideViewProps) {
  const reportError = useReportError();
  const links = useCrossLinksContext();
  const alignment = useAlignment(articleIds);
  const [layers, toggleLayer] = useCompareLayers();
  const showShared = layers.sharedPassages;
  // Whose annotations every column shows (issue 16), as the reader's choice: all, mine, one coder's, only disagreements.
  const me = useCoder();
  const [coderLayer, setCoderLayer] = useState<CoderLayer>('all');
  const [coderNames, setCoderNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    getApi()
      .listCoders({ articles: false }) // Only the names: not every article each coder annotated.
      .then(
        (list) => live && setCoderNames(list.map((c) => c.name).sort()),
        () => undefined, // Without the list the choice offers only all, mine and the disagreements.
      );
    return () => {
      live = false;
    };
  }, [articleIds]);
  const columnLayers = useMemo(
    () => ({ suggestions: layers.suggestions, groups: layers.groups, coder: coderLayer }),
    [layers.suggestions, layers.groups, coderLayer],
  );
  const [selection, setSelection] = useState<{ groupId: string; fromArticle: string; takeFocus: boolean } | null>(null);
  const selectedGroupId = selection?.groupId ?? null;
  const [picked, setPicked] = useState<Picked[]>([]);
  const handles = useRef(new Map<string, ArticleViewHandle>());
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = activeId && articleIds.includes(activeId) ? activeId : (articleIds[0] ?? null);
  const [drawerOpen, setDrawerOpen] = useState(true);
  const [drawerTarget, setDrawerTarget] = useState<HTMLElement | null>(null);
  const onActivate = useCallback((articleId: string, reveal: boolean) => {
    setActiveId(articleId);
    if (reveal) setDrawerOpen(true);
  }, []);

  const passages = useMemo(() => passagesByArticle(alignment.groups), [alignment.groups]);
  const group = showShared ? alignment.groups.find((g) => g.id === selectedGroupId) : undefined;
  const gridRef = useRef<HTMLDivElement>(null);
  const [synced, toggleSynced, alignOn] = useSyncedScrolling({ gridRef, articleIds, handles, passages, selectedGroupId: group?.id ?? null });
  // With synchronised scrolling on, a selected passage lines every column up on it.
  useEffect(() => {
    if (selection) alignOn(selection.fromArticle);
  }, [selection, alignOn]);
  const columns = articleIds.map((id) => ({ id, title: summaries?.find((s) => s.id === id)?.title || id }));

  const onSelectGroup = useCallback((groupId: string, fromArticle: string, takeFocus: boolean) => {
    setSelection({ groupId, fromArticle, takeFocus });
    setDrawerOpen(true);
  }, []);
  const columnAlignment = useMemo(
    () =>
      new Map(
        articleIds.map((id) => [
          id,
          {
            passages: showShared ? (passages.get(id) ?? NO_PASSAGES) : NO_PASSAGES,
            selectedGroupId: showShared ? selectedGroupId : null,
            onSelectGroup,
          },
        ]),
      ),
    [articleIds, passages, showShared, selectedGroupId, onSelectGroup],
  );

  const onPick = useCallback((annotation: Annotation, on: boolean) => {
    const ref = { articleId: annotation.articleId, annotationId: annotation.id };
    setPicked((list) => {
      const rest = list.filter((p) => !sameRef(p, ref));
      return on ? [...rest, { ...ref, exact: annotation.exact }] : rest;
    });
  }, []);
  const linking = useMemo(() => ({ picked, onPick }), [picked, onPick]);

  useOpenAtShared(openAtShared === true && showShared, alignment.groups, articleIds, handles, onSelectGroup);

  const scrollAll = () => {
    if (!group) return;
    for (const id of articleIds) {
      const first = group.passages.find((p) => p.article === id);
      if (first) handles.current.get(id)?.showRange(first.start, first.end);
    }
  };

  const defaultTagId = () => {
    const quoteRanges = new Map(articleIds.map((id) => [id, handles.current.get(id)?.quoteRanges() ?? []]));
    const shared = (group?.passages ?? []).map((p) => ({ articleId: p.article, start: p.start, end: p.end }));
    return defaultAlignmentTag(shared, quoteRanges, codebook);
  };

  const accept = async (label: string, tagId: string): Promise<string | null> => {
    if (!group) return null;
    try {
      const result = await getApi().acceptAlignment({
        label,
        tagId,
        passages: group.passages.map((p) => ({ articleId: p.article, start: p.start, end: p.end })),
      });
      links.addGroup(result.group);
      links.setFocusGroup(result.group.id);
      for (const id of articleIds) {
        const made = result.created.filter((a) => a.articleId === id);
        if (made.length > 0) handles.current.get(id)?.addAnnotations(made);
      }
      const articles = new Set(result.group.members.map((m) => m.articleId)).size;
      return `Group “${result.group.label}” made of ${formatCount(result.group.members.length, 'annotation')} in ${formatCount(articles, 'article')}.`;
    } catch (err) {
      reportError('Could not accept the shared passage as a group', err);
      return null;
    }
  };

  const link = async (label: string) => {
    const made = await links.createGroup(
      label,
      picked.map((p) => ({ articleId: p.articleId, annotationId: p.annotationId })),
    );
    if (!made) return false;
    links.setFocusGroup(made.id);
    setPicked([]);
    return true;
  };

  let status: string;
  if (alignment.status === 'aligning') status = 'Aligning…';
  else if (alignment.status === 'failed') status = 'Shared passages could not be found.';
  else if (alignment.groups.length === 0) status = 'No shared passages.';
  else status = formatCount(alignment.groups.length, 'shared passage');

  const style = { '--tri-columns': articleIds.length } as CSSProperties;
  const activeTitle = columns.find((c) => c.id === active)?.title ?? '';
  return (
    <div className="side-by-side">
      <h1 className="visually-hidden">Side by side</h1>
      <div className="compare-bar">
        <div className="compare-bar__layers" role="group" aria-labelledby="compare-layers-label">
          <span id="compare-layers-label" className="compare-bar__label">
            Show
          </span>
          <button type="button" className="toggle-button" aria-pressed={showShared} onClick={() => toggleLayer('sharedPassages')}>
            Shared passages
          </button>
          <button type="button" className="toggle-button" aria-pressed={layers.suggestions} onClick={() => toggleLayer('suggestions')}>
            Suggestions
          </button>
          <button type="button" className="toggle-button" aria-pressed={layers.groups} onClick={() => toggleLayer('groups')}>
            Groups
          </button>
        </div>
        {coderNames.length > 1 || coderLayer !== 'all' ? (
          <CoderLayerSelect value={coderLayer} onChange={setCoderLayer} coders={coderNames} me={me?.name ?? null} />
        ) : null}
        <button
          type="button"
          className="toggle-button"
          aria-pressed={synced}
          title="Scroll the columns together, keeping shared passages level (on the selected one when there is one)"
          onClick={() => {
            toggleSynced();
            if (!synced && active) alignOn(active, true);
          }}
        >
          Sync scrolling
        </button>
        <span className="compare-bar__status" role="status" aria-busy={alignment.status === 'aligning' || undefined}>
          {status}
        </span>
        {showShared && alignment.status === 'ready' && alignment.groups.length > 0 && !group ? (
          <span className="compare-bar__hint">Click a tinted passage, or press Enter in it, to compare its wording.</span>
        ) : null}
        <LinkingBar picked={picked} onLink={link} onClear={() => setPicked([])} />
      </div>
      <div className="side-by-side__body">
        <div className="side-by-side__scroller">
          <div className="side-by-side__grid" style={style} ref={gridRef}>
            {articleIds.map((id) => (
              <ArticleView
                key={id}
                ref={(handle) => {
                  if (handle) handles.current.set(id, handle);
                  else handles.current.delete(id);
                }}
                articleId={id}
                codebook={codebook}
                variant="column"
                initialTitle={summaries?.find((s) => s.id === id)?.title}
                alignment={columnAlignment.get(id)}
                linking={linking}
                layers={columnLayers}
                drawer={{ target: drawerOpen ? drawerTarget : null, active: id === active, onActivate }}
              />
            ))}
          </div>
        </div>
        {drawerOpen ? (
          <section className="compare-drawer" id="compare-drawer" aria-label="Panels">
            <div className="compare-drawer__head">
              <p className="compare-drawer__column" title={activeTitle}>
                <span className="muted">Column: </span>
                {activeTitle}
              </p>
              <button
                type="button"
                className="icon-button"
                aria-expanded="true"
                aria-controls="compare-drawer"
                aria-label="Fold the panels"
                title="Fold the panels"
                onClick={() => setDrawerOpen(false)}
              >
                ⟩
              </button>
            </div>
            {group ? (
              <SharedPassagePanel
                key={group.id}
                group={group}
                columns={columns}
                codebook={codebook}
                defaultTagId={defaultTagId}
                takeFocus={selection?.takeFocus ?? false}
                onScrollAll={scrollAll}
                onAccept={accept}
                onClose={() => {
                  if (selection) handles.current.get(selection.fromArticle)?.focusText();
                  setSelection(null);
                }}
              />
            ) : null}
            <div className="compare-drawer__column-panels" ref={setDrawerTarget} />
          </section>
        ) : (
          <div className="compare-rail">
            <button
              type="button"
              className="compare-rail__button"
              aria-expanded="false"
              aria-label="Show the panels"
              title="Show the panels"
              onClick={() => setDrawerOpen(true)}
            >
              <span aria-hidden="true">⟨</span>
              <span className="compare-rail__label">Panels</span>
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
