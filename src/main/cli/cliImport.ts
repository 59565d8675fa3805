/**
 * `npm run cli -- import [--data DIR] [--whole-page] FILE_OR_FOLDER...`:
 * imports articles from saved web pages, PDF, Word, OpenDocument, news-
 * database exports, plain text, Markdown and JSON/JSONL batch files (folders
 * are walked for those endings). Each failed file gets one line on stderr naming
 * it and the reason and the exit code is then 1; the other files still
 * import. Texts the library already holds are listed on stdout as
 * duplicates, not stored twice. A progress bar shows on a terminal for
 * large batches.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import {
  ARTICLE_FILE_EXTENSIONS,
  MAX_IMPORT_FILE_BYTES,
  articleFileKind,
  emptyArticleImportReport,
  mergeArticleImportReports,
  tooLargeReason,
  type ArticleImportReport,
} from '../../shared/contract/articleImport';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { createCore } from '../core/createCore';
import type { ArticleFilePath } from '../core/createArticleImportService';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { defaultDataDir } from '../store/defaultDataDir';
import { readRegularFile } from '../import/readRegularFile';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { cliCount } from './cliCount';

const NAME = 'triangulate import';

export const IMPORT_USAGE = `Usage: npm run cli -- import [--data DIR] [--whole-page] [--url-list FILE] FILE_OR_FOLDER_OR_URL...

Imports articles into the library: saved web pages (.html, .htm: the
article only, found by Readability; scripts, styles and event handlers are
dropped, nothing runs), PDF (.pdf, with a text layer), Word (.docx) and
OpenDocument (.odt) files, Nexis Uni and Factiva exports (split into their
articles), plain text (.txt), Markdown (.md, .markdown) and batch files
(.json: an array of { "title", "outlet", "author", "date", "url",
"language", "text" } objects; .jsonl: one such object a line). Folders are
searched for those files. A text the library already holds is reported and
not stored again; an article implausibly short for its page is imported and
listed ("Check: …"). Exit code 1 when any file could not be imported (the
others still are).
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)
  --whole-page web pages: import the page's whole visible text, not the
               article found in it (when a page was reported as too short)
  --url-list FILE  also import every http(s) address in FILE (.txt, .csv)
An http(s) address given is fetched (a page, or an RSS/Atom feed whose items
are imported), with a timeout, a size cap and at most 4 fetches at once.`;

const IMPORT_COMMAND = {
  name: NAME,
  usage: IMPORT_USAGE,
  options: { data: { type: 'string' }, 'whole-page': { type: 'boolean' }, 'url-list': { type: 'string' } },
  positionals: true,
} as const;

/** Files sent to the core in one call (its articles' texts are stored together). */
const CHUNK_FILES = 50;

/**
 * index.json (32 MB at 100,000 articles) is written once at the end of an import, or every this many ms of a
 * long one (and at most a tenth of the time: see DataStoreOptions.indexWriteEveryMs), not once per call of 50
 * files. A file that fails still changes nothing; an import cut short leaves index.json as last written.
 */
const INDEX_WRITE_EVERY_MS = 10_000;

/** Told how far the import is: started with the number of files, then each file done. */
export interface ImportProgress {
  start(total: number): void;
  advance(files: number): void;
  stop(): void;
}

/** A bar on stderr when it is a terminal and the batch is large enough to wait for; otherwise nothing. */
export function terminalProgress(minFiles = 20): (total: number) => ImportProgress | null {
  return (total) => {
    if (!process.stderr.isTTY || total < minFiles) return null;
    const bar = new SingleBar({
      stream: process.stderr,
      format: 'Importing [{bar}] {value}/{total} files',
      hideCursor: true,
      clearOnComplete: true,
    });
    return {
      start: (n) => bar.start(n, 0),
      advance: (n) => bar.increment(n),
      stop: () => bar.stop(),
    };
  };
}

interface FoundFile {
  /** As shown in the report: the path as given, or the folder as given joined with the path inside it. */
  name: string;
  path: string;
}

