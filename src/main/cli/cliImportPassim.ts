/**
 * `npm run cli -- import-passim [--data DIR] [--groups --tag TAG [--coder NAME]] [--json] PATH…`:
 * reads passim's text-reuse clusters (its `out.json/` folder, or JSON-lines
 * files) for a library exported with `export --format passim`, matched to
 * the articles by id and offsets (readPassimClusters). By default it checks
 * and summarises them (`--json`: the shared passages as `align --json` prints
 * them); `--groups` makes each cluster a group of annotations with tag TAG,
 * exactly as "Accept as group" does for a shared passage in the app.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readPassimClusters, type PassimLine } from '../../shared/formats/passim/readPassimClusters';
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';
import { createCore } from '../core/createCore';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { defaultDataDir } from '../store/defaultDataDir';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { coderName } from './coderName';
import { cliCount } from './cliCount';

const NAME = 'triangulate import-passim';

export const IMPORT_PASSIM_USAGE = `Usage: npm run cli -- import-passim [--data DIR] [--groups --tag TAG [--coder NAME]] [--json] PATH…

Reads the text-reuse clusters passim found in a corpus exported with
\`export --format passim\`: its out.json/ folder (or any JSON-lines files of
its records), each passage matched to an article by id and checked against
the article's text. Lines it cannot use are listed with the reason.
  PATH         passim's output folder (out.json/ inside it is found) or files
  --json       print the clusters as shared passages, like \`align --json\`
  --groups     make each cluster a group of annotations (tag TAG, default
               quote), like "Accept as group" in the app
  --tag TAG    the tag id for --groups (e.g. quote, claim)
  --coder NAME the coder recorded for the annotations and groups --groups
               makes (default: the library's coder)
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const IMPORT_PASSIM_COMMAND = {
  name: NAME,
  usage: IMPORT_PASSIM_USAGE,
  options: { data: { type: 'string' }, json: { type: 'boolean' }, groups: { type: 'boolean' }, tag: { type: 'string' }, coder: { type: 'string' } },
  positionals: true,
} as const;

export async function runImportPassim(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(IMPORT_PASSIM_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageError(IMPORT_PASSIM_COMMAND, 'PATH is required', io);
  if (values.tag !== undefined && !values.groups) return usageError(IMPORT_PASSIM_COMMAND, '--tag goes with --groups', io);
  if (values.coder !== undefined && !values.groups) return usageError(IMPORT_PASSIM_COMMAND, '--coder goes with --groups', io);
  const coder = values.coder === undefined ? undefined : coderName(values.coder);
  if (coder && !coder.ok) return usageError(IMPORT_PASSIM_COMMAND, coder.problem, io);

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  try {
    if (!(await isDirectory(dataDir))) throw new Error(`the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
    const files = (await Promise.all(positionals.map((p) => passimFiles(resolve(io.cwd, p))))).flat();
    const lock = values.groups ? await acquireDataFolderLock(dataDir) : null;
    try {
      const core = await createCore({ dataDir, corpusDir: bundledCorpusDir(), creator: coder?.ok ? coder.name : undefined });
      try {
        const texts = new Map<string, string>();
        const versions = new Map<string, number>();
        for (const summary of await core.listArticles({})) {
          texts.set(summary.id, (await core.getArticle({ id: summary.id })).text);
          versions.set(summary.id, summary.versions ?? 1);
        }
        const read = readPassimClusters(await readLines(files), (id) => texts.get(id), (id) => versions.get(id));
        for (const line of read.skipped) io.err(`${NAME}: skipped ${line}`);
        if (values.json) io.out(JSON.stringify(read.groups, null, 2));
        let made = 0;
        if (values.groups) {
          const tagId = values.tag ?? 'quote';
          for (const group of read.groups) {
            await core.acceptAlignment({ label: clusterLabel(group), tagId, passages: group.passages.map(({ article, start, end }) => ({ articleId: article, start, end })) });
            made++;
          }
        }
        const summary = `${cliCount(read.groups.length)} clusters over ${cliCount(new Set(read.groups.flatMap((g) => g.passages.map((p) => p.article))).size)} articles from ${cliCount(read.passages)} passages (${cliCount(read.skipped.length)} skipped)${values.groups ? `; ${cliCount(made)} groups made` : ''}`;
        (values.json ? io.err : io.out)(summary);
      } finally {
        await core.close();
      }
    } finally {
      await lock?.release();
    }
    return 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

/** A group's label: "passim" and the first words of its first passage. */
function clusterLabel(group: AlignedGroupResult): string {
  const words = group.passages[0]!.exact.split(/\s+/).filter(Boolean);
  return `passim: ${words.slice(0, 8).join(' ')}${words.length > 8 ? ' …' : ''}`;
}

/** A folder: its out.json/ subfolder when there is one, then every *.json / *.jsonl file in it. */
async function passimFiles(path: string): Promise<string[]> {
  if (!(await isDirectory(path))) return [path];
  const dir = (await isDirectory(join(path, 'out.json'))) ? join(path, 'out.json') : path;
  const names = (await readdir(dir)).filter((n) => /\.jsonl?$/.test(n) && !n.startsWith('.')).sort();
  if (names.length === 0) throw new Error(`no passim output (*.json) in ${dir}`);
  return names.map((n) => join(dir, n));
}

async function readLines(files: readonly string[]): Promise<PassimLine[]> {
  const lines: PassimLine[] = [];
  for (const file of files) {
    const handle = await open(file, 'r');
    try {
      let n = 0;
      for await (const line of createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity })) {
        lines.push({ where: `${basename(file)}:${++n}`, line });
      }
    } finally {
      await handle.close();
    }
  }
  return lines;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export const importPassimCommand: CliCommand = {
  summary: "Read passim's text-reuse clusters back as shared passages or groups",
  run: runImportPassim,
};
