/**
 * `npm run cli -- import [--data DIR] FILE_OR_FOLDER...`: imports articles
 * from plain text, Markdown, HTML and JSON/JSONL batch files (folders are
 * walked for those endings). Each failed file gets one line on stderr naming
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
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { defaultDataDir } from '../store/defaultDataDir';
import { readRegularFile } from '../import/readRegularFile';
import { parseCommandArgs, usageError } from './parseCommandArgs';

const NAME = 'triangulate import';

export const IMPORT_USAGE = `Usage: npm run cli -- import [--data DIR] FILE_OR_FOLDER...

Imports articles into the library: plain text (.txt), Markdown (.md,
.markdown), HTML (.html, .htm: the article text only; scripts, styles and
event handlers are dropped, nothing runs) and batch files (.json: an array of
{ "title", "outlet", "author", "date", "url", "language", "text" } objects;
.jsonl: one such object a line). Folders are searched for those files. A
text the library already holds is reported and not stored again. Exit code 1
when any file could not be imported (the others still are).
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const IMPORT_COMMAND = {
  name: NAME,
  usage: IMPORT_USAGE,
  options: { data: { type: 'string' } },
  positionals: true,
} as const;

/** Files sent to the core in one call: at most this many, or this many bytes. */
const CHUNK_FILES = 50;
const CHUNK_BYTES = 8 * 1024 * 1024;

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
  if (positionals.length === 0) return usageError(IMPORT_COMMAND, 'give at least one FILE or FOLDER', io);

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    let report = emptyArticleImportReport();
    const files: FoundFile[] = [];
    for (const given of positionals) {
      const found = await findFiles(given, resolve(io.cwd, given));
      if ('reason' in found) report.failures.push({ file: given, reason: found.reason });
      else files.push(...found.files);
    }

    // The import writes to the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir() });
      const progress = progressFor(files.length);
      progress?.start(files.length);
      try {
        for await (const chunk of chunksOf(files)) {
          report.failures.push(...chunk.failures);
          if (chunk.files.length > 0) report = mergeArticleImportReports(report, await core.importArticles({ files: chunk.files }));
          progress?.advance(chunk.files.length + chunk.failures.length);
        }
      } finally {
        progress?.stop();
        await core.close();
      }
    } finally {
      await lock.release();
    }

    for (const d of report.duplicates) {
      io.out(`Duplicate: ${d.file} has the same text as article ${d.sameAs} (“${d.sameAsTitle}”); not stored again`);
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
  summary: 'Import articles (.txt, .md, .html, .json, .jsonl files or folders of them)',
  run: (args, io) => runImport(args, io),
};

function summary(report: ArticleImportReport): string {
  const parts = [`Imported ${count(report.imported.length, 'article')}`];
  if (report.duplicates.length > 0) parts.push(`${count(report.duplicates.length, 'duplicate')} skipped`);
  if (report.failures.length > 0) parts.push(`${count(report.failures.length, 'file')} failed`);
  return parts.join('; ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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

interface Chunk {
  /** Files read, for one call. */
  files: { name: string; data: string }[];
  /** Files too large or unreadable: reported here, never sent. */
  failures: ArticleImportReport['failures'];
}

/** The files read and grouped into calls of at most CHUNK_FILES files or CHUNK_BYTES bytes. */
async function* chunksOf(found: readonly FoundFile[]): AsyncGenerator<Chunk> {
  let chunk: Chunk = { files: [], failures: [] };
  let bytes = 0;
  for (const file of found) {
    if (chunk.files.length >= CHUNK_FILES || bytes >= CHUNK_BYTES) {
      yield chunk;
      chunk = { files: [], failures: [] };
      bytes = 0;
    }
    // Regular files only, and never more than the limit, whatever size they claim (a device reports 0).
    const read = await readRegularFile(file.path, { limit: MAX_IMPORT_FILE_BYTES, tooLarge: (n) => tooLargeReason(n)! });
    if (!read.ok) {
      chunk.failures.push({ file: file.name, reason: read.reason });
      continue;
    }
    const data = read.bytes;
    chunk.files.push({ name: file.name, data: data.toString('base64') });
    bytes += data.length;
  }
  yield chunk;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
