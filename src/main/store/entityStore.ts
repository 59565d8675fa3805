/**
 * entities.json in the data folder: the researcher's corrections of the
 * people-and-organisations index (merge, rename, kind, split), in the order
 * they were made. Read on first use (a missing file is no corrections),
 * written atomically through lowdb, one change at a time. A file that is
 * unreadable, the wrong shape or from a newer version is reported as
 * corrupt_data naming the file and never written.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '../../shared/contract/apiError';
import { describeCorrection } from '../../shared/crossArticle/describeCorrection';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { AtomicJsonAdapter, type AtomicJsonFs } from './atomicJsonAdapter';
import { KeyedQueue } from './keyedQueue';
import { EntitiesFileSchema, parseStoreFile, type EntitiesFile } from './storeFileSchemas';

const QUEUE_KEY = 'entities';

export class EntityStore {
  readonly filePath: string;
  private db: Promise<Low<EntitiesFile>> | null = null;
  private readonly writes = new KeyedQueue();

  constructor(
    dataDir: string,
    private readonly options: { fs?: AtomicJsonFs } = {},
  ) {
    this.filePath = EntityStore.path(dataDir);
  }

  static path(dataDir: string): string {
    return join(dataDir, 'entities.json');
  }

  async corrections(): Promise<readonly EntityCorrection[]> {
    return (await this.open()).data.corrections;
  }

  /**
   * Adds corrections after checking them with `check` (given the corrections as they would be; it throws to
   * refuse, and nothing is written). Memory changes only once the file is safely written.
   */
  async add<R>(added: readonly EntityCorrection[], check: (all: readonly EntityCorrection[]) => R | Promise<R>): Promise<R> {
    return this.writes.run(QUEUE_KEY, async () => {
      const db = await this.open();
      const next: EntitiesFile = { schemaVersion: SCHEMA_VERSION, corrections: [...db.data.corrections, ...added] };
      const result = await check(next.corrections);
      await db.adapter.write(next);
      db.data = next;
      return result;
    });
  }

  /**
   * Takes corrections out: for each one given, the last stored correction equal to it (the list is searched
   * from the end, so undoing the latest change takes back exactly it). `check` sees the list as it would be
   * and may throw to refuse; a correction not stored is refused (ApiError not_found) and nothing is written.
   */
  async withdraw<R>(withdrawn: readonly EntityCorrection[], check: (all: readonly EntityCorrection[]) => R | Promise<R>): Promise<R> {
    return this.writes.run(QUEUE_KEY, async () => {
      const db = await this.open();
      const kept = [...db.data.corrections];
      for (const c of [...withdrawn].reverse()) {
        const key = correctionKey(c);
        const at = kept.findLastIndex((k) => correctionKey(k) === key);
        if (at < 0) {
          throw new ApiError('not_found', `There is no correction “${describeCorrection(c)}” in ${this.filePath} to take back: it was taken back already, or never stored. Nothing was changed.`);
        }
        kept.splice(at, 1);
      }
      const next: EntitiesFile = { schemaVersion: SCHEMA_VERSION, corrections: kept };
      const result = await check(next.corrections);
      await db.adapter.write(next);
      db.data = next;
      return result;
    });
  }

  /** Waits for every pending save. */
  close(): Promise<void> {
    return this.writes.idle();
  }

  /** Like DataStore.holdWrites, for entities.json (a team sync replaces it): corrections wait, then it is read again. */
  async holdWrites(): Promise<{ reload(): void; release(): void }> {
    const release = await this.writes.hold();
    return { release, reload: () => void (this.db = null) };
  }

  /** After a restore replaced entities.json: read it again when next needed. */
  async forgetReadFile(): Promise<void> {
    await this.writes.idle();
    this.db = null;
  }

  private open(): Promise<Low<EntitiesFile>> {
    if (!this.db) {
      const db = this.readFile();
      this.db = db;
      db.catch(() => {
        if (this.db === db) this.db = null;
      });
    }
    return this.db;
  }

  private async readFile(): Promise<Low<EntitiesFile>> {
    const db = new Low<EntitiesFile>(
      new AtomicJsonAdapter<EntitiesFile>(this.filePath, { fs: this.options.fs, parse: (value) => parseStoreFile(EntitiesFileSchema, value) }),
      { schemaVersion: SCHEMA_VERSION, corrections: [] },
    );
    await db.read();
    return db;
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
