/**
 * links.json in the data folder: the groups that follow one quote or claim
 * across articles, and the Quote→Source links. Read on first use (a missing
 * file is an empty set), written atomically through lowdb, and only when a
 * change actually alters it. A file that is unreadable, the wrong shape or
 * from a newer version is reported as corrupt_data and never written.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { AtomicJsonAdapter, type AtomicJsonFs } from './atomicJsonAdapter';
import { KeyedQueue } from './keyedQueue';
import { LinksFileSchema, parseStoreFile, type LinksFile } from './storeFileSchemas';

export interface LinksData {
  groups: readonly Group[];
  sourceLinks: readonly SourceLink[];
}

/** What a change replaces; what is left out stays as it was. Nothing given → nothing written. */
export interface LinksChange<R> {
  groups?: Group[];
  sourceLinks?: SourceLink[];
  result: R;
}

export interface LinkStoreOptions {
  fs?: AtomicJsonFs;
}

const QUEUE_KEY = 'links';

export class LinkStore {
  readonly filePath: string;
  private readonly fs: AtomicJsonFs | undefined;
  private db: Promise<Low<LinksFile>> | null = null;
  private readonly writes = new KeyedQueue();

  constructor(dataDir: string, options: LinkStoreOptions = {}) {
    this.filePath = LinkStore.path(dataDir);
    this.fs = options.fs;
  }

  static path(dataDir: string): string {
    return join(dataDir, 'links.json');
  }

  /** The current groups and links (throws corrupt_data when links.json cannot be read). */
  async read(): Promise<LinksData> {
    return (await this.open()).data;
  }

  /**
   * Changes the groups and/or links and saves links.json. Changes run one at a
   * time, each seeing the result of the one before; `change` may be async
   * (to check what it refers to) and may throw to abort. Memory is updated
   * only once the file is safely written.
   */
  async update<R>(change: (current: LinksData) => LinksChange<R> | Promise<LinksChange<R>>): Promise<R> {
    return this.writes.run(QUEUE_KEY, async () => {
      const db = await this.open();
      const { groups, sourceLinks, result } = await change(db.data);
      if (groups === undefined && sourceLinks === undefined) return result;
      const next: LinksFile = {
        schemaVersion: SCHEMA_VERSION,
        groups: groups ?? [...db.data.groups],
        sourceLinks: sourceLinks ?? [...db.data.sourceLinks],
      };
      await db.adapter.write(next);
      db.data = next;
      return result;
    });
  }

  /** Waits for every pending save. */
  close(): Promise<void> {
    return this.writes.idle();
  }

  /** After a restore replaced links.json: waits for pending saves, then reads the file again when next needed. */
  async forgetReadFile(): Promise<void> {
    await this.writes.idle();
    this.db = null;
  }

  /** Like DataStore.holdWrites, for links.json. */
  async holdWrites(): Promise<{ reload(): void; release(): void }> {
    const release = await this.writes.hold();
    return { release, reload: () => void (this.db = null) };
  }

  private open(): Promise<Low<LinksFile>> {
    if (!this.db) {
      const db = this.readFile();
      this.db = db;
      db.catch(() => {
        if (this.db === db) this.db = null;
      });
    }
    return this.db;
  }

  private async readFile(): Promise<Low<LinksFile>> {
    const empty: LinksFile = { schemaVersion: SCHEMA_VERSION, groups: [], sourceLinks: [] };
    const db = new Low<LinksFile>(
      new AtomicJsonAdapter<LinksFile>(this.filePath, {
        fs: this.fs,
        parse: (value) => parseStoreFile(LinksFileSchema, value),
      }),
      empty,
    );
    await db.read();
    return db;
  }
}
