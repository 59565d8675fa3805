/**
 * entities.json in the data folder: the researcher's corrections of the
 * people-and-organisations index (merge, rename, kind, split), in the order
 * they were made. Read on first use (a missing file is no corrections),
 * written atomically through lowdb, one change at a time. A file that is
 * unreadable, the wrong shape or from a newer version is reported as
 * corrupt_data naming the file and never written.
 */
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/apiError';
import { describeCorrection } from '../../shared/crossArticle/describeCorrection';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { SCHEMA_VERSION } from '../../shared/model/model';
import type { AtomicJsonFs } from './atomicJsonAdapter';
import { JsonFileStore } from './jsonFileStore';
import { EntitiesFileSchema, parseStoreFile, type EntitiesFile } from './storeFileSchemas';

export class EntityStore extends JsonFileStore<EntitiesFile> {
  constructor(dataDir: string, options: { fs?: AtomicJsonFs } = {}) {
    super(EntityStore.path(dataDir), {
      fs: options.fs,
      parse: (value) => parseStoreFile(EntitiesFileSchema, value),
      empty: () => ({ schemaVersion: SCHEMA_VERSION, corrections: [] }),
    });
  }

  static path(dataDir: string): string {
    return join(dataDir, 'entities.json');
  }

  async corrections(): Promise<readonly EntityCorrection[]> {
    return (await this.data()).corrections;
  }

  /**
   * Adds corrections after checking them with `check` (given the corrections as they would be; it throws to
   * refuse, and nothing is written). Memory changes only once the file is safely written.
   */
  async add<R>(added: readonly EntityCorrection[], check: (all: readonly EntityCorrection[]) => R | Promise<R>): Promise<R> {
    return this.change(async (current) => {
      const next: EntitiesFile = { schemaVersion: SCHEMA_VERSION, corrections: [...current.corrections, ...added] };
      return { next, result: await check(next.corrections) };
    });
  }

  /**
   * Takes corrections out: for each one given, the last stored correction equal to it (the list is searched
   * from the end, so undoing the latest change takes back exactly it). `check` sees the list as it would be
   * and may throw to refuse; a correction not stored is refused (ApiError not_found) and nothing is written.
   */
  async withdraw<R>(withdrawn: readonly EntityCorrection[], check: (all: readonly EntityCorrection[]) => R | Promise<R>): Promise<R> {
    return this.change(async (current) => {
      const kept = [...current.corrections];
      for (const c of [...withdrawn].reverse()) {
        const key = correctionKey(c);
        const at = kept.findLastIndex((k) => correctionKey(k) === key);
        if (at < 0) {
          throw new ApiError('not_found', `There is no correction “${describeCorrection(c)}” in ${this.filePath} to take back: it was taken back already, or never stored. Nothing was changed.`);
        }
        kept.splice(at, 1);
      }
      const next: EntitiesFile = { schemaVersion: SCHEMA_VERSION, corrections: kept };
      return { next, result: await check(next.corrections) };
    });
  }
}

/** A correction as compared (withdrawing, importing): its fields in a fixed order. */
export function correctionKey(c: EntityCorrection): string {
  switch (c.op) {
    case 'merge':
      return JSON.stringify({ op: c.op, into: c.into, from: c.from });
    case 'rename':
      return JSON.stringify({ op: c.op, id: c.id, name: c.name });
    case 'kind':
      return JSON.stringify({ op: c.op, id: c.id, kind: c.kind });
    case 'split':
      return JSON.stringify({ op: c.op, id: c.id, alias: c.alias, newId: c.newId });
  }
}
