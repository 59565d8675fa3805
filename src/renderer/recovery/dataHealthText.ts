/**
 * The sentences of the recovery banner: what a restore from the latest
 * backup will lose, and what a restore did.
 */
import type { DataHealth, RecoveryReport } from '../../shared/contract/dataHealth';
import { formatDateTime } from '../components/formatDateTime';

/** How the banner shows a backup's time ("7 Dec 2026, 01:15", as dates everywhere in the app, by default). */
export type FormatTime = (iso: string) => string;

const localTime: FormatTime = (iso) => formatDateTime(iso);

/** One sentence per damaged file: what restoring it from the latest backup gives up. */
export function whatWillBeLost(health: DataHealth, formatTime: FormatTime = localTime): string[] {
  const backup = health.latestBackup;
  if (!backup) return [];
  return health.damaged.map(({ file }) => `Changes made after ${formatTime(backup.time)} to ${file} will be lost.`);
}

/** What a restore did, in a sentence or two. */
export function restoreOutcome(report: RecoveryReport, formatTime: FormatTime = localTime): string {
  const parts: string[] = [];
  for (const r of report.restored) {
    parts.push(
      `${r.file} was restored from the backup of ${formatTime(r.backupTime)}` +
        (r.keptAs ? `; the damaged file is kept as ${r.keptAs}.` : '.'),
    );
  }
  if (report.unrecoverable.length > 0) {
    parts.push(
      `No backup holds a good copy of ${report.unrecoverable.join(', ')}; ${report.unrecoverable.length === 1 ? 'it was' : 'they were'} left as ${report.unrecoverable.length === 1 ? 'it is' : 'they are'}.`,
    );
  }
  if (parts.length === 0) parts.push('Nothing needed restoring.');
  return parts.join(' ');
}
