/**
 * `npm run cli -- export --out FILE [--data DIR] [--format w3c|project|csv|qdpx|passim]`:
 * writes the library to a file, streamed article by article so memory stays
 * flat for large libraries (streamExport), replaced atomically, and prints
 * one line saying what it wrote. It only reads the data folder: a folder
 * without a library is an error, not a new library.
 */
import { readEntityIndex } from '../core/readEntityIndex';
import { creditsAnyone } from '../export/creditsAnyone';
import { EntityStore } from '../store/entityStore';
import { QuoteCache } from '../store/quoteCache';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { DataStore } from '../store/dataStore';
import { defaultDataDir } from '../store/defaultDataDir';
import { LinkStore } from '../store/linkStore';
import { EXPORT_FORMATS, streamExport, type ExportFormat, type ExportSummary } from '../export/streamExport';
import { MAX_PAGE_SIZE, pageFileName } from '../export/writePagedW3C';
import { cliCount } from './cliCount';

export const EXPORT_USAGE = `Usage: npm run cli -- export --out FILE [--data DIR] [--format w3c|project|csv|qdpx|passim] [--page-size N]

Writes the library to FILE, article by article:
  w3c      every annotation as W3C Web Annotation JSON (an AnnotationCollection),
           with the groups and Quote→Source links as linking annotations (default)
  project  Triangulate's complete project file: articles with their texts and
           details, codebook, annotations, groups, links, suggestion decisions;
           import it with \`import-annotations\` (into an empty folder too)
  csv      one row per annotation (UTF-8 with BOM, RFC 4180), for R, pandas or
           a spreadsheet
  qdpx     REFI-QDA project exchange (.qdpx) for MAXQDA, ATLAS.ti, NVivo and
           QualCoder: articles as text sources, tags as codes, annotations as
           coded selections by their coders, notes, groups and credits as links
  passim   the articles as passim's input (JSON lines: id, series = outlet,
           date, text), to detect text reuse in very large corpora on Apache
           Spark; read its clusters back with \`import-passim\`
  --out FILE      file to write; replaced if it exists
  --format NAME   w3c (default), project, csv, qdpx or passim
  --page-size N   w3c only: AnnotationPages of at most N items, linked by
                  next/prev; FILE holds the collection (first, last, total)
                  and page n goes beside it as NAME.page-n.json; an export
                  of N items or fewer is the one-file export
  --data DIR      data folder (default: $TRIANGULATE_DATA, else the per-user
                  Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const EXPORT_COMMAND = {
  name: 'triangulate export',
  usage: EXPORT_USAGE,
  options: { data: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, 'page-size': { type: 'string' } },
} as const;

export interface ExportOptions {
  /** Clock for the export's `generated` stamp (tests pin it). */
  now?: () => Date;
}

export async function runExport(args: string[], io: CliIo = processIo(), options: ExportOptions = {}): Promise<number> {
  const parsed = parseCommandArgs(EXPORT_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.out) {
    return usageError(EXPORT_COMMAND, '--out FILE is required', io);
  }
  const format = (values.format ?? 'w3c') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    return usageError(EXPORT_COMMAND, `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`, io);
  }

  let pageSize: number | undefined;
  if (values['page-size'] !== undefined) {
    if (format !== 'w3c') return usageError(EXPORT_COMMAND, '--page-size applies to --format w3c only', io);
    pageSize = Number(values['page-size']);
    if (!/^\d+$/.test(values['page-size']) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return usageError(EXPORT_COMMAND, `--page-size must be a whole number from 1 to ${MAX_PAGE_SIZE}, not "${values['page-size']}"`, io);
    }
  }

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  const outFile = resolve(io.cwd, values.out);
  try {
    if (!isDirectory(dataDir)) {
      io.err(`triangulate export: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    if (isStoreFile(dataDir, outFile)) {
      io.err(`triangulate export: ${outFile} is one of the library's own files; choose another --out`);
      return 1;
    }
    const store = await DataStore.open(dataDir);
    if (!store) {
      io.err(`triangulate export: the data folder ${dataDir} holds no library (no index.json)`);
      return 1;
    }
    const links = new LinkStore(dataDir);
    let summary: ExportSummary;
    try {
      // CSV speaker columns, W3C 'triangulate:speakerName'/'speakerId' and the project's speakerId/speakerName carry the
      // people index's canonical names; the index (quote detection over every article) is built only when someone is credited.
      const corrections = format === 'csv' || format === 'w3c' || format === 'project' ? await new EntityStore(dataDir).corrections() : [];
      const speakers =
        (format === 'csv' || format === 'w3c' || format === 'project') && (await creditsAnyone(store))
          ? (await readEntityIndex(store, await QuoteCache.open(dataDir), corrections)).canonicalOf
          : undefined;
      summary = await streamExport({ store, links, speakers, corrections: format === 'project' ? corrections : undefined }, format, outFile, (options.now ?? (() => new Date()))().toISOString(), pageSize === undefined ? {} : { pageSize });
    } catch (error) {
      throw new Error(isWriteError(error) ? `cannot write ${outFile}: ${oneLine(error)}` : oneLine(error));
    } finally {
      await store.close();
      await links.close();
    }
    io.out(summaryLine(format, summary, outFile));
    return 0;
  } catch (error) {
    io.err(`triangulate export: ${oneLine(error)}`);
    return 1;
  }
}

function summaryLine(format: ExportFormat, s: ExportSummary, outFile: string): string {
  if (format === 'project') {
    return `Exported the project: ${cliCount(s.articles, 'article')}, ${cliCount(s.annotations, 'annotation')}, ${cliCount(s.groups, 'group')} and ${cliCount(s.sourceLinks, 'source link')} to ${outFile}`;
  }
  if (format === 'csv') return `Exported ${cliCount(s.annotations, 'annotation')} from ${cliCount(s.annotatedArticles, 'article')} as CSV to ${outFile}`;
  if (format === 'qdpx') return `Exported ${cliCount(s.articles, 'article')} and ${cliCount(s.annotations, 'annotation')} as a REFI-QDA project (.qdpx) to ${outFile}`;
  if (format === 'passim') return `Exported ${cliCount(s.articles, 'article')} as passim input (JSON lines) to ${outFile}`;
  const linked = s.groups + s.sourceLinks > 0 ? `, ${cliCount(s.groups, 'group')} and ${cliCount(s.sourceLinks, 'source link')}` : '';
  const pages = s.pages ? ` in ${cliCount(s.pages)} pages (${pageFileName(outFile, 1)} … ${pageFileName(outFile, s.pages)})` : '';
  return `Exported ${cliCount(s.annotations)} annotations from ${cliCount(s.annotatedArticles)} articles${linked} to ${outFile}${pages}`;
}

/** An error from the file system about the output (not a damaged library file, which names itself). */
function isWriteError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === 'string' && typeof (error as { syscall?: unknown }).syscall === 'string';
}

export const exportCommand: CliCommand = {
  summary: 'Write the library as W3C Web Annotation JSON, a project file, CSV, a REFI-QDA .qdpx or passim input',
  run: runExport,
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** index.json, links.json, or anything in texts/ or annotations/: an export must never replace them. */
function isStoreFile(dataDir: string, file: string): boolean {
  return (
    file === join(dataDir, 'index.json') ||
    file === join(dataDir, 'links.json') ||
    dirname(file) === join(dataDir, 'texts') ||
    dirname(file) === join(dataDir, 'annotations')
  );
}
