/**
 * links.json in the data folder: the groups that follow one quote or claim
 * across articles, and the Quote→Source links. Read on first use (a missing
 * file is an empty set), written atomically through lowdb, and only when a
 * change actually alters it. A file that is unreadable, the wrong shape or
 * from a newer version is reported as corrupt_data and never written.
 */
import { join } from 'node:path';
import type { Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import { SCHEMA_VERSION } from '../../shared/model/model';
import type { AtomicJsonFs } from './atomicJsonAdapter';
import { JsonFileStore } from './jsonFileStore';
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

export class LinkStore extends JsonFileStore<LinksFile> {
  constructor(dataDir: string, options: LinkStoreOptions = {}) {
    super(LinkStore.path(dataDir), {
      fs: options.fs,
      parse: (value) => parseStoreFile(LinksFileSchema, value),
      empty: () => ({ schemaVersion: SCHEMA_VERSION, groups: [], sourceLinks: [] }),
    });
  }

  static path(dataDir: string): string {
    return join(dataDir, 'links.json');
  }

  /** The current groups and links (throws corrupt_data when links.json cannot be read). */
  async read(): Promise<LinksData> {
    return this.data();
  }

  /**
   * Changes the groups and/or links and saves links.json. Changes run one at a
   * time, each seeing the result of the one before; `change` may be async
   * (to check what it refers to) and may throw to abort. Memory is updated
   * only once the file is safely written.
   */
  async update<R>(change: (current: LinksData) => LinksChange<R> | Promise<LinksChange<R>>): Promise<R> {
    return this.change(async (current) => {
      const { groups, sourceLinks, result } = await change(current);
      if (groups === undefined && sourceLinks === undefined) return { result };
      const next: LinksFile = {
        schemaVersion: SCHEMA_VERSION,
        groups: groups ?? [...current.groups],
        sourceLinks: sourceLinks ?? [...current.sourceLinks],
      };
      return { next, result };
    });
  }
}
