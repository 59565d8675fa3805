/**
 * The library's article import: runs one import at a time, tracks its
 * progress (files sent of files picked) and keeps the last report to show.
 * Calls `onImported` once the core has stored what it could. A web page whose
 * article came out implausibly short can be imported again as its whole
 * page text (`importWholePage`): a new version of the article it made.
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
  /** Whether the file a warning names can be imported again here (it came from this session's last pick). */
  canImportWholePage(warning: ArticleImportReport['warnings'][number]): boolean;
  /** Imports the page's whole visible text as a new version of the article the warning names. */
  importWholePage(warning: ArticleImportReport['warnings'][number]): void;
  dismiss(): void;
}

export function useArticleImport(onImported: () => void): ArticleImport {
  const reportError = useReportError();
  const [progress, setProgress] = useState<ArticleImport['progress']>(null);
  const [report, setReport] = useState<ArticleImportReport | null>(null);
  const running = useRef(false);
  const lastPicked = useRef<PickedFile[]>([]);

  const run = useCallback(
    (files: Promise<PickedFile[]> | PickedFile[]) => {
      if (running.current) return;
      running.current = true;
      setReport(null);
      setProgress({ done: 0, total: 0 });
      void (async () => {
        try {
          const picked = await files;
          lastPicked.current = picked;
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

  const pickedFor = (warning: ArticleImportReport['warnings'][number]) =>
    warning.wholePageOffered ? lastPicked.current.find((p) => p.name === warning.file) : undefined;
  const canImportWholePage = useCallback((warning: ArticleImportReport['warnings'][number]) => pickedFor(warning) !== undefined, []);

  const importWholePage = useCallback(
    (warning: ArticleImportReport['warnings'][number]) => {
      const picked = pickedFor(warning);
      if (!picked || running.current || !report) return;
      running.current = true;
      const before = report;
      setProgress({ done: 0, total: 1 });
      void (async () => {
        try {
          const again = await importArticleFiles([{ ...picked, wholePage: true, replaces: warning.id }], (done, total) => setProgress({ done, total }));
          // The warning is answered: the report shows the new version (or why it failed) instead.
          setReport({
            ...before,
            warnings: before.warnings.filter((w) => w !== warning),
            versions: [...before.versions, ...again.versions],
            failures: [...before.failures, ...again.failures],
          });
        } catch (err) {
          reportError('Could not import the whole page', err);
        } finally {
          running.current = false;
          setProgress(null);
          onImported();
        }
      })();
    },
    [report, onImported, reportError],
  );

  const dismiss = useCallback(() => setReport(null), []);
  return { progress, report, run, canImportWholePage, importWholePage, dismiss };
}
