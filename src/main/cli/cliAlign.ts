/**
 * `npm run cli -- align [--data DIR] [--json]`: passages shared across
 * articles (alignPassages), one group per passage followed across articles.
 * `--json` prints one JSON array of groups { passages: [{ article, start,
 * end, exact }] }; otherwise a readable list. Only that goes to stdout.
 */
import { resolve } from 'node:path';
import { alignPassages, type AlignedGroup } from '../../shared/alignment/alignPassages';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs } from './parseCommandArgs';
import { defaultDataDir } from '../store/defaultDataDir';
import { readLibraryArticles } from './readLibraryArticles';

export const ALIGN_USAGE = `Usage: npm run cli -- align [--data DIR] [--json]

Groups the passages that two or more articles share, exactly or nearly,
including quotes cut down or translated differently.
  --json       print a JSON array of groups: { passages: [{ article, start,
               end, exact }] } (offsets into the article's canonical text)
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const ALIGN_COMMAND = {
  name: 'triangulate align',
  usage: ALIGN_USAGE,
  options: { data: { type: 'string' }, json: { type: 'boolean' } },
} as const;

export async function runAlign(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(ALIGN_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  try {
    const articles = await readLibraryArticles(resolve(io.cwd, values.data ?? defaultDataDir()));
    const groups = alignPassages(articles);
    if (values.json) io.out(JSON.stringify(groups, null, 2));
    else for (const line of alignedGroupLines(groups, articles.length)) io.out(line);
    return 0;
  } catch (error) {
    io.err(`triangulate align: ${oneLine(error)}`);
    return 1;
  }
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
    lines.push(`Group ${i + 1}: ${count} articles, ${group.passages.length} passages`);
    for (const p of group.passages) {
      lines.push(`  ${p.article.padEnd(idWidth)}  ${`${p.start}–${p.end}`.padStart(rangeWidth)}  ${clipLine(p.exact, PASSAGE_WIDTH)}`);
    }
    lines.push('');
  });
  lines.push(`${groups.length} groups over ${articles} articles`);
  return lines;
}
