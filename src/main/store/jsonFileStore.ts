/**
 * What EntityStore (entities.json) and LinkStore (links.json) share: one JSON
 * file of the data folder read through lowdb on first use (a missing file is
 * `empty()`; a file that cannot be read is tried again at the next use), its
 * changes run one at a time and each written atomically before memory
 * changes, and the hooks a team sync and a restore use to replace the file.
 */
import { Low } from 'lowdb';
import { AtomicJsonAdapter, type AtomicJsonFs } from './atomicJsonAdapter';
import { KeyedQueue } from './keyedQueue';

export interface JsonFileStoreOptions<T> {
  fs?: AtomicJsonFs;
  /** Checks the parsed file (throws when it is the wrong shape or from a newer version). */
  parse: (value: unknown) => T;
  /** The data of a missing file. */
  empty: () => T;
}

const QUEUE_KEY = 'file';

export abstract class JsonFileStore<T> {
  private db: Promise<Low<T>> | null = null;
  private readonly writes = new KeyedQueue();

  protected constructor(
    readonly filePath: string,
    private readonly fileOptions: JsonFileStoreOptions<T>,
  ) {}

  /** Waits for every pending save. */
  close(): Promise<void> {
    return this.writes.idle();
  }

  /** Like DataStore.holdWrites, for this file (a team sync replaces it): changes wait, then it is read again. */
  async holdWrites(): Promise<{ reload(): void; release(): void }> {
    const release = await this.writes.hold();
    return { release, reload: () => void (this.db = null) };
  }

  /** After a restore replaced the file: waits for pending saves, then reads the file again when next needed. */
  async forgetReadFile(): Promise<void> {
    await this.writes.idle();
    this.db = null;
  }

  /** The file's data as read (throws corrupt_data's reason when it cannot be). */
  protected async data(): Promise<T> {
    return (await this.open()).data;
  }

  /**
   * Runs `change` after the changes before it, on the data as stored. It returns the data to save (or
   * undefined to save nothing) and its result; it may throw to refuse, and nothing is written. Memory
   * changes only once the file is safely written.
   */
  protected change<R>(change: (current: T) => Promise<{ next?: T; result: R }>): Promise<R> {
    return this.writes.run(QUEUE_KEY, async () => {
      const db = await this.open();
      const { next, result } = await change(db.data);
      if (next !== undefined) {
        await db.adapter.write(next);
        db.data = next;
      }
      return result;
    });
  }

  private open(): Promise<Low<T>> {
    if (!this.db) {
      const db = this.readFile();
      this.db = db;
      db.catch(() => {
        if (this.db === db) this.db = null;
      });
    }
    return this.db;
  }

  private async readFile(): Promise<Low<T>> {
    const { fs, parse, empty } = this.fileOptions;
    const db = new Low<T>(new AtomicJsonAdapter<T>(this.filePath, { fs, parse }), empty());
    await db.read();
    return db;
  }
}
