/**
 * The library's whole article list, for the screens that need every title
 * (side by side, the annotation table); the library screen itself fetches
 * windows (useLibraryWindow). Checked each time `screen` changes to a screen
 * that needs it (non-null), so counts made in the reader or side by side
 * show when the user comes back to the library; the list itself is fetched
 * again only when the library changed (see libraryListing). `reload` always
 * fetches it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { fetchLibraryListing, refreshLibraryListing, type LibraryListing } from './libraryListing';
import { useReportError } from '../app/reportErrorContext';

export interface Library {
  articles: ArticleSummary[] | null;
  failed: boolean;
  reload: () => void;
}

export function useLibrary(screen: string | null): Library {
  const reportError = useReportError();
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const known = useRef<{ listing: LibraryListing; attempt: number } | null>(null);

  useEffect(() => {
    if (screen === null) return;
    let live = true;
    const api = getApi();
    const current = known.current;
    const next = current && current.attempt === attempt ? refreshLibraryListing(api, current.listing) : fetchLibraryListing(api);
    next.then(
      (fetched) => {
        if (!live) return;
        known.current = { listing: fetched, attempt };
        setListing(fetched);
        setFailed(false);
      },
      (err: unknown) => {
        if (!live) return;
        setFailed(true);
        reportError('Could not load the library', err);
      },
    );
    return () => {
      live = false;
    };
  }, [screen, attempt, reportError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Counts change with an undo or redo.
  useDataChanged(reload);
  return { articles: listing?.articles ?? null, failed, reload };
}
