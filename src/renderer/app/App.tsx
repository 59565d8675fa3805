/**
 * The app: header and navigation, the error banner, the recovery banner (when
 * data files are damaged; checked at start and after a corrupt_data failure;
 * a restore loads every screen afresh; a damaged file's failures are left to
 * it, not repeated in the error banner), and the current screen
 * (library, reader, side by side or coverage) chosen by the URL fragment.
 * Groups and source links are loaded here once and shared with every
 * article view through CrossLinksContext.
 */
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/contract/apiError';
import { AppHeader, type Screen } from './AppHeader';
import { useAppCommands } from './appCommands';
import { KeyboardLayer } from './keyboard/KeyboardLayer';
import { CrossLinksContext } from '../data/crossLinksContext';
import { DataHealthBanner } from '../recovery/DataHealthBanner';
import { ErrorBanner } from './ErrorBanner';
import { errorMessage } from './errorMessage';
import { AdjudicationView, AgreementView, AnnotationTableView, ArticleView, AttributionLedgerView, CodebookView, CopiesView, CoverageView, PeopleView, QuoteDriftView, SearchView, SideBySideView } from './lazyScreens';
import { CoderButton } from './CoderButton';
import { SyncStatus } from './SyncStatus';
import { SyncConflictsDialog } from './SyncConflictsDialog';
import { TeamSyncDialog } from './TeamSyncDialog';
import { CoderDialog } from './CoderDialog';
import { CoderContext } from '../data/coderContext';
import { useCoderState } from './useCoderState';
import { LibraryView } from '../library/LibraryView';
import { ReportErrorContext } from './reportErrorContext';
import { ScreenLoadBoundary } from './ScreenLoadBoundary';
import { useCodebook } from '../data/useCodebook';
import { useCrossLinks } from '../data/useCrossLinks';
import { useDataHealth } from '../recovery/useDataHealth';
import { useHashRoute } from './useHashRoute';
import { useLibrary } from '../library/useLibrary';
import { useLibraryWindow } from '../library/useLibraryWindow';

export function App() {
  // The latest failure, and whether it was a damaged data file (which the recovery banner names already).
  const [error, setError] = useState<{ message: string; corrupt: boolean } | null>(null);
  const dataHealth = useDataHealth();
  const checkDataHealth = dataHealth.check;
  // Bumped after a restore: every screen is mounted again and loads afresh.
  const [generation, setGeneration] = useState(0);
  const reportError = useCallback(
    (action: string, err: unknown) => {
      console.error(action, err);
      const corrupt = err instanceof ApiError && err.code === 'corrupt_data';
      setError({ message: errorMessage(action, err), corrupt });
      if (corrupt) checkDataHealth();
    },
    [checkDataHealth],
  );
  const onRestored = () => {
    setError(null);
    setGeneration((n) => n + 1);
  };
  return (
    <ReportErrorContext value={reportError}>
      <Screens
        key={generation}
        error={error && !(error.corrupt && (dataHealth.health?.damaged.length ?? 0) > 0) ? error.message : null}
        onDismissError={() => setError(null)}
        recovery={<DataHealthBanner state={dataHealth} onRestored={onRestored} />}
      />
    </ReportErrorContext>
  );
}

