/**
 * Importing articles from files: what the contract's `importArticles` takes
 * (files as base64 bytes, so the core itself checks for binary data and
 * invalid UTF-8) and the report it returns, plus the limits and the file
 * kinds every side (core, CLI, UI) agrees on.
 */
import { z } from 'zod';
import { ArticleIdSchema } from '../model/model';

/** Largest file imported, in bytes (20 MB). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** The file name endings Triangulate imports articles from, and what each is read as. */
export const ARTICLE_FILE_KINDS = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.odt': 'odt',
} as const;
export type ArticleFileKind = (typeof ARTICLE_FILE_KINDS)[keyof typeof ARTICLE_FILE_KINDS];

export const ARTICLE_FILE_EXTENSIONS = Object.keys(ARTICLE_FILE_KINDS) as (keyof typeof ARTICLE_FILE_KINDS)[];

/** The lower-cased ending of a file name (".txt"), or "" when it has none. */
export function fileExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** What a file is read as, or null when Triangulate does not import its kind. */
export function articleFileKind(name: string): ArticleFileKind | null {
  const ext = fileExtension(name);
  return Object.prototype.hasOwnProperty.call(ARTICLE_FILE_KINDS, ext)
    ? ARTICLE_FILE_KINDS[ext as keyof typeof ARTICLE_FILE_KINDS]
    : null;
}

/** Why a file of this name is not imported (its ending), or null when its kind is supported. */
export function unsupportedFileReason(name: string): string | null {
  if (articleFileKind(name) !== null) return null;
  const ext = fileExtension(name);
  return `${ext ? `files ending in ${ext}` : 'files without an extension'} are not imported; use ${ARTICLE_FILE_EXTENSIONS.join(', ')}`;
}

/** Why a file of this size is not imported, or null when it is small enough. */
export function tooLargeReason(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_FILE_BYTES) return null;
  return `it is ${(bytes / (1024 * 1024)).toFixed(1)} MB, over the 20 MB limit for one file`;
}

/** Largest base64 payload one file may have in a call (a little over 20 MB, so the core names the size itself). */
const MAX_BASE64_CHARS = 40 * 1024 * 1024;

export const ImportArticlesInputSchema = z
  .object({
    files: z
      .array(
        z
          .object({
            /** The file's name (or its path inside a dropped folder), as shown in the report. */
            name: z.string().min(1).max(1_000),
            /** The file's bytes, base64. */
            data: z.string().max(MAX_BASE64_CHARS),
            /**
             * Web pages: import the page's whole visible text instead of the article found in it (offered when the
             * report warned that the article found was implausibly short).
             */
            wholePage: z.boolean().optional(),
            /**
             * The article this file's text is a new version of (the UI's "import the whole page text instead"
             * passes the article the short extraction made); without it, an article already held with the same
             * canonical web address gets the new version.
             */
            replaces: ArticleIdSchema.optional(),
          })
          .strict(),
      )
      .max(10_000),
    /**
     * Web addresses to import (pages, or RSS/Atom feeds whose items are imported), fetched by the core.
     * A bad address is reported by itself; the others still import.
     */
    urls: z.array(z.string().min(1).max(4_000)).max(1_000).optional(),
  })
  .strict();

export const ArticleImportReportSchema = z.object({
  /** Articles added to the library, in the order of the files. */
  imported: z.array(z.object({ id: ArticleIdSchema, title: z.string(), file: z.string() })),
  /** Texts the library (or an earlier file of the batch) already held: not stored again. */
  duplicates: z.array(
    z.object({ file: z.string(), title: z.string(), sameAs: ArticleIdSchema, sameAsTitle: z.string() }),
  ),
  /** Files (or batch items) that were not imported, and why. */
  failures: z.array(z.object({ file: z.string(), reason: z.string() })),
  /**
   * Articles imported whose text may not be the whole article ("only 9 characters of article text found … —
   * imported anyway"): the UI shows them and can offer to import the file again with `wholePage`.
   */
  warnings: z.array(z.object({ file: z.string(), id: ArticleIdSchema, message: z.string(), wholePageOffered: z.boolean() })),
  /**
   * Changed texts of articles already held (same canonical web address, or the article a file `replaces`):
   * stored as a new version of that article, its annotations re-anchored; those the new text no longer
   * holds are listed (and kept with the version they belong to).
   */
  versions: z.array(
    z.object({
      file: z.string(),
      id: ArticleIdSchema,
      title: z.string(),
      version: z.number().int().min(2),
      reanchored: z.number().int().nonnegative(),
      approximate: z.number().int().nonnegative(),
      unanchored: z.array(z.object({ id: z.string(), tagId: z.string(), exact: z.string(), version: z.number().int().min(1) })),
    }),
  ),
});
export type ArticleImportReport = z.infer<typeof ArticleImportReportSchema>;

/** A report with nothing in it, to add others to. */
export function emptyArticleImportReport(): ArticleImportReport {
  return { imported: [], duplicates: [], failures: [], warnings: [], versions: [] };
}

/** The reports of several calls as one. */
export function mergeArticleImportReports(a: ArticleImportReport, b: ArticleImportReport): ArticleImportReport {
  return {
    imported: [...a.imported, ...b.imported],
    duplicates: [...a.duplicates, ...b.duplicates],
    failures: [...a.failures, ...b.failures],
    warnings: [...a.warnings, ...b.warnings],
    versions: [...a.versions, ...b.versions],
  };
}
