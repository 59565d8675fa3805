/**
 * The page's entry, kept small: it asks for the library list at once (when
 * the page opens on the library), then loads the app (React, the editor)
 * while the host answers, and starts it.
 */
import { prefetchLibrary } from './library/libraryPrefetch';
import './styles.css';

prefetchLibrary(window.location.hash);

void import('./app/startApp').then(({ startApp }) => startApp());