function Screens({ error, onDismissError, recovery }: { error: string | null; onDismissError: () => void; recovery: ReactNode }) {
  const [route, navigate] = useHashRoute();
  const codebook = useCodebook();
  // The library list, fetched again on each visit to the library; side by side uses its titles too.
  const library = useLibrary(route.view === 'compare' || route.view === 'annotations' || route.view === 'agreement' || route.view === 'adjudicate' ? route.view : null);
  // The library screen fetches only the rows it shows (issue 20).
  const libraryWindow = useLibraryWindow(route.view === 'library');
  const crossLinks = useCrossLinks();
  const reloadLinks = crossLinks.reload;
  // Another window or the CLI may have changed groups: fetch them again on each screen.
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    reloadLinks();
  }, [route.view, reloadLinks]);
  const [checked, setChecked] = useState<string[]>(() => (route.view === 'compare' ? route.articleIds : []));
  const [lastReader, setLastReader] = useState<string | null>(route.view === 'reader' ? route.articleId : null);
  const [lastCompare, setLastCompare] = useState<string[] | null>(route.view === 'compare' ? route.articleIds : null);
  // `l` hides the article views' side panels (the annotation list and the open panel).
  const [sideHidden, setSideHidden] = useState(false);
  const coderState = useCoderState();
  const { coder } = coderState;
  // The Team sync dialog and the conflict review (issue 16), one at a time.
  const [teamSync, setTeamSync] = useState<null | 'link' | 'conflicts'>(null);

  // A new screen takes the keyboard focus (the old one, and the focused
  // control with it, is gone); Tab then goes to its first control.
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = JSON.stringify(route);
  const shownRoute = useRef(routeKey);
  useEffect(() => {
    if (shownRoute.current === routeKey) return;
    shownRoute.current = routeKey;
    mainRef.current?.focus({ preventScroll: true });
  }, [routeKey]);

  const openReader = (articleId: string) => {
    setLastReader(articleId);
    navigate({ view: 'reader', articleId });
  };
  const openCompare = (articleIds: string[], atShared?: boolean) => {
    setLastCompare(articleIds);
    navigate(atShared ? { view: 'compare', articleIds, atShared: true } : { view: 'compare', articleIds });
  };

  // Quote drift and the ledger are reached from the coverage matrix, adjudication from agreement: they count as part of those in the header.
  const current: Screen = route.view === 'drift' || route.view === 'ledger' ? 'coverage' : route.view === 'adjudicate' ? 'agreement' : route.view;
  const available: Screen[] = [];
  if (route.view === 'reader' || lastReader) available.push('reader');
  if (route.view === 'compare' || lastCompare) available.push('compare');

  const go = (screen: Screen) => {
    if (screen === 'library') navigate({ view: 'library' });
    else if (screen === 'reader') {
      const id = route.view === 'reader' ? route.articleId : lastReader;
      if (id) openReader(id);
    } else if (screen === 'coverage') navigate({ view: 'coverage' });
    else if (screen === 'copies') navigate({ view: 'copies' });
    else if (screen === 'codebook') navigate({ view: 'codebook' });
    else if (screen === 'annotations') navigate({ view: 'annotations' });
    else if (screen === 'search') navigate({ view: 'search', query: '' });
    else if (screen === 'agreement') navigate({ view: 'agreement' });
    else if (screen === 'people') navigate({ view: 'people' });
    else {
      const ids = route.view === 'compare' ? route.articleIds : lastCompare;
      if (ids) openCompare(ids);
    }
  };

  // The desktop View menu's screens (switched in place: the session and its undo history stay).
  useAppCommands({
    'show-library': () => go('library'),
    'show-reader': () => go('reader'),
    'show-compare': () => go('compare'),
    'show-coverage': () => go('coverage'),
    'show-annotations': () => go('annotations'),
    'show-codebook': () => go('codebook'),
  });

  let screen;
  if (route.view === 'reader') {
    const summary = library.articles?.find((a) => a.id === route.articleId) ?? libraryWindow.find(route.articleId);
    screen = (
      <ArticleView
        key={route.articleId}
        articleId={route.articleId}
        codebook={codebook}
        variant="reader"
        initialTitle={summary?.title}
        focusAnnotationId={route.annotationId}
        search={route.search}
      />
    );
  } else if (route.view === 'compare') {
    screen = <SideBySideView articleIds={route.articleIds} summaries={library.articles} codebook={codebook} openAtShared={route.atShared} />;
  } else if (route.view === 'codebook') {
    screen = <CodebookView codebook={codebook} />;
  } else if (route.view === 'search') {
    screen = (
      <SearchView
        query={route.query}
        onOpenHit={(hit, query) => {
          setLastReader(hit.articleId);
          navigate({ view: 'reader', articleId: hit.articleId, search: { query, at: hit.start } });
        }}
      />
    );
  } else if (route.view === 'annotations') {
    screen = (
      <AnnotationTableView
        codebook={codebook}
        articles={library.articles}
        onOpenAnnotation={(articleId, annotationId) => {
          setLastReader(articleId);
          navigate({ view: 'reader', articleId, annotationId });
        }}
      />
    );
  } else if (route.view === 'ledger') {
    screen = (
      <AttributionLedgerView
        onOpenAnnotation={(articleId, annotationId) => {
          setLastReader(articleId);
          navigate({ view: 'reader', articleId, annotationId });
        }}
        onBack={() => navigate({ view: 'coverage' })}
      />
    );
  } else if (route.view === 'drift') {
    screen = (
      <QuoteDriftView
        key={route.groupId}
        groupId={route.groupId}
        referenceArticleId={route.referenceArticleId ?? null}
        onReference={(articleId) => navigate({ view: 'drift', groupId: route.groupId, referenceArticleId: articleId })}
        onOpenAnnotation={(articleId, annotationId) => {
          setLastReader(articleId);
          navigate({ view: 'reader', articleId, annotationId });
        }}
        onBack={() => navigate({ view: 'coverage' })}
      />
    );
  } else if (route.view === 'agreement') {
    screen = <AgreementView codebook={codebook} articles={library.articles} onAdjudicate={(articleId) => navigate({ view: 'adjudicate', articleId })} />;
  } else if (route.view === 'adjudicate') {
    const summary = library.articles?.find((a) => a.id === route.articleId);
    screen = (
      <AdjudicationView
        key={route.articleId}
        articleId={route.articleId}
        title={summary?.title || route.articleId}
        codebook={codebook}
        onBack={() => navigate({ view: 'agreement' })}
      />
    );
  } else if (route.view === 'people') {
    screen = (
      <PeopleView
        onOpen={(articleId, annotationId) => {
          setLastReader(articleId);
          navigate(annotationId ? { view: 'reader', articleId, annotationId } : { view: 'reader', articleId });
        }}
      />
    );
  } else if (route.view === 'copies') {
    screen = <CopiesView onOpenPair={(ids) => openCompare(ids, true)} />;
  } else if (route.view === 'coverage') {
    screen = (
      <CoverageView
        codebook={codebook}
        onOpenDrift={(groupId) => navigate({ view: 'drift', groupId })}
        onOpenLedger={() => navigate({ view: 'ledger' })}
        onOpenAnnotation={(articleId, annotationId) => {
          setLastReader(articleId);
          navigate({ view: 'reader', articleId, annotationId });
        }}
      />
    );
  } else {
    screen = (
      <LibraryView
        total={libraryWindow.total}
        libraryTotal={libraryWindow.libraryTotal}
        outlets={libraryWindow.outlets}
        rowAt={libraryWindow.rowAt}
        onShow={libraryWindow.show}
        query={libraryWindow.query}
        onQuery={libraryWindow.setQuery}
        failed={libraryWindow.failed}
        codebook={codebook}
        checked={checked}
        onCheck={(id, on) => setChecked((list) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id)))}
        onOpen={openReader}
        onCompare={() => openCompare(libraryWindow.inListOrder(checked))}
        onRetry={libraryWindow.reload}
      />
    );
  }

  return (
    <CrossLinksContext value={crossLinks}>
      <CoderContext value={coder}>
      <div className={`app app--${route.view}${sideHidden ? ' app--side-hidden' : ''}`}>
        <AppHeader
          current={current}
          available={available}
          onGo={go}
          actions={[{ key: 'team-sync', label: 'Team sync…', onPick: () => setTeamSync('link') }]}
          coder={<><SyncStatus onOpenSettings={() => setTeamSync('link')} onReviewConflicts={() => setTeamSync('conflicts')} />{coder ? <CoderButton coder={coder} onOpen={coderState.openDialog} /> : null}</>}
        />
        {teamSync === 'link' ? <TeamSyncDialog onClose={() => setTeamSync(null)} onReviewConflicts={() => setTeamSync('conflicts')} /> : null}
        {teamSync === 'conflicts' ? <SyncConflictsDialog onClose={() => setTeamSync(null)} /> : null}
        {coder && coderState.dialogOpen ? <CoderDialog coder={coder} onSaved={coderState.setCoder} onClose={coderState.closeDialog} /> : null}
        <KeyboardLayer route={route} navigate={navigate} onToggleSide={() => setSideHidden((on) => !on)} />
        {recovery}
        <ErrorBanner message={error} onDismiss={onDismissError} />
        <main className="app-main" ref={mainRef} tabIndex={-1}>
          <ScreenLoadBoundary resetKey={route.view}>
            <Suspense
              fallback={
                <p className="loading" role="status">
                  Loading…
                </p>
              }
            >
              {screen}
            </Suspense>
          </ScreenLoadBoundary>
        </main>
      </div>
      </CoderContext>
    </CrossLinksContext>
  );
}
