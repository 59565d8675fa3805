/**
 * `npm run cli -- align [--data DIR] [--json]`: passages shared across
 * articles (alignPassages), one group per passage followed across articles.
 * `--json` prints one JSON array of groups { passages: [{ article, start,
 * end, exact }] }; otherwise a readable list. Only that goes to stdout.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignPassages, type AlignedGroup } from '../shared/alignment/alignPassages';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { defaultDataDir } from './defaultDataDir';
import { readLibraryArticles } from './readLibraryArticles';

export const ALIGN_USAGE = `Usage: npm run cli -- align [--data DIR] [--json]

Groups the passages that two or more articles share, exactly or nearly,
including quotes cut down or translated differently.
  --json       print a JSON array of groups: { passages: [{ article, start,
               end, exact }] } (offsets into the article's canonical text)
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

export async function runAlign(args: string[], io: CliIo = processIo()): Promise<number> {
  let values: { data?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`triangulate align: ${oneLine(error)}`);
    io.err(ALIGN_USAGE);
    return 2;
  }
  if (values.help) {
    io.out(ALIGN_USAGE);
    return 0;
  }
  try {
    const articles = await readLibraryArticles(resolve(io.cwd, values.data ?? defaultDataDir()));
    const groups = alignPassages(articles);
    if (values.json) io.out(JSON.stringify(groups, null, 2));
    else for (const line of groupList(groups, articles.length)) io.out(line);
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

function groupList(groups: readonly AlignedGroup[], articles: number): string[] {
  const lines: string[] = [];
  const idWidth = Math.max(0, ...groups.flatMap((g) => g.passages.map((p) => p.article.length)));
  const rangeWidth = Math.max(0, ...groups.flatMap((g) => g.passages.map((p) => `${p.start}–${p.end}`.length)));
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
