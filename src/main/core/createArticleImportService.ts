/**
 * The core's `importArticles`: reads each file (web page, PDF, Word,
 * OpenDocument, news-database export, plain text, Markdown, JSON/JSONL
 * batch) and each web address (a page or a feed), gives every article its canonical text, hash and an id
 * derived from the hash, and stores the new ones in one `addArticles` (texts
 * first, index last). Texts the library (or an earlier file of the same
 * call) already holds, in any version, are reported as duplicates and not
 * stored again. A changed text of an article already held — the same
 * canonical web address, or the article a file `replaces` — becomes a new
 * version of it (`addVersion`: its annotations re-anchored, the ones lost listed). A
 * file that cannot be read, or a batch with a bad item, is reported with
 * its reason and adds nothing; the other files still import.
 */
import { ApiError } from '../../shared/contract/apiError';
import { emptyArticleImportReport, type ArticleImportReport } from '../../shared/contract/articleImport';
import type { ArticleDraft } from '../../shared/model/articleDraft';
import { articleTitle, canonicalArticleText } from '../../shared/model/canonicalText';
import type { Input, Output } from '../../shared/contract/contract';
import type { Article, ArticleMeta } from '../../shared/model/model';
import { normalizeUrl } from '../../shared/formats/w3c/normalizeUrl';
import type { CoreContext } from './coreContext';
import { readArticleFileData, type ArticleFileReader, type FileData } from '../import/createArticleFileReader';
import type { ArticleFileResult, PreparedDraft } from '../import/readArticleFile';
import { textHash } from '../store/textHash';
import type { ArticlesBodyFile } from '../import/readArticlesBody';

export interface ArticleImportOptions {
  /** Reads one file into drafts; the core's reads each file in a worker with a memory cap and a time limit. */
  readFile?: ArticleFileReader['read'];
}

/**
 * A file read by the core's own process (the CLI) as it goes to `importArticleFiles`: its bytes as read, not
 * base64 text (no encoding on this side, no decoding and checking on the worker's); handed over to the import
 * worker, so the caller must not use them again.
 */
export type ArticleFileBytes = ArticlesBodyFile & { bytes: Uint8Array };

/**
 * A file the core's own process (the CLI) imports from disk: its path goes to the import worker, which reads it
 * (a regular file only, at most the import size limit: readRegularFile) — the core's thread neither reads nor
 * holds its bytes, nor collects them after.
 */
export type ArticleFilePath = { name: string; path: string; wholePage?: boolean };

/** A file to import: its data (base64 as the call gave it, or its bytes), or why it cannot be read. */
type ImportFile = { name: string; wholePage?: boolean; replaces?: string } & ({ file: FileData } | { refused: string });

export function createArticleImportService(ctx: CoreContext, options: ArticleImportOptions = {}) {
  const readFile: NonNullable<ArticleImportOptions['readFile']> =
    options.readFile ??
    ((name: string, file: FileData, readOptions) => readArticleFileData(name, file, { checkNesting: true, wholePage: readOptions?.wholePage === true }));
  // One import at a time: each sees what the one before it stored.
  let last: Promise<unknown> = Promise.resolve();
  const importAll = (files: ImportFile[], urls: readonly string[]): Promise<Output<'importArticles'>> => {
    // The files are read (in the import workers) from now on, while an import before this one may still be storing;
    // what the files hold is compared with the library and stored only once that import is done.
    const sources = sourcesOf(files, urls, readFile);
    const run = last.then(() => importFiles(ctx, sources));
    last = run.catch(() => undefined);
    return run;
  };
  return {
    importArticles(input: Input<'importArticles'>): Promise<Output<'importArticles'>> {
      // Checked and decoded where it is read (in the import worker): a 20 MB file costs the core's event loop nothing.
      return importAll(
        input.files.map(({ data, ...file }) => ({ ...file, file: { base64: data } })),
        input.urls ?? [],
      );
    },
    /**
     * importArticles of files as bytes: a body the import worker read (readArticlesBody), or files the CLI read
     * itself; the same pipeline and report, the files' bytes handed on to the readers uncopied. Or of files on
     * disk (the CLI's), each read by the import worker that reads its articles.
     */
    importArticleFiles(files: readonly (ArticlesBodyFile | ArticleFilePath)[], urls: readonly string[]): Promise<Output<'importArticles'>> {
      return importAll(
        files.map((f) =>
          'path' in f
            ? { name: f.name, wholePage: f.wholePage, file: { path: f.path } }
            : 'bytes' in f
              ? { name: f.name, wholePage: f.wholePage, replaces: f.replaces, file: f.bytes, handOver: true }
              : f,
        ),
        urls,
      );
    },
  };
}

