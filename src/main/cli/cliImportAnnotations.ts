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
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportReport } from '../../shared/crossArticle/crossArticle';
import { DEFAULT_CODEBOOK, type Tag } from '../../shared/model/model';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/contract/articleImport';
import { planProjectImport, readProjectFile } from '../../shared/formats/project/planProjectImport';
import { createArticleFileReader, type ArticleFileReader } from '../import/createArticleFileReader';
import { AnnotationFileUnreadableError, ProjectFileGivenError } from '../core/importW3CCollection';
import { importWorkerFile } from '../import/importWorkerFile';
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
import { looksLikeZip, readQdpx } from '../import/readQdpx';
import type { TagImportOptions } from '../../shared/codebook/tagImportOptions';
import { cliCount } from './cliCount';

const NAME = 'triangulate import-annotations';

export const IMPORT_ANNOTATIONS_USAGE = `Usage: npm run cli -- import-annotations [--data DIR] [--coder NAME] [--map-tag NAME=TAG]... [--create-tags] [--untagged-as TAG] FILE

Imports W3C Web Annotation JSON (an AnnotationCollection, from Triangulate or
another tool: Hypothesis, Recogito, INCEpTION, …): each annotation is
re-anchored by its quote (approximately when the text differs slightly) and
position in the article it names — by Triangulate's id, by the article's web
address, by its file name or text hash, or, when it names none the library
has, in the one article that holds its quote. Groups and Quote→Source links
follow. Annotations that are already there are skipped. Items that cannot be
imported are listed one by one with the reason; the others are imported.
A Triangulate project file (\`export --format project\`) is merged: new
articles, tags, annotations, groups and links are added, nothing is doubled;
into a folder without a library it is restored whole. A REFI-QDA project
(.qdpx, from MAXQDA, ATLAS.ti, NVivo, QualCoder or \`export --format qdpx\`)
is read the same way: its text sources become articles, its codes tags, its
coded selections annotations by their coders; PDF, picture, audio and video
sources are listed as skipped. An annotation table (CSV, as
\`export --format csv\` writes it, recoded or written by hand) is read row
by row like a W3C file: it needs a tag (tag or tag_id) and a quote
(exact_raw, exact, or start and end) column; article_id or url names the
article, and attribute columns (<tag_id>.<attribute_id>) are read too.
  FILE               the JSON, .qdpx or .csv file to import
  --map-tag NAME=TAG  read the other tool's tag NAME as the codebook's tag id
                     TAG (repeat for each; names ignore case); in a project or
                     .qdpx, NAME may be the tag's id too
  --create-tags      add tags the codebook does not have, instead of leaving
                     their annotations out (a project's or .qdpx's tags that
                     are not mapped are always added)
  --untagged-as TAG  import comments that carry no tag with tag id TAG
  --coder NAME       the coder recorded for annotations the file names no
                     creator for (default: the library's coder); annotations
                     that name one keep it
  --data DIR         data folder (default: $TRIANGULATE_DATA, else the per-user
                     Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const IMPORT_ANNOTATIONS_COMMAND = {
  name: NAME,
  usage: IMPORT_ANNOTATIONS_USAGE,
  options: {
    data: { type: 'string' },
    coder: { type: 'string' },
    'map-tag': { type: 'string', multiple: true },
    'create-tags': { type: 'boolean' },
    'untagged-as': { type: 'string' },
  },
  positionals: true,
} as const;

export interface ImportAnnotationsDeps {
  /** The core's file reader (default: the built import worker); tests pass one that records what it plans. */
  articleFileReader?: () => ArticleFileReader;
}

export async function runImportAnnotations(args: string[], io: CliIo = processIo(), deps: ImportAnnotationsDeps = {}): Promise<number> {
  const parsed = parseCommandArgs(IMPORT_ANNOTATIONS_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    return usageError(IMPORT_ANNOTATIONS_COMMAND, positionals.length === 0 ? 'FILE is required' : 'give one FILE', io);
  }
  const coder = values.coder === undefined ? undefined : coderName(values.coder);
  if (coder && !coder.ok) return usageError(IMPORT_ANNOTATIONS_COMMAND, coder.problem, io);
  const creator = coder?.ok ? coder.name : undefined;

  // No prototype: a tag name is data ("__proto__" too), never a way to reach Object.prototype.
  const tagMap: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of values['map-tag'] ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0 || at === pair.length - 1) return usageError(IMPORT_ANNOTATIONS_COMMAND, `--map-tag takes NAME=TAG, not "${pair}"`, io);
    tagMap[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  const options = { tagMap, createTags: values['create-tags'] === true, ...(values['untagged-as'] ? { untaggedAs: values['untagged-as'] } : {}) };
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  const file = resolve(io.cwd, positionals[0]!);
  try {
    // A project or .qdpx: --map-tag applies, every other new tag is added (as a colleague's project would want).
    const projectOptions: TagImportOptions = { tagMap, createTags: true };
    if (await isZipFile(file)) return await importQdpxFile(file, dataDir, io, creator, projectOptions);
    // Only a project file may bring its library into a folder that does not exist yet.
    const missing = !(await isDirectory(dataDir));
    if (missing) {
      const value = await readJson(file).catch(() => null);
      if (!isProjectFile(value)) {
        io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
        return 1;
      }
      return await importProjectFile(value, dataDir, file, io, creator, projectOptions);
    }
    // W3C annotations (or a CSV table) are read, matched and planned whole in the import worker from the file's
    // bytes, under its limits; this thread never parses them. A project file is found there, and read as one.
    const bytes = await readFileBytes(file);
    // The import writes to the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    let report: ImportReport | null = null;
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), creator, ...(deps.articleFileReader ? { articleFileReader: deps.articleFileReader() } : {}) });
      try {
        await checkMappedTags(core, options);
        if (core.importW3CBytes) {
          report = await core.importW3CBytes(bytes, 'annotationFile', options).catch((error: unknown) => {
            if (error instanceof ProjectFileGivenError) return null;
            if (error instanceof AnnotationFileUnreadableError) throw new Error(`${file}: ${error.reason}; nothing was imported`);
            throw error;
          });
        } else {
          // No built import worker (the source layout): parsed by readJson in-process.
          const value = await readJson(file);
          if (!isProjectFile(value)) report = await core.importW3C({ collection: value, options });
        }
      } finally {
        await core.close();
      }
    } finally {
      await lock.release();
    }
    if (report === null) return await importProjectFile(await readJson(file), dataDir, file, io, creator, projectOptions);
    io.out(summary(report, file));
    if (report.tagsCreated.length > 0) io.out(`Added ${cliCount(report.tagsCreated.length, 'tag')} to the codebook: ${report.tagsCreated.join(', ')}`);
    for (const note of report.notes) io.err(`${NAME}: note: ${note}`);
    for (const problem of report.problems) io.err(`${NAME}: ${problem}`);
    if (report.problems.length > 0) io.err(`${NAME}: ${cliCount(report.problems.length, 'item')} could not be imported`);
    if (report.unknownTags.length > 0) {
      const listed = report.unknownTags.map((t) => `"${t.name}" (${cliCount(t.items, 'item')})`).join(', ');
      io.err(`${NAME}: tags the codebook does not have: ${listed}; map them with --map-tag NAME=TAG or add them with --create-tags`);
    }
    return report.problems.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

async function isZipFile(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = new Uint8Array(4);
      await handle.read(head, 0, 4, 0);
      return looksLikeZip(head);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** A .qdpx: read as a project file (against the library's codebook, when there is one), then merged or restored like one. */
async function importQdpxFile(file: string, dataDir: string, io: CliIo, creator: string | undefined, options: TagImportOptions): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${oneLine(error)}`);
  }
  // A new library starts from the default codebook: its tags' attributes are read back from the selections.
  let codebook: readonly Tag[] = DEFAULT_CODEBOOK;
  if (await isDirectory(dataDir)) {
    const store = await DataStore.open(dataDir);
    if (store) {
      codebook = store.codebook();
      await store.close();
    }
  }
  const read = readQdpx(bytes, codebook, new Date().toISOString());
  if (!read.ok) throw new Error(`${file}: ${read.error}; nothing was imported`);
  const code = await importProjectFile(read.project, dataDir, file, io, creator, options);
  for (const line of read.skipped) io.err(`${NAME}: ${line}`);
  if (read.skipped.length > 0) io.err(`${NAME}: ${cliCount(read.skipped.length, 'item')} of the .qdpx could not be imported`);
  return read.skipped.length > 0 ? 1 : code;
}

