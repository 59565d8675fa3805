/**
 * Everything the library needs to bring articles in: the import buttons,
 * files or folders dropped anywhere on the library, the progress while
 * importing and the report after. `onImported` refreshes the list.
 */
import { useEffect, useRef } from 'react';
import { ImportArticlesButton } from './ImportArticlesButton';
import { ImportArticlesReport } from './ImportArticlesReport';
import { useArticleImport } from './useArticleImport';
import { useLibraryDrop } from './useLibraryDrop';

export function LibraryImport({ onImported }: { onImported: () => void }) {
  const anchor = useRef<HTMLDivElement>(null);
  const library = useRef<HTMLElement | null>(null);
  const articleImport = useArticleImport(onImported);
  // The drop target is the whole library this sits in (found before the drop hook's effect runs).
  useEffect(() => {
    library.current = anchor.current?.closest<HTMLElement>('.library') ?? null;
  });
  const dragging = useLibraryDrop(library, articleImport.run);

  useEffect(() => {
    library.current?.classList.toggle('library--dropping', dragging);
  }, [dragging]);

  return (
    <div ref={anchor} className="library-import">
      <ImportArticlesButton busy={articleImport.progress !== null} onPick={articleImport.run} />
      {dragging ? (
        <p className="library-import__drop" role="status">
          Drop files or folders to import them
        </p>
      ) : null}
      <ImportArticlesReport
        progress={articleImport.progress}
        report={articleImport.report}
        onDismiss={articleImport.dismiss}
        canImportWholePage={articleImport.canImportWholePage}
        onImportWholePage={articleImport.importWholePage}
      />
    </div>
  );
}