/**
 * Files read ahead of the one being compared and stored: enough to keep every import worker busy while the
 * import before stores its articles (~20 ms for 50) and while this one stores its own; few enough to hold little.
 */
const READ_AHEAD = 16;

type Source = { name: string; read: ArticleFileResult; replaces?: string };

/**
 * The files read a few at a time (in the import workers), given back in their order; then the web addresses
 * (fetched a few at a time). The first files are handed to the workers at once, before the first is asked for.
 */
function sourcesOf(
  files: readonly (ImportFile & { handOver?: boolean })[],
  urls: readonly string[],
  readFile: NonNullable<ArticleImportOptions['readFile']>,
): AsyncGenerator<Source> {
  const reading = (file: (typeof files)[number]): Promise<ArticleFileResult> =>
    'refused' in file
      ? Promise.resolve({ ok: false as const, reason: file.refused })
      : readFile(file.name, file.file, { wholePage: file.wholePage === true, handOver: file.handOver === true }).catch((error: unknown) => ({
          ok: false as const,
          reason: `it could not be read: ${error instanceof Error ? error.message : String(error)}`,
        }));
  const ahead: Promise<ArticleFileResult>[] = [];
  for (let next = 0; next < files.length && next < READ_AHEAD; next++) ahead.push(reading(files[next]!));
  return inOrder(files, urls, ahead, reading);
}

async function* inOrder<F extends ImportFile>(
  files: readonly F[],
  urls: readonly string[],
  ahead: Promise<ArticleFileResult>[],
  reading: (file: F) => Promise<ArticleFileResult>,
): AsyncGenerator<Source> {
  for (const [n, file] of files.entries()) {
    const read = await ahead.shift()!;
    if (n + READ_AHEAD < files.length) ahead.push(reading(files[n + READ_AHEAD]!));
    yield { name: file.name, read, ...(file.replaces ? { replaces: file.replaces } : {}) };
  }
  if (urls.length > 0) {
    const { readWebAddresses } = await import('../import/web/readWebAddresses');
    for (const { name, result } of await readWebAddresses(urls)) yield { name, read: result };
  }
}