/** A project file: merged into the library, or the library created from it in a folder without one. */
async function importProjectFile(value: unknown, dataDir: string, file: string, io: CliIo, creator: string | undefined, options: TagImportOptions): Promise<number> {
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
        articles: project.articles.map(({ annotations: _a, rejectedSuggestions: _r, rejectedDisagreements: _d, ...article }) => article),
        codebook: project.codebook,
        settings: { creator: project.creator },
      };
      restored = true;
    }
    const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), newLibrary, creator });
    try {
      await checkMappedTags(core, options);
      report = await core.importProject({ project, options });
    } finally {
      await core.close();
    }
  } finally {
    await lock.release();
  }
  const articles = restored ? project.articles.length : report.articlesImported;
  const tags = restored ? project.codebook.length : report.tagsImported;
  const skipped = report.annotationsSkipped > 0 ? ` (${cliCount(report.annotationsSkipped)} already there, skipped)` : '';
  io.out(
    `${restored ? 'Restored' : 'Merged'} the project from ${file}: ${cliCount(articles, 'article')}, ${cliCount(tags, 'tag')}, ` +
      `${cliCount(report.annotationsImported, 'annotation')}${skipped}, ${cliCount(report.groupsImported, 'group')} and ${cliCount(report.linksImported, 'source link')}`,
  );
  const corrections = report.entityCorrectionsImported ?? 0;
  if (corrections > 0) io.out(`Added ${cliCount(corrections, 'correction')} of the people index (merges, renames, kinds, splits)`);
  for (const note of report.notes) io.err(`${NAME}: note: ${note}`);
  for (const problem of report.problems) io.err(`${NAME}: ${problem}`);
  return 0;
}

