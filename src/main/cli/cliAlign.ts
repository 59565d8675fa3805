/**
 * `npm run cli -- align [--data DIR] [--json]`: passages shared across
 * articles (alignPassages), one group per passage followed across articles.
 * `--json` prints one JSON array of groups { passages: [{ article, start,
 * end, exact }] }; otherwise a readable list. Only that goes to stdout.
 */
import { resolve } from 'node:path';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { alignOneArticle } from './alignOneArticle';
import { alignedGroupJson } from './alignedGroupJson';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs } from './parseCommandArgs';
import { defaultDataDir } from '../store/defaultDataDir';
import { alignWorkerFile } from '../alignment/alignWorkerFile';
import { ensureLibraryFolder } from './ensureLibraryFolder';
import type { WorkerPhase } from '../alignment/runAlignWorker';
import { IN_PROCESS_MAX_ARTICLES } from '../alignment/shouldAlignInWorker';
import { alignWholeLibrary } from '../core/alignWholeLibrary';
import { cliCount } from './cliCount';
import { writeJsonArray } from './writeJsonArray';

export const ALIGN_USAGE = `Usage: npm run cli -- align [--data DIR] [--json] [--article ID]

Groups the passages that two or more articles share, exactly or nearly,
including quotes cut down or translated differently. A library of more than
200 articles is aligned in a worker thread, with progress on stderr; Ctrl-C
cancels, keeping the previous results. The run leaves an alignment index
(derived/align-index) that later imports are aligned against one at a time,
and its groups (derived/library-alignment.jsonl, the app's shared passages).
  --article ID only the groups article ID is in, found through that index
               (the article just imported; the library is not aligned again)
  --json       print a JSON array of groups: { passages: [{ article, start,
               end, exact }] } (offsets into the article's canonical text)
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const ALIGN_COMMAND = {
  name: 'triangulate align',
  usage: ALIGN_USAGE,
  options: { data: { type: 'string' }, json: { type: 'boolean' }, article: { type: 'string' } },
} as const;

export async function runAlign(args: string[], io: CliIo = processIo(), options: AlignRunOptions = {}): Promise<number> {
  const parsed = parseCommandArgs(ALIGN_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const controller = new AbortController();
  const cancel = () => {
    io.err('align: cancelling (Ctrl-C); the previous alignment index and results are kept');
    controller.abort();
  };
  process.once('SIGINT', cancel);
  try {
    const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
    if (values.article !== undefined) {
      const one = await alignOneArticle(dataDir, values.article);
      if (values.json) io.out(JSON.stringify(one.groups, null, 2));
      else for (const line of alignedGroupLines(one.groups, one.articles)) io.out(line);
      return 0;
    }
    const library = await ensureLibraryFolder(dataDir);
    // A large library is aligned in a worker (reading the texts from the folder itself), with progress
    // lines; the index is written beside the one in use and put in place only when the run finishes
    // (Ctrl-C leaves no half).
    const workerFile = library.length > IN_PROCESS_MAX_ARTICLES ? (options.workerFile === undefined ? alignWorkerFile() : options.workerFile) : null;
    const { groups } = await alignWholeLibrary(dataDir, library, {
      workerFile,
      signal: controller.signal,
      onProgress: workerFile === null ? undefined : progressLine(io),
    });
    if (values.json) {
      // A chunk at a time (85 MB at 100,000 articles), in JSON.stringify(groups, null, 2)'s layout.
      const write = io.write ?? (async (chunk: string) => io.out(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk));
      await writeJsonArray(groups, write, () => false, alignedGroupJson);
    } else for (const line of alignedGroupLines(groups, library.length)) io.out(line);
    return 0;
  } catch (error) {
    io.err(`triangulate align: ${oneLine(error)}`);
    return controller.signal.aborted ? 130 : 1;
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

/**
 * The library of a data folder in its order, read from index.json. An index.json the reader cannot
 * take goes through the core once, which brings an older folder up to date (or a new one into
 * being) or says what is wrong with it.
 */


export interface AlignRunOptions {
  /** The built alignment worker; null aligns in-process (default: found next to the built CLI). */
  workerFile?: string | null;
}

const PHASE_WORDS: Record<WorkerPhase, string> = {
  reading: 'reading articles',
  passages: 'finding shared passages',
  quotes: 'linking quotes',
  grouping: 'grouping passages',
  indexing: 'writing the alignment index',
};

/** Progress on stderr: each phase as it starts and ends, reading every tenth of the library. */
function progressLine(io: CliIo): (phase: WorkerPhase, done: number, total: number) => void {
  const started = performance.now();
  let lastTenth = -1;
  return (phase, done, total) => {
    if (phase === 'reading' && done < total) {
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tenth === lastTenth) return;
      lastTenth = tenth;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const amount = phase === 'reading' || phase === 'indexing' ? ` ${cliCount(done)} / ${cliCount(total)}` : done < total ? '…' : ' done';
    io.err(`align: ${PHASE_WORDS[phase]}${amount} (${seconds} s; Ctrl-C cancels)`);
  };
}

export const alignCommand: CliCommand = {
  summary: 'Group the passages articles share, exactly or nearly',
  run: runAlign,
};

const PASSAGE_WIDTH = 80;

export function alignedGroupLines(groups: readonly AlignedGroup[], articles: number): string[] {
  const lines: string[] = [];
  // Widths by a loop, not Math.max(...all): a spread of every passage of a large corpus overflows the stack.
  let idWidth = 0;
  let rangeWidth = 0;
  for (const group of groups) {
    for (const p of group.passages) {
      idWidth = Math.max(idWidth, p.article.length);
      rangeWidth = Math.max(rangeWidth, `${p.start}–${p.end}`.length);
    }
  }
  groups.forEach((group, i) => {
    const count = new Set(group.passages.map((p) => p.article)).size;
    lines.push(`Group ${cliCount(i + 1)}: ${cliCount(count)} articles, ${cliCount(group.passages.length)} passages`);
    for (const p of group.passages) {
      lines.push(`  ${p.article.padEnd(idWidth)}  ${`${p.start}–${p.end}`.padStart(rangeWidth)}  ${clipLine(p.exact, PASSAGE_WIDTH)}`);
    }
    lines.push('');
  });
  lines.push(`${cliCount(groups.length)} groups over ${cliCount(articles)} articles`);
  return lines;
}