export async function runImport(
  args: string[],
  io: CliIo = processIo(),
  progressFor: (total: number) => ImportProgress | null = terminalProgress(),
): Promise<number> {
  const parsed = parseCommandArgs(IMPORT_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0 && values['url-list'] === undefined) return usageError(IMPORT_COMMAND, 'give at least one FILE, FOLDER or URL', io);

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    let report = emptyArticleImportReport();
    const files: FoundFile[] = [];
    const urls = positionals.filter((p) => /^https?:\/\//i.test(p));
    if (values['url-list'] !== undefined) {
      // Read like any imported file: a regular file only, at most the import size limit.
      const list = await readRegularFile(resolve(io.cwd, values['url-list']), { limit: MAX_IMPORT_FILE_BYTES, tooLarge: (n) => tooLargeReason(n)! });
      if (!list.ok) report.failures.push({ file: values['url-list'], reason: list.reason });
      else {
        const listed = list.bytes.toString('utf8').match(/https?:\/\/[^\s,;"'<>]+/gi) ?? [];
        if (listed.length === 0) report.failures.push({ file: values['url-list'], reason: 'it holds no http(s) addresses' });
        for (const url of listed) urls.push(url);
      }
    }
    for (const given of positionals.filter((p) => !/^https?:\/\//i.test(p))) {
      const found = await findFiles(given, resolve(io.cwd, given));
      if ('reason' in found) report.failures.push({ file: given, reason: found.reason });
      else for (const file of found.files) files.push(file);
    }

    // The import writes to the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), indexWriteEveryMs: INDEX_WRITE_EVERY_MS });
      const progress = progressFor(files.length + urls.length);
      progress?.start(files.length + urls.length);
      /** Calls made, so that none is still storing when the core closes (after one failed, say). */
      const calls: Promise<unknown>[] = [];
      try {
        // Two calls under way at once: the next chunk's files are read by the import workers while the one before
        // is compared with the library and stored (the core stores one call after the other).
        let before: Promise<void> | null = null;
        for (const chunk of chunksOf(files, values['whole-page'] === true)) {
          const call = chunk.files.length > 0 ? core.importArticleFiles(chunk.files) : Promise.resolve(emptyArticleImportReport());
          calls.push(call.catch(() => undefined));
          const done = call.then((read) => {
            report = mergeArticleImportReports(report, read);
            progress?.advance(chunk.files.length);
          });
          // Its failure is met when it is awaited below, not as an unhandled rejection while the next chunk is read.
          done.catch(() => undefined);
          if (before) await before;
          before = done;
        }
        if (before) await before;
        for (let i = 0; i < urls.length; i += CHUNK_FILES) {
          const batch = urls.slice(i, i + CHUNK_FILES);
          report = mergeArticleImportReports(report, await core.importArticles({ files: [], urls: batch }));
          progress?.advance(batch.length);
        }
      } finally {
        progress?.stop();
        await Promise.all(calls);
        await core.close();
      }
    } finally {
      await lock.release();
    }

    for (const d of report.duplicates) {
      io.out(`Duplicate: ${d.file} has the same text as article ${d.sameAs} (“${d.sameAsTitle}”); not stored again`);
    }
    for (const v of report.versions) {
      const lost = v.unanchored.map((a) => `“${a.exact}”`).join(', ');
      io.out(
        `New version: ${v.file} is version ${v.version} of article ${v.id} (“${v.title}”); ${cliCount(v.reanchored, 'annotation')} re-anchored` +
          (v.approximate > 0 ? ` (${cliCount(v.approximate)} approximately)` : '') +
          (lost ? `; not found in the new text, kept with their version: ${lost}` : ''),
      );
    }
    for (const w of report.warnings) {
      io.out(`Check: ${w.file}: ${w.message}${w.wholePageOffered ? ' (run again with --whole-page for the whole page text)' : ''}`);
    }
    io.out(summary(report));
    for (const f of report.failures) io.err(`${NAME}: ${f.file}: ${f.reason}`);
    return report.failures.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

export const importCommand: CliCommand = {
  summary: 'Import articles (.html, .pdf, .docx, .odt, .txt, .md, .json, .jsonl files, news-database exports, or folders of them)',
  run: (args, io) => runImport(args, io),
};

function summary(report: ArticleImportReport): string {
  const parts = [`Imported ${cliCount(report.imported.length, 'article')}`];
  if (report.versions.length > 0) parts.push(`${cliCount(report.versions.length, 'new version')} of articles already held`);
  if (report.duplicates.length > 0) parts.push(`${cliCount(report.duplicates.length, 'duplicate')} skipped`);
  if (report.failures.length > 0) parts.push(`${cliCount(report.failures.length, 'file')} failed`);
  return parts.join('; ');
}


/** A file as given, or a folder's importable files (recursively, hidden ones left out, in name order). */
async function findFiles(given: string, path: string): Promise<{ files: FoundFile[] } | { reason: string }> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    return { reason: `cannot be read: ${oneLine(error)}` };
  }
  if (!isDir) return { files: [{ name: given, path }] };
  const files: FoundFile[] = [];
  const walk = async (dir: string, shown: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(join(dir, entry.name), join(shown, entry.name));
      else if (entry.isFile() && articleFileKind(entry.name) !== null) files.push({ name: join(shown, entry.name), path: join(dir, entry.name) });
    }
  };
  try {
    await walk(path, given);
  } catch (error) {
    return { reason: `cannot be read: ${oneLine(error)}` };
  }
  if (files.length === 0) return { reason: `the folder holds no ${ARTICLE_FILE_EXTENSIONS.join(', ')} files` };
  return { files };
}

/** Files for one call: where they are (the import workers read them: the CLI's thread neither reads nor holds their bytes). */
interface Chunk {
  files: ArticleFilePath[];
}

/** The files grouped into calls of at most CHUNK_FILES files. */
function* chunksOf(found: readonly FoundFile[], wholePage: boolean): Generator<Chunk> {
  for (let i = 0; i < found.length || i === 0; i += CHUNK_FILES) {
    yield { files: found.slice(i, i + CHUNK_FILES).map((file) => ({ name: file.name, path: file.path, ...(wholePage ? { wholePage } : {}) })) };
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
