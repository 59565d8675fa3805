/**
 * What the UI learns about a damaged data folder and what a restore did:
 * the schemas of getDataHealth and restoreFromBackup (see contract.ts).
 * Paths are inside the data folder, "/" separated (e.g. annotations/<id>.json).
 */
import { z } from 'zod';

export const DataHealthSchema = z.object({
  /** Each damaged file and what is wrong with it (completes "<file> …"). */
  damaged: z.array(z.object({ file: z.string(), problem: z.string() })),
  /** The newest rolling backup; null when there is none. `time` is an ISO timestamp. */
  latestBackup: z.object({ name: z.string(), time: z.string() }).nullable(),
});
export type DataHealth = z.infer<typeof DataHealthSchema>;

export const RecoveryReportSchema = z.object({
  /** Files put back from a backup (`backupTime` ISO): changes after that time to the file are lost. */
  restored: z.array(
    z.object({
      file: z.string(),
      fromBackup: z.string(),
      backupTime: z.string(),
      /** Where the damaged file was kept (quarantine/…); null when the file was missing. */
      keptAs: z.string().nullable(),
    }),
  ),
  /** Where each damaged file was kept, inside the data folder (quarantine/…). */
  quarantined: z.array(z.string()),
  /** Damaged files no backup holds a good copy of; left as they are. */
  unrecoverable: z.array(z.string()),
});
export type RecoveryReport = z.infer<typeof RecoveryReportSchema>;