/** --map-tag and --untagged-as must name tags the codebook has: else nothing is imported. */
async function checkMappedTags(core: { getCodebook: (input: Record<string, never>) => Promise<readonly Tag[]> }, options: TagImportOptions): Promise<void> {
  const codebook = new Set((await core.getCodebook({})).map((t) => t.id));
  const unknownIds = [...Object.values(options.tagMap ?? {}), ...(options.untaggedAs ? [options.untaggedAs] : [])].filter((id) => !codebook.has(id));
  if (unknownIds.length > 0) throw new Error(`the codebook has no tag ${unknownIds.map((id) => `"${id}"`).join(', ')} (it has ${[...codebook].join(', ')}); nothing was imported`);
}

export const importAnnotationsCommand: CliCommand = {
  summary: 'Import W3C Web Annotation JSON, a project file or a REFI-QDA .qdpx',
  run: runImportAnnotations,
};

function summary(report: ImportReport, file: string): string {
  const skipped = report.annotationsSkipped > 0 ? ` (${cliCount(report.annotationsSkipped)} already there, skipped)` : '';
  const approximate = report.annotationsApproximate > 0 ? ` (${cliCount(report.annotationsApproximate)} anchored where the text differs slightly)` : '';
  return (
    `Imported ${cliCount(report.annotationsImported, 'annotation')}${approximate}${skipped}, ` +
    `${cliCount(report.groupsImported, 'group')} and ${cliCount(report.linksImported, 'source link')} from ${file}`
  );
}


/**
 * The file's JSON, or an error naming the file and why (empty, binary,
 * invalid UTF-8, nested too deeply, too many values for the memory cap, not
 * JSON: readJsonPayload, in the import worker). The app's 20 MB limit does
 * not apply here: a whole library's project file may be larger.
 */
/** Largest project or annotation file read (a whole library's project file may pass the 20 MB article limit). */
const MAX_PROJECT_FILE_BYTES = 1024 * 1024 * 1024;

/** The file's bytes: regular files only, bounded whatever size they report (see readRegularFile). */
async function readFileBytes(file: string): Promise<Uint8Array> {
  const got = await readRegularFile(file, { limit: MAX_PROJECT_FILE_BYTES, tooLarge: () => `it is over the ${MAX_PROJECT_FILE_BYTES / (1024 * 1024)} MB limit for a project or annotation file` });
  if (!got.ok) throw new Error(`${file}: ${got.reason}; nothing was imported`);
  return got.bytes;
}

async function readJson(file: string): Promise<unknown> {
  const got = { bytes: await readFileBytes(file) };
  // Parsed in the import worker, under its caps: nesting and values looked at first, a memory cap, a time limit
  // (a whole library's project file larger than the 20 MB article limit gets room in proportion).
  const large = got.bytes.length > MAX_IMPORT_FILE_BYTES;
  const reader = createArticleFileReader({
    workerFile: importWorkerFile(),
    ...(large ? { memoryLimitMb: Math.min(8_192, 512 + Math.ceil((got.bytes.length / (1024 * 1024)) * 24)), timeLimitMs: 120_000 } : {}),
  });
  try {
    const read = await reader.readJson(got.bytes, 'annotationFile');
    if (!read.ok) throw new Error(`${file}: ${read.reason}; nothing was imported`);
    return read.value;
  } finally {
    await reader.close();
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
