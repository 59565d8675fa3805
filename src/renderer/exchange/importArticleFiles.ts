/**
 * Sends picked files to the core's `importArticles`, a few megabytes a call
 * (well under the host's cap for imports), and merges the reports. Files
 * over the size limit are reported here without being read or sent; a call
 * that fails has its files reported with the reason, and the rest still go.
 */
import { base64Of } from './base64Of';
import {
  emptyArticleImportReport,
  mergeArticleImportReports,
  tooLargeReason,
  type ArticleImportReport,
} from '../../shared/contract/articleImport';
import { getApi } from '../api/getApi';
import { errorMessage } from '../app/errorMessage';
import type { PickedFile } from './collectDroppedFiles';

const CALL_BYTES = 8 * 1024 * 1024;
const CALL_FILES = 50;

/** A picked file, and how to import it: its page's whole text (`wholePage`), as a new version of `replaces`. */
export type FileToImport = PickedFile & { wholePage?: boolean; replaces?: string };

export async function importArticleFiles(
  picked: readonly FileToImport[],
  onProgress: (done: number, total: number) => void,
): Promise<ArticleImportReport> {
  let report = emptyArticleImportReport();
  let done = 0;
  let batch: { name: string; data: string; wholePage?: boolean; replaces?: string }[] = [];
  let bytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    try {
      report = mergeArticleImportReports(report, await getApi().importArticles({ files: batch }));
    } catch (err) {
      // This call's files are reported with the reason; the next calls still go.
      const reason = errorMessage('the import call failed', err);
      report.failures.push(...batch.map((f) => ({ file: f.name, reason })));
    }
    done += batch.length;
    batch = [];
    bytes = 0;
    onProgress(done, picked.length);
  };
  onProgress(0, picked.length);
  for (const { name, file, wholePage, replaces } of picked) {
    const tooLarge = tooLargeReason(file.size);
    if (tooLarge) {
      report.failures.push({ file: name, reason: tooLarge });
      done++;
      continue;
    }
    if (batch.length >= CALL_FILES || bytes + file.size > CALL_BYTES) await send();
    let data: string;
    try {
      data = await base64Of(file);
    } catch (err) {
      report.failures.push({ file: name, reason: errorMessage('it could not be read', err) });
      done++;
      continue;
    }
    batch.push({ name, data, ...(wholePage ? { wholePage } : {}), ...(replaces ? { replaces } : {}) });
    bytes += file.size;
  }
  await send();
  onProgress(picked.length, picked.length);
  return report;
}
