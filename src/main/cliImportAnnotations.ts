/**
 * `npm run cli -- import-annotations [--data DIR] FILE`: imports a W3C Web
 * Annotation collection (Triangulate's export or another tool's) into the
 * library: annotations re-anchored in the articles, then groups and
 * Quote→Source links. Prints what was imported; each item that could not be
 * goes to stderr, and the exit code is then 1. A file that is not a
 * collection changes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportReport } from '../shared/crossArticle';
import { bundledCorpusDir } from './bundledCorpusDir';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { createCore } from './createCore';
import { acquireDataFolderLock } from './dataFolderLock';
import { defaultDataDir } from './defaultDataDir';

const NAME = 'triangulate import-annotations';

export const IMPORT_ANNOTATIONS_USAGE = `Usage: npm run cli -- import-annotations [--data DIR] FILE

Imports W3C Web Annotation JSON (an AnnotationCollection, from Triangulate or
another tool): each annotation is re-anchored in the article it names by its
quote and position; groups and Quote→Source links follow. Annotations that
are already there are skipped.
  FILE         the JSON file to import
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const IMPORT_ANNOTATIONS_COMMAND = {
  name: NAME,
  usage: IMPORT_ANNOTATIONS_USAGE,
  options: { data: { type: 'string' } },
  positionals: true,
} as const;

export async function runImportAnnotations(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(IMPORT_ANNOTATIONS_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    return usageError(IMPORT_ANNOTATIONS_COMMAND, positionals.length === 0 ? 'FILE is required' : 'give one FILE', io);
  }

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  const file = resolve(io.cwd, positionals[0]!);
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    const collection = await readJson(file);
    // The import writes to the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    let report: ImportReport;
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir() });
      try {
        report = await core.importW3C({ collection });
      } finally {
        await core.close();
      }
    } finally {
      await lock.release();
    }
    io.out(summary(report, file));
    for (const problem of report.problems) io.err(`${NAME}: ${problem}`);
    if (report.problems.length > 0) io.err(`${NAME}: ${count(report.problems.length, 'item')} could not be imported`);
    return report.problems.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

export const importAnnotationsCommand: CliCommand = {
  summary: 'Import W3C Web Annotation JSON (annotations, groups, source links)',
  run: runImportAnnotations,
};

function summary(report: ImportReport, file: string): string {
  const skipped = report.annotationsSkipped > 0 ? ` (${report.annotationsSkipped} already there, skipped)` : '';
  return (
    `Imported ${count(report.annotationsImported, 'annotation')}${skipped}, ` +
    `${count(report.groupsImported, 'group')} and ${count(report.linksImported, 'source link')} from ${file}`
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

async function readJson(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${oneLine(error)}`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${oneLine(error)}); nothing was imported`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
