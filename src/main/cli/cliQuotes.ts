/**
 * `npm run cli -- quotes [--data DIR] [--json]`: the direct quotes of every
 * article, with speaker and cue (detectQuotes). `--json` prints one JSON
 * array, one object per quote: { article, start, end, exact, speaker, cue };
 * otherwise a table per article. Only that goes to stdout.
 */
import { resolve } from 'node:path';
import type { ArticleQuotes } from '../../shared/quotes/buildSpeakerIndex';
import { buildEntityIndex } from '../../shared/crossArticle/buildEntityIndex';
import { EntityStore } from '../store/entityStore';
import { cueChannel } from '../../shared/quotes/cueChannel';
import { recordPeople } from '../../shared/quotes/articleQuotesRecord';
import { QuoteCache } from '../store/quoteCache';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs } from './parseCommandArgs';
import { defaultDataDir } from '../store/defaultDataDir';
import { readLibraryArticles } from './readLibraryArticles';

export const QUOTES_USAGE = `Usage: npm run cli -- quotes [--data DIR] [--json]

Lists the direct quotes of every article with who said them.
  --json       print a JSON array: { article, start, end, exact, speaker, cue,
               speakerId, channel, speakerEvidence, confidence } per quote
               (offsets into the article's canonical text; speakerEvidence is
               the mention the speaker was resolved from, { text, start, end })
  --all        also list quotation marks around titles of works, markup and
               scare quotes (one or two words no one is credited with)
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const QUOTES_COMMAND = {
  name: 'triangulate quotes',
  usage: QUOTES_USAGE,
  options: { data: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' } },
} as const;

export interface QuoteRow {
  article: string;
  start: number;
  end: number;
  exact: string;
  speaker: string | null;
  cue: string | null;
  /** The speaker's id in the corpus speaker index (see the speakers command). */
  speakerId: string | null;
  /** Whom it was told to or where it was published ("Reuters", "LinkedIn"). */
  channel: string | null;
  /** The mention the speaker was named or resolved from. */
  speakerEvidence: { text: string; start: number; end: number } | null;
  /** 0–1: how sure the attribution is (a speech verb next to a name is surest). */
  confidence: number;
}

export async function runQuotes(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(QUOTES_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  try {
    const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
    const articles = await readLibraryArticles(dataDir);
    // Each text is detected once; later runs read the results (derived/quotes.jsonl).
    const cache = await QuoteCache.open(dataDir);
    const detected: ArticleQuotes[] = articles.map((article) => {
      const record = cache.quotesOf(article.hash, article.text);
      return { article: article.id, text: article.text, quotes: record.quotes, people: recordPeople(record) };
    });
    await cache.flush();
    // Speaker ids as `speakers` lists them: after the researcher's corrections (entities.json).
    const index = buildEntityIndex(detected, [], await new EntityStore(dataDir).corrections());
    const rows: QuoteRow[] = detected.flatMap(({ article, text, quotes }) =>
      quotes
        .filter(({ detail }) => values.all === true || detail.use === 'speech')
        .map(({ quote: q, detail }) => ({
          article,
          start: q.start,
          end: q.end,
          exact: q.exact,
          speaker: q.speaker,
          cue: q.cue,
          speakerId: index.canonicalOf(article, q.speaker)?.id ?? null,
          channel: cueChannel(q.cue),
          speakerEvidence: q.speaker && detail.evidence ? { text: text.slice(detail.evidence.start, detail.evidence.end), ...detail.evidence } : null,
          confidence: detail.confidence,
        })),
    );
    if (values.json) io.out(JSON.stringify(rows, null, 2));
    else for (const line of quoteTable(rows, articles.length)) io.out(line);
    return 0;
  } catch (error) {
    io.err(`triangulate quotes: ${oneLine(error)}`);
    return 1;
  }
}

export const quotesCommand: CliCommand = {
  summary: 'List the quotes of every article with speaker and cue',
  run: runQuotes,
};

const QUOTE_WIDTH = 72;

export function quoteTable(rows: readonly QuoteRow[], articles: number): string[] {
  const speakerWidth = rows.reduce((w, r) => Math.max(w, (r.speaker ?? '–').length), 7);
  const cueWidth = rows.reduce((w, r) => Math.max(w, (r.cue ?? '–').length), 3);
  const rangeWidth = rows.reduce((w, r) => Math.max(w, `${r.start}–${r.end}`.length), 5);
  const lines = [`  ${'range'.padStart(rangeWidth)}  ${'speaker'.padEnd(speakerWidth)}  ${'cue'.padEnd(cueWidth)}  quote`];
  let article: string | null = null;
  for (const r of rows) {
    if (r.article !== article) lines.push((article = r.article));
    const range = `${r.start}–${r.end}`.padStart(rangeWidth);
    lines.push(`  ${range}  ${(r.speaker ?? '–').padEnd(speakerWidth)}  ${(r.cue ?? '–').padEnd(cueWidth)}  ${clipLine(r.exact, QUOTE_WIDTH)}`);
  }
  lines.push('', `${rows.length} quotes in ${articles} articles`);
  return lines;
}
