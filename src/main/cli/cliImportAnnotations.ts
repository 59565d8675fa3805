/**
 * `npm run cli -- import-annotations [--data DIR] [--coder NAME] FILE`: imports a W3C Web
 * Annotation collection (Triangulate's export or another tool's) into the
 * library: annotations re-anchored in the articles, then groups and
 * Quote→Source links. Prints what was imported; each item that could not be
 * goes to stderr, and the exit code is then 1. A file that is not a
 * collection changes nothing.
 * A Triangulate `project` file is merged instead (importProject); into a
 * folder that holds no library yet it is restored whole: the library is
 * created from the project (its articles, codebook and creator) rather than
 * from the default corpus, then the rest merged in.
 */
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportReport } from '../../shared/crossArticle/crossArticle';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/contract/articleImport';
import { planProjectImport, readProjectFile } from '../../shared/formats/project/planProjectImport';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';
import { jsonSyntaxProblem } from '../../shared/jsonSyntaxProblem';
import { isProjectFile, type ProjectImportReport } from '../../shared/formats/project/projectFile';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { coderName } from './coderName';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { readRegularFile } from '../import/readRegularFile';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { createCore } from '../core/createCore';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { DataStore, type NewLibrary } from '../store/dataStore';
import { defaultDataDir } from '../store/defaultDataDir';
import { textHash } from '../store/textHash';

const NAME = 'triangulate import-annotations';

export const IMPORT_ANNOTATIONS_USAGE = `Usage: npm run cli -- import-annotations [--data DIR] [--coder NAME] FILE

Imports W3C Web Annotation JSON (an AnnotationCollection, from Triangulate or
another tool): each annotation is re-anchored in the article it names by its
quote (approximately when the text differs slightly) and position; groups
and Quote→Source links follow. Annotations that are already there are skipped.
A Triangulate project file (\`export --format project\`) is merged: new
articles, tags, annotations, groups and links are added, nothing is doubled;
into a folder without a library it is restored whole.
  FILE         the JSON file to import
  --coder NAME the coder recorded for annotations the file names no creator
               for (default: the library's coder); annotations that name one
               keep it
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const IMPORT_ANNOTATIONS_COMMAND = {
  name: NAME,
  usage: IMPORT_ANNOTATIONS_USAGE,
  options: { data: { type: 'string' }, coder: { type: 'string' } },
  positionals: true,
} as const;

export async function runImportAnnotations(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(IMPORT_ANNOTATIONS_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    return usageError(IMPORT_ANNOTATIONS_COMMAND, positionals.length === 0 ? 'FILE is required' : 'give one FILE', io);
  }
  const coder = values.coder === undefined ? undefined : coderName(values.coder);
  if (coder && !coder.ok) return usageError(IMPORT_ANNOTATIONS_COMMAND, coder.problem, io);
  const creator = coder?.ok ? coder.name : undefined;

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  const file = resolve(io.cwd, positionals[0]!);
  try {
    // Only a project file may bring its library into a folder that does not exist yet.
    const missing = !(await isDirectory(dataDir));
    if (missing && !isProjectFile(await readJson(file).catch(() => null))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    const value = await readJson(file);
    if (isProjectFile(value)) return await importProjectFile(value, dataDir, file, io, creator);
    const collection = value;
    // The import writes to the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    let report: ImportReport;
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), creator });
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

/** A project file: merged into the library, or the library created from it in a folder without one. */
async function importProjectFile(value: unknown, dataDir: string, file: string, io: CliIo, creator: string | undefined): Promise<number> {
  const read = readProjectFile(value);
  if (!read.ok) throw new Error(`${file}: ${read.errors.join('; ')}; nothing was imported`);
  const { project } = read;
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataFolderLock(dataDir);
  let report: ProjectImportReport;
  let restored = false;
  try {
    let newLibrary: NewLibrary | undefined;
    if ((await DataStore.open(dataDir)) === null) {
      // Checked whole against an empty library first: a bad file must not leave a half library behind.
      const check = planProjectImport(project, { articles: [], codebook: [], files: new Map(), groups: [], sourceLinks: [] }, textHash);
      if (!check.ok) throw new Error(`${file} cannot be imported: ${check.errors.slice(0, 8).join('; ')}; nothing was imported`);
      newLibrary = {
        articles: project.articles.map(({ annotations: _a, rejectedSuggestions: _r, ...article }) => article),
        codebook: project.codebook,
        settings: { creator: project.creator },
      };
      restored = true;
    }
    const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), newLibrary, creator });
    try {
      report = await core.importProject({ project });
    } finally {
      await core.close();
    }
  } finally {
    await lock.release();
  }
  const articles = restored ? project.articles.length : report.articlesImported;
  const tags = restored ? project.codebook.length : report.tagsImported;
  const skipped = report.annotationsSkipped > 0 ? ` (${report.annotationsSkipped} already there, skipped)` : '';
  io.out(
    `${restored ? 'Restored' : 'Merged'} the project from ${file}: ${count(articles, 'article')}, ${count(tags, 'tag')}, ` +
      `${count(report.annotationsImported, 'annotation')}${skipped}, ${count(report.groupsImported, 'group')} and ${count(report.linksImported, 'source link')}`,
  );
  for (const note of report.notes) io.err(`${NAME}: note: ${note}`);
  return 0;
}

export const importAnnotationsCommand: CliCommand = {
  summary: 'Import W3C Web Annotation JSON (annotations, groups, source links)',
  run: runImportAnnotations,
};

function summary(report: ImportReport, file: string): string {
  const skipped = report.annotationsSkipped > 0 ? ` (${report.annotationsSkipped} already there, skipped)` : '';
  const approximate = report.annotationsApproximate > 0 ? ` (${report.annotationsApproximate} anchored where the text differs slightly)` : '';
  return (
    `Imported ${count(report.annotationsImported, 'annotation')}${approximate}${skipped}, ` +
    `${count(report.groupsImported, 'group')} and ${count(report.linksImported, 'source link')} from ${file}`
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The file's JSON, or an error naming the file and why (empty, binary,
 * invalid UTF-8, not JSON: readAnnotationFile). The app's 20 MB limit does
 * not apply here: a whole library's project file may be larger.
 */
/** Largest project or annotation file read (a whole library's project file may pass the 20 MB article limit). */
const MAX_PROJECT_FILE_BYTES = 1024 * 1024 * 1024;

async function readJson(file: string): Promise<unknown> {
  // Regular files only, bounded whatever size they report (see readRegularFile).
  const got = await readRegularFile(file, { limit: MAX_PROJECT_FILE_BYTES, tooLarge: () => `it is over the ${MAX_PROJECT_FILE_BYTES / (1024 * 1024)} MB limit for a project or annotation file` });
  if (!got.ok) throw new Error(`${file}: ${got.reason}; nothing was imported`);
  const bytes: Uint8Array = got.bytes;
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return readLargeJson(file, bytes);
  const read = readAnnotationFile(bytes);
  if (!read.ok) throw new Error(`${file}: ${read.reason}; nothing was imported`);
  return read.value;
}

function readLargeJson(file: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file}: it is not valid UTF-8 text; nothing was imported`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${file}: it is not valid JSON (${jsonSyntaxProblem(text, error)}); nothing was imported`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