async function importFiles(ctx: CoreContext, sources: AsyncGenerator<Source>): Promise<Output<'importArticles'>> {
  ctx.ensureOpen();
  const report: ArticleImportReport = emptyArticleImportReport();
  const held = new Map<string, { id: string; title: string }>();
  for (const a of ctx.store.articles()) {
    for (const v of a.versions ?? []) held.set(v.hash, a);
    held.set(a.hash, a);
  }
  /** Articles held, by their normalised canonical web address: a changed text under one is a new version. */
  const byUrl = new Map<string, ArticleMeta>();
  for (const a of ctx.store.articles()) {
    const key = a.url ? normalizeUrl(a.url) : null;
    if (key && !byUrl.has(key)) byUrl.set(key, a);
  }
  const versions: { file: string; of: ArticleMeta; article: Article }[] = [];
  const ids = new Set(ctx.store.articles().map((a) => a.id));
  /** Ids taken by earlier files of this call, and which file. */
  const importedFrom = new Map<string, string>();
  const accepted: Article[] = [];

  for await (const { name, read, replaces } of sources) {
    const file = { name };
    if (!read.ok) {
      report.failures.push({ file: file.name, reason: read.reason });
      continue;
    }
    const replaced = replaces === undefined ? null : (ctx.store.article(replaces) ?? null);
    if (replaces !== undefined && (!replaced || read.drafts.length !== 1)) {
      report.failures.push({
        file: file.name,
        reason: replaced ? `it holds ${read.drafts.length} articles, so it cannot be one new version of "${replaces}"` : `there is no article "${replaces}" for it to be a new version of`,
      });
      continue;
    }
    const fileVersions: typeof versions = [];
    // Nothing of a file is kept until all of it is known to be good.
    const articles: Article[] = [];
    const warnings: ArticleImportReport['warnings'] = [];
    const duplicates: ArticleImportReport['duplicates'] = [];
    const fileHashes = new Map<string, { id: string; title: string }>();
    const fileIds = new Set<string>();
    let failure: string | null = null;
    for (const [n, draft] of read.drafts.entries()) {
      const article = toArticle(draft, file.name, read.prepared?.[n]);
      const label = draft.where ? `${file.name} (${draft.where})` : file.name;
      const same = held.get(article.hash) ?? fileHashes.get(article.hash);
      if (same) {
        duplicates.push({ file: label, title: article.title, sameAs: same.id, sameAsTitle: same.title });
        continue;
      }
      const urlKey = article.url ? normalizeUrl(article.url) : null;
      const earlier = replaced ?? (urlKey ? byUrl.get(urlKey) : undefined);
      if (earlier && draft.id === null) {
        fileVersions.push({ file: label, of: earlier, article });
        fileHashes.set(article.hash, earlier);
        if (draft.warning) warnings.push({ file: label, id: earlier.id, message: draft.warning, wholePageOffered: read.wholePageOffered === true });
        continue;
      }
      if (draft.id !== null) {
        if (ids.has(draft.id) || fileIds.has(draft.id)) {
          const earlier = importedFrom.get(draft.id);
          const owner = earlier ? `an article from ${earlier} in this import` : 'another article in the library';
          failure = `${draft.where ?? 'the article'}: id "${draft.id}" is already used by ${owner} (nothing from this file was imported)`;
          break;
        }
      } else {
        article.id = freeId(article.hash, (id) => ids.has(id) || fileIds.has(id));
      }
      fileIds.add(article.id);
      fileHashes.set(article.hash, article);
      articles.push(article);
      if (draft.warning) warnings.push({ file: label, id: article.id, message: draft.warning, wholePageOffered: read.wholePageOffered === true });
    }
    if (failure !== null) {
      report.failures.push({ file: file.name, reason: failure });
      continue;
    }
    for (const article of articles) {
      accepted.push(article);
      held.set(article.hash, article);
      ids.add(article.id);
      importedFrom.set(article.id, file.name);
      report.imported.push({ id: article.id, title: article.title, file: file.name });
    }
    for (const v of fileVersions) held.set(v.article.hash, v.of);
    for (const v of fileVersions) versions.push(v);
    for (const d of duplicates) report.duplicates.push(d);
    for (const w of warnings) report.warnings.push(w);
  }

  try {
    await ctx.store.addArticles(accepted);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', `The articles could not be stored: ${error instanceof Error ? error.message : String(error)}`);
  }
  const imported = ctx.now().toISOString();
  for (const v of versions) {
    try {
      const added = await ctx.store.addVersion(v.of.id, {
        text: v.article.text,
        hash: v.article.hash,
        origin: v.article.origin,
        imported,
        modified: v.article.modified ?? null,
      });
      report.versions.push({
        file: v.file,
        id: v.of.id,
        title: v.of.title,
        version: added.version,
        reanchored: added.reanchored,
        approximate: added.approximate,
        unanchored: added.unanchored.map(({ id, tagId, exact, version }) => ({ id, tagId, exact, version })),
      });
    } catch (error) {
      // A damaged data folder stops the import (the UI offers a restore); anything else is this file's failure.
      if (error instanceof ApiError && error.code === 'corrupt_data') throw error;
      report.failures.push({ file: v.file, reason: `its new version of "${v.of.title}" could not be stored: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return report;
}

/**
 * The stored article a draft becomes: canonical text, its hash, a title however the file gave one.
 * `prepared`: the import worker already made the text canonical and hashed it (prepareDrafts).
 */
function toArticle(draft: ArticleDraft, fileName: string, prepared?: PreparedDraft): Article {
  const { text, date } = prepared ? { text: draft.text, date: prepared.date } : canonicalArticleText(draft.text);
  const hash = prepared?.hash ?? textHash(text);
  return {
    id: draft.id ?? '',
    title: draft.title ?? ((prepared ? prepared.title : articleTitle(text)) || baseName(fileName)),
    date: draft.date ?? date,
    outlet: draft.outlet,
    hash,
    length: text.length,
    origin: fileName.slice(0, 1_000),
    author: draft.author,
    url: draft.url,
    language: draft.language,
    ...(draft.standfirst ? { standfirst: draft.standfirst } : {}),
    ...(draft.modified ? { modified: draft.modified } : {}),
    note: '',
    text,
  };
}

/** `art_` and the start of the text's hash, longer when that is taken. */
function freeId(hash: string, taken: (id: string) => boolean): string {
  for (let length = 16; length <= hash.length; length += 8) {
    const id = `art_${hash.slice(0, length)}`;
    if (!taken(id)) return id;
  }
  for (let n = 2; ; n++) if (!taken(`art_${hash}_${n}`)) return `art_${hash}_${n}`;
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}
