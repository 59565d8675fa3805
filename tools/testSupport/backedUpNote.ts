/**
 * Test support for the backup and recovery tests: a note on one annotation of
 * the seed article 004, saved through the core and backed up, and read back.
 */
import { createCore } from '../../src/main/core/createCore';
import { makeBackup } from '../../src/main/safety/makeBackup';
import { SEED, SEED_CORPUS } from './useTestLibrary';

/** Sets the note of one annotation on 004 (creating it the first time), closes the library, and makes a backup stamped by `now`. */
export async function saveNoteAndBackUp(dataDir: string, note: string, now: () => Date): Promise<void> {
  const core = await createCore({ dataDir, corpusDir: SEED_CORPUS, creator: 'ana', backups: false });
  const [existing] = await core.listAnnotations({ articleId: SEED.A004 });
  if (existing) await core.updateAnnotation({ articleId: SEED.A004, id: existing.id, note });
  else await core.createAnnotation({ articleId: SEED.A004, tagId: 'quote', start: 3, end: 9, note });
  await core.close();
  await makeBackup(dataDir, { now });
}

/** The notes of 004's annotations, as a fresh core reads them. */
export async function notesOf004(dataDir: string): Promise<string[]> {
  const core = await createCore({ dataDir, corpusDir: SEED_CORPUS, backups: false });
  try {
    return (await core.listAnnotations({ articleId: SEED.A004 })).map((a) => a.note);
  } finally {
    await core.close();
  }
}
