/**
 * `npm run cli -- codebook [--data DIR] --export FILE | --import FILE`: writes
 * the library's codebook as the file a team shares (the same file as the
 * Codebook screen's "Export codebook"), or merges one in as "Import
 * codebook…" does (mergeCodebooks.ts). A file that is not a codebook, or
 * that clashes with the library's tags, changes nothing and is named.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toCodebookFile } from '../../shared/formats/codebookFile';
import { jsonSyntaxProblem } from '../../shared/formats/jsonSyntaxProblem';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { createCore } from '../core/createCore';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { DataStore } from '../store/dataStore';
import { defaultDataDir } from '../store/defaultDataDir';
import { MAX_IMPORT_FILE_BYTES, tooLargeReason } from '../../shared/contract/articleImport';
import { readRegularFile } from '../import/readRegularFile';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { cliCount } from './cliCount';

const NAME = 'triangulate codebook';

export const CODEBOOK_USAGE = `Usage: npm run cli -- codebook [--data DIR] (--export FILE | --import FILE)

Shares the codebook (tags, colours, keys, descriptions, attributes) as JSON.
  --export FILE  writes the library's codebook to FILE (replaced if it exists)
  --import FILE  merges a codebook file in: its tags come first and replace the
                 library's tags with the same id; the library's other tags are
                 kept (giving up a key the file uses). Nothing changes when the
                 file is not a codebook or its names clash with the library's.
  --data DIR     data folder (default: $TRIANGULATE_DATA, else the per-user
                 Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const CODEBOOK_COMMAND = {
  name: NAME,
  usage: CODEBOOK_USAGE,
  options: { data: { type: 'string' }, export: { type: 'string' }, import: { type: 'string' } },
} as const;

export interface CodebookCliOptions {
  /** Clock for the file's `exported` stamp (tests pin it). */
  now?: () => Date;
}

export async function runCodebook(args: string[], io: CliIo = processIo(), options: CodebookCliOptions = {}): Promise<number> {
  const parsed = parseCommandArgs(CODEBOOK_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if ((values.export === undefined) === (values.import === undefined)) {
    return usageError(CODEBOOK_COMMAND, 'give either --export FILE or --import FILE', io);
  }
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    if (values.export !== undefined) {
      const out = resolve(io.cwd, values.export);
      const store = await DataStore.open(dataDir);
      if (!store) {
        io.err(`${NAME}: the data folder ${dataDir} holds no library (no index.json)`);
        return 1;
      }
      const tags = store.codebook();
      const stamp = (options.now ?? (() => new Date()))().toISOString();
      await writeFileAtomic(out, `${JSON.stringify(toCodebookFile(tags, stamp), null, 2)}\n`);
      io.out(`Exported ${cliCount(tags.length, 'tag')} to ${out}`);
      return 0;
    }
    const file = resolve(io.cwd, values.import!);
    const value = await readJson(file);
    // The import writes to the library: not while the app or the host has it open.
    const lock = await acquireDataFolderLock(dataDir);
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir() });
      try {
        const result = await core.importCodebook({ file: value });
        io.out(`Imported ${file}: ${cliCount(result.added)} tags added, ${cliCount(result.updated)} updated, ${cliCount(result.kept)} of the library's kept`);
      } finally {
        await core.close();
      }
    } finally {
      await lock.release();
    }
    return 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

export const codebookCommand: CliCommand = {
  summary: "Export the library's codebook as JSON, or import (merge) one",
  run: runCodebook,
};

async function readJson(file: string): Promise<unknown> {
  // Regular files only, bounded whatever size they report (see readRegularFile).
  const read = await readRegularFile(file, { limit: MAX_IMPORT_FILE_BYTES, tooLarge: (n) => tooLargeReason(n)! });
  if (!read.ok) throw new Error(`cannot read ${file}: ${read.reason}`);
  const raw = read.bytes.toString('utf8');
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${jsonSyntaxProblem(raw, error)}); nothing was imported`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
