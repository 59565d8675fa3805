/**
 * The app's header: its name, the navigation between the screens (Library,
 * Coverage and Codebook always; Reader and Side by side once opened) and the export.
 */
import { ExportButton } from '../exchange/ExportButton';
import { ImportAnnotationsButton } from '../exchange/ImportAnnotationsButton';

export type Screen = 'library' | 'reader' | 'compare' | 'coverage' | 'codebook' | 'annotations' | 'search';

export interface AppHeaderProps {
  current: Screen;
  /** Screens the user can go back to (the library and coverage are always there). */
  available: readonly Screen[];
  onGo: (screen: Screen) => void;
}

const LABEL: Record<Screen, string> = { library: 'Library', reader: 'Reader', compare: 'Side by side', coverage: 'Coverage', codebook: 'Codebook', annotations: 'Annotations', search: 'Search' };
const ALWAYS: readonly Screen[] = ['library', 'coverage', 'codebook', 'annotations', 'search'];

export function AppHeader({ current, available, onGo }: AppHeaderProps) {
  const screens = (['library', 'reader', 'compare', 'annotations', 'coverage', 'codebook', 'search'] as const).filter((s) => ALWAYS.includes(s) || available.includes(s));
  return (
    <header className="app-header">
      <p className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true" />
        Triangulate
      </p>
      <nav aria-label="Screens" className="app-header__nav">
        <ul>
          {screens.map((s) => (
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
        </ul>
      </nav>
      <ExportButton />
      <ImportAnnotationsButton />
    </header>
  );
}
