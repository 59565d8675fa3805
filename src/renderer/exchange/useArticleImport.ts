/**
 * The library's article import: runs one import at a time, tracks its
 * progress (files sent of files picked) and keeps the last report to show.
 * Calls `onImported` once the core has stored what it could.
 */
import { useCallback, useRef, useState } from 'react';
import type { ArticleImportReport } from '../../shared/contract/articleImport';
import type { PickedFile } from './collectDroppedFiles';
import { importArticleFiles } from './importArticleFiles';
import { useReportError } from '../app/reportErrorContext';

export interface ArticleImport {
  /** Files done of files picked while an import runs; null otherwise. */
  progress: { done: number; total: number } | null;
  report: ArticleImportReport | null;
  run(files: Promise<PickedFile[]> | PickedFile[]): void;
  dismiss(): void;
}

export function useArticleImport(onImported: () => void): ArticleImport {
  const reportError = useReportError();
  const [progress, setProgress] = useState<ArticleImport['progress']>(null);
  const [report, setReport] = useState<ArticleImportReport | null>(null);
  const running = useRef(false);

  const run = useCallback(
    (files: Promise<PickedFile[]> | PickedFile[]) => {
      if (running.current) return;
      running.current = true;
      setReport(null);
      setProgress({ done: 0, total: 0 });
      void (async () => {
        try {
          const picked = await files;
          if (picked.length === 0) {
            setReport({ imported: [], duplicates: [], failures: [{ file: 'The drop', reason: 'it held no files Triangulate can import' }], warnings: [], versions: [] });
            return;
          }
          setReport(await importArticleFiles(picked, (done, total) => setProgress({ done, total })));
        } catch (err) {
          reportError('Could not import the articles', err);
        } finally {
          running.current = false;
          setProgress(null);
          onImported();
        }
      })();
    },
    [onImported, reportError],
  );

  const dismiss = useCallback(() => setReport(null), []);
  return { progress, report, run, dismiss };
}
