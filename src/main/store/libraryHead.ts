/**
 * The library's head (issue 20): the first rows of the library list in its
 * own order, with the article total, the outlets and the codebook's tag ids,
 * in <dataDir>/derived/library-head.json, so a later start shows the list
 * before index.json (42 MB at 100,000 articles, most of a second to read and
 * parse) is open. Derived data, never a source of truth: it carries the
 * signature of the index.json it was made from (size, inode, modification and
 * change times in ns), taken while that file's contents were known — right
 * after the store wrote it, or unchanged across the store's read of it — and
 * written a moment later, off the save's path (libraryHeadKeeper). It is
 * answered from only while index.json on disk still has that signature; any
 * change to the file (a save, a restore, a sync, an edit by hand) gives
 * another signature, and a head that is missing, damaged or stale is ignored
 * and made again once the store has read index.json whole. The damage check
 * of index.json itself is untouched: the store still reads and checks it in
 * full right after.
 */
import type { BigIntStats } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleMeta, ArticleSummary, Tag } from '../../shared/model/model';
import { libraryOutlets, LibraryWindowQuerySchema, type LibraryWindow } from '../../shared/search/libraryWindow';
import { writeFileAtomic, type AtomicWriteFs } from './writeFileAtomic';

export const LIBRARY_HEAD_FILE = join('derived', 'library-head.json');
/** Bumped whenever what the head holds changes, so an older head no longer counts. */
const HEAD_VERSION = 1;
/** Rows kept: the first two pages of the renderer's list (it asks for 100 at a time). */
export const HEAD_ROWS = 200;
/** The revision of a window answered from the head; never one of the store's (see DataStore.libraryRevision). */
export const HEAD_REVISION = 'library-head';

const HeadRowSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    versions: z.number().int().positive().optional(),
  })
  .strict();
type HeadRow = z.infer<typeof HeadRowSchema>;

const LibraryHeadSchema = z
  .object({
    version: z.literal(HEAD_VERSION),
    /** indexSignature of the index.json the head was made from. */
    index: z.string().min(1),
    libraryTotal: z.number().int().nonnegative(),
    outlets: z.array(z.string()),
    tagIds: z.array(z.string()),
    rows: z.array(HeadRowSchema).max(HEAD_ROWS),
  })
  .strict()
  .refine((head) => head.rows.length === Math.min(HEAD_ROWS, head.libraryTotal), 'rows and total disagree');
export type LibraryHead = z.infer<typeof LibraryHeadSchema>;

/** index.json's signature now: size, inode, modification and change times (ns); null when it cannot be looked at. */
export async function indexSignature(dataDir: string): Promise<string | null> {
  try {
    return indexSignatureOf(await stat(join(dataDir, 'index.json'), { bigint: true }));
  } catch {
    return null;
  }
}

/** indexSignature of index.json as `stats` (taken with bigint: true) see it; null when it is not a regular file. */
export function indexSignatureOf(stats: BigIntStats): string | null {
  return stats.isFile() ? `${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}` : null;
}

/** The head of a library whose index.json has `signature` and holds `articles` and `codebook`. */
export function libraryHeadOf(signature: string, articles: readonly ArticleMeta[], codebook: readonly Tag[]): LibraryHead {
  return {
    version: HEAD_VERSION,
    index: signature,
    libraryTotal: articles.length,
    outlets: libraryOutlets(articles),
    tagIds: codebook.map((t) => t.id),
    // The library's own order is the order of index.json (see orderLibrary).
    rows: articles.slice(0, HEAD_ROWS).map(({ id, title, date, outlet, author, versions }) => ({
      id,
      title,
      date,
      outlet,
      author: author ?? null,
      ...(versions ? { versions: versions.length } : {}),
    })),
  };
}

export async function writeLibraryHead(dataDir: string, head: LibraryHead, fs?: AtomicWriteFs): Promise<void> {
  // derived/ only, never the data folder itself: a head written late into a folder moved or removed meanwhile fails.
  await mkdir(join(dataDir, 'derived')).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await writeFileAtomic(join(dataDir, LIBRARY_HEAD_FILE), JSON.stringify(head), fs);
}

/** The head as recorded; null when there is none, it is damaged, or it no longer matches index.json. */
export async function readLibraryHead(dataDir: string): Promise<LibraryHead | null> {
  const signature = await indexSignature(dataDir);
  if (signature === null) return null;
  const head = await readRecordedHead(dataDir);
  return head !== null && head.index === signature ? head : null;
}

/** The head file's contents when it is in shape, whatever index.json holds now; null otherwise. */
export async function readRecordedHead(dataDir: string): Promise<LibraryHead | null> {
  try {
    const parsed = LibraryHeadSchema.safeParse(JSON.parse(await readFile(join(dataDir, LIBRARY_HEAD_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * listArticlesWindow answered from the head, as the core answers it at start
 * (no annotation counted yet: every count 0, every article pending), when the
 * query is the library's own order unfiltered and its rows are in the head;
 * null otherwise (the core must answer).
 */
export function headWindow(head: LibraryHead, input: unknown): LibraryWindow | null {
  const parsed = LibraryWindowQuerySchema.safeParse(input);
  if (!parsed.success) return null;
  const q = parsed.data;
  const ownOrder =
    q.sort === 'library' && q.direction === 'asc' && q.filter === '' && q.outlet === null && q.from === null && q.to === null && q.annotated === 'any';
  const end = Math.min(q.offset + q.limit, head.libraryTotal);
  if (!ownOrder || (end > head.rows.length && q.offset < head.libraryTotal)) return null;
  const zeros = Object.fromEntries(head.tagIds.map((id) => [id, 0]));
  return {
    total: head.libraryTotal,
    libraryTotal: head.libraryTotal,
    outlets: head.outlets,
    offset: q.offset,
    rows: head.rows.slice(q.offset, end).map((row: HeadRow): ArticleSummary => ({ ...row, counts: { ...zeros } })),
    revision: HEAD_REVISION,
    countsPending: head.libraryTotal,
  };
}
