/**
 * The app's header: its name, the navigation between the screens (Library,
 * Coverage and Codebook always; Reader and Side by side once opened) and the export.
 * It never wraps: below 1200 px Codebook and Search leave the row for the
 * "More" menu (and the export's buttons shorten their labels, styles.css),
 * below 1120 px Annotations and Coverage join them. Who copies whom is in the menu below 1600 px;
 * Agreement is always there. Those widths are where the header fits with the
 * library alone: when the screens still overflow the row (Reader and Side by
 * side open, a wider font), the next screens fold too, measured before the
 * header is painted, down to Library and More.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ExportButton } from '../exchange/ExportButton';
import { HeaderMoreMenu } from './HeaderMoreMenu';
import { useMediaQuery } from './useMediaQuery';
import { ImportAnnotationsButton } from '../exchange/ImportAnnotationsButton';

export type Screen = 'library' | 'reader' | 'compare' | 'coverage' | 'codebook' | 'annotations' | 'search' | 'agreement' | 'copies' | 'people';

export interface AppHeaderProps {
  current: Screen;
  /** Screens the user can go back to (the library and coverage are always there). */
  available: readonly Screen[];
  onGo: (screen: Screen) => void;
  /** The coder's button, at the header's end (issue 16). */
  coder?: ReactNode;
  /** Commands listed after the screens in the "More" menu (e.g. Team sync…). */
  actions?: readonly { key: string; label: string; onPick: () => void }[];
}

const LABEL: Record<Screen, string> = { library: 'Library', reader: 'Reader', compare: 'Side by side', coverage: 'Coverage', codebook: 'Codebook', annotations: 'Annotations', search: 'Search', agreement: 'Agreement', copies: 'Who copies whom', people: 'People' };
const ALWAYS: readonly Screen[] = ['library', 'coverage', 'copies', 'codebook', 'annotations', 'search', 'agreement', 'people'];
/** Screens always in the "More" menu, whatever the width. */
const FOLDED_ALWAYS: readonly Screen[] = ['agreement', 'people'];
/** The screens the "More" menu holds below 1600 px, on a narrow window, and on a narrower one. */
const FOLDED_TIGHT: readonly Screen[] = ['copies'];
const FOLDED_NARROW: readonly Screen[] = ['copies', 'codebook', 'search'];
const FOLDED_NARROWER: readonly Screen[] = ['annotations', 'coverage', 'copies', 'codebook', 'search'];
/** When even that does not fit: everything but the library. */
const FOLDED_ALL: readonly Screen[] = ['reader', 'compare', 'annotations', 'coverage', 'copies', 'codebook', 'search'];
const FOLD_STEPS: readonly (readonly Screen[])[] = [[], FOLDED_TIGHT, FOLDED_NARROW, FOLDED_NARROWER, FOLDED_ALL];

export function AppHeader({ current, available, onGo, coder, actions = [] }: AppHeaderProps) {
  const narrow = useMediaQuery('(max-width: 1199px)');
  const narrower = useMediaQuery('(max-width: 1119px)');
  const tight = useMediaQuery('(max-width: 1599px)');
  const byWidth = narrower ? 3 : narrow ? 2 : tight ? 1 : 0;
  const screens = (['library', 'reader', 'compare', 'annotations', 'coverage', 'copies', 'codebook', 'search', 'agreement', 'people'] as const).filter(
    (s) => ALWAYS.includes(s) || available.includes(s),
  );
  const navRef = useRef<HTMLElement>(null);
  // Steps folded beyond what the width gives, because the row still overflowed (measured below);
  // `since` changes on every resize so the header is measured again even when `extra` was 0.
  const [fit, setFit] = useState({ extra: 0, since: 0 });
  const step = Math.min(FOLD_STEPS.length - 1, byWidth + fit.extra);
  const shown = screens.join(' ');
  // Another window width or a new set of screens: measure again from the width's own step.
  useEffect(() => {
    const reset = () => setFit((f) => ({ extra: 0, since: f.since + 1 }));
    window.addEventListener('resize', reset);
    return () => window.removeEventListener('resize', reset);
  }, []);
  useLayoutEffect(() => setFit((f) => (f.extra === 0 ? f : { extra: 0, since: f.since + 1 })), [shown]);
  useLayoutEffect(() => {
    const nav = navRef.current;
    if (nav && step < FOLD_STEPS.length - 1 && nav.scrollWidth > nav.clientWidth + 1) setFit((f) => ({ ...f, extra: f.extra + 1 }));
  });
  const folded = [...FOLD_STEPS[step]!, ...FOLDED_ALWAYS];
  return (
    <header className="app-header">
      <p className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true" />
        Triangulate
      </p>
      <nav aria-label="Screens" className="app-header__nav" ref={navRef}>
        <ul>
          {screens
            .filter((s) => !folded.includes(s))
            .map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="nav-button"
                  aria-current={s === current ? 'page' : undefined}
                  onClick={() => onGo(s)}
                >
                  {LABEL[s]}
                </button>
              </li>
            ))}
          {folded.length > 0 ? (
            <li>
              <HeaderMoreMenu
                items={[
                  ...screens.filter((s) => folded.includes(s)).map((s) => ({ key: s, label: LABEL[s], current: s === current })),
                  ...actions.map((a) => ({ key: `action:${a.key}`, label: a.label, current: false })),
                ]}
                onPick={(key) => {
                  const action = actions.find((a) => `action:${a.key}` === key);
                  if (action) action.onPick();
                  else onGo(key as Screen);
                }}
              />
            </li>
          ) : null}
        </ul>
      </nav>
      <ExportButton />
      <ImportAnnotationsButton />
      {coder}
    </header>
  );
}
