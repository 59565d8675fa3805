/**
 * The screens other than the library, loaded on first use: the library
 * (what the app opens on) starts without the editor and the other screens'
 * code. `preloadScreens` fetches them once the library is on screen, so
 * opening an article does not wait for its code.
 */
import { lazy } from 'react';

const loadArticleView = () => import('../reader/ArticleView');
const loadSideBySideView = () => import('../compare/SideBySideView');
const loadCodebookView = () => import('../codebook/CodebookView');
const loadAnnotationTableView = () => import('../table/AnnotationTableView');
const loadCoverageView = () => import('../coverage/CoverageView');
const loadSearchView = () => import('../search/SearchView');
const loadQuoteDriftView = () => import('../drift/QuoteDriftView');
const loadAttributionLedgerView = () => import('../drift/AttributionLedgerView');
const loadAgreementView = () => import('../agreement/AgreementView');
const loadCopiesView = () => import('../copies/CopiesView');
const loadPeopleView = () => import('../people/PeopleView');

export const ArticleView = lazy(() => loadArticleView().then((m) => ({ default: m.ArticleView })));
export const SideBySideView = lazy(() => loadSideBySideView().then((m) => ({ default: m.SideBySideView })));
export const CodebookView = lazy(() => loadCodebookView().then((m) => ({ default: m.CodebookView })));
export const AnnotationTableView = lazy(() => loadAnnotationTableView().then((m) => ({ default: m.AnnotationTableView })));
export const CoverageView = lazy(() => loadCoverageView().then((m) => ({ default: m.CoverageView })));
export const SearchView = lazy(() => loadSearchView().then((m) => ({ default: m.SearchView })));
export const QuoteDriftView = lazy(() => loadQuoteDriftView().then((m) => ({ default: m.QuoteDriftView })));
export const AttributionLedgerView = lazy(() => loadAttributionLedgerView().then((m) => ({ default: m.AttributionLedgerView })));
export const AgreementView = lazy(() => loadAgreementView().then((m) => ({ default: m.AgreementView })));
export const AdjudicationView = lazy(() => import('../agreement/AdjudicationView').then((m) => ({ default: m.AdjudicationView })));
export const CopiesView = lazy(() => loadCopiesView().then((m) => ({ default: m.CopiesView })));
export const PeopleView = lazy(() => loadPeopleView().then((m) => ({ default: m.PeopleView })));

let preloaded = false;

/** Starts loading every screen's code (once); the reader's first. */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const loads: (() => Promise<unknown>)[] = [
    loadArticleView,
    loadSideBySideView,
    loadCodebookView,
    loadAnnotationTableView,
    loadCoverageView,
    loadSearchView,
    loadQuoteDriftView,
    loadAttributionLedgerView,
    loadAgreementView,
    loadCopiesView,
    loadPeopleView,
  ];
  // Opportunistic: a screen whose code fails to load here is loaded (and its failure shown) when opened.
  const quietly = (load: () => Promise<unknown>) => () => load().catch(() => undefined);
  void loads.reduce<Promise<unknown>>((previous, load) => previous.then(quietly(load)), Promise.resolve());
}
