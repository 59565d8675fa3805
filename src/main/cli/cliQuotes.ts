/**
 * `npm run cli -- quotes [--data DIR] [--json]`: the direct quotes of every
 * article, with speaker and cue (detectQuotes). `--json` prints one JSON
 * array, one object per quote: { article, start, end, exact, speaker, cue };
 * otherwise a table per article. Only that goes to stdout.
 *
 * At 100,000 articles (issue 20): results are cached per text hash
 * (QuoteCache), so a later run reads index.json and the cache and no text;
 * texts not in the cache are read straight from the data folder in batches
 * and detected on worker threads, appended to the cache batch by batch, with
 * progress on stderr; Ctrl-C stops with the cache valid. The JSON array is
 * written a chunk at a time as stdout takes it.
 */
import { resolve } from 'node:path';
import { buildEntityIndex, type EntityIndex } from '../../shared/crossArticle/buildEntityIndex';
import { EntityStore } from '../store/entityStore';
import { cueChannel } from '../../shared/quotes/cueChannel';
import { QUOTE_CACHE_FILE, QuoteCache, type QuoteCacheEntry } from '../store/quoteCache';
import { cachedArticleQuotes } from '../quotes/cachedArticleQuotes';
import { detectMissingQuotes, QuotesCancelled } from '../quotes/detectMissingQuotes';
import { quotesWorkerFile } from '../quotes/quotesWorkerFile';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs } from './parseCommandArgs';
import { defaultDataDir } from '../store/defaultDataDir';
import { ensureLibraryFolder } from './ensureLibraryFolder';
import { indentedJson, writeJsonArray } from './writeJsonArray';
import { cliCount } from './cliCount';

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
  // Ctrl-C: stop, keeping what was detected (appended batch by batch); a second one exits at once.
  const stop = new AbortController();
  const onSigint = () => (stop.signal.aborted ? process.exit(130) : stop.abort());
  process.on('SIGINT', onSigint);
  try {
    const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
    const refs = await ensureLibraryFolder(dataDir);
    // Each text is detected once; later runs read the results (derived/quotes.jsonl) and no text.
    const cache = await QuoteCache.open(dataDir);
    // Texts no longer in the library are forgotten (the file written afresh once they are a fifth of it).
    cache.keepOnly(refs.map((ref) => ref.hash));
    const progress = throttledProgress(io);
    progress(`triangulate quotes: ${cliCount(refs.length)} articles, ${cliCount(cache.size)} texts known in ${QUOTE_CACHE_FILE}`);
    await detectMissingQuotes(dataDir, refs, cache, {
      workerFile: quotesWorkerFile(),
      signal: stop.signal,
      onProgress: (done, total) => progress(`triangulate quotes: detected ${cliCount(done)} of the ${cliCount(total)} texts not in ${QUOTE_CACHE_FILE} yet`, done === total),
    });
    await cache.flush();
    const entries = refs.map((ref) => ({ id: ref.id, entry: cache.entry(ref.hash)! }));
    progress('triangulate quotes: the speakers of the whole library…');
    // Speaker ids as `speakers` lists them: after the researcher's corrections (entities.json).
    const index = buildEntityIndex(
      entries.map(({ id, entry }) => cachedArticleQuotes(id, entry)),
      [],
      await new EntityStore(dataDir).corrections(),
    );
    progress('triangulate quotes: writing the quotes…');
    const rows = quoteRows(entries, index, values.all === true);
    if (values.json) {
      const write = io.write ?? (async (chunk: string) => io.out(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk));
      if (!(await writeJsonArray(rows, write, () => stop.signal.aborted, quoteRowJson))) throw new QuotesCancelled();
    } else for (const line of quoteTable([...rows], refs.length)) io.out(line);
    return 0;
  } catch (error) {
    if (error instanceof QuotesCancelled) {
      io.err(`triangulate quotes: stopped (Ctrl-C); the texts detected so far are kept in ${QUOTE_CACHE_FILE}`);
      return 130;
    }
    io.err(`triangulate quotes: ${oneLine(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** The rows of every article in library order, made as they are asked for. */
function* quoteRows(entries: readonly { id: string; entry: QuoteCacheEntry }[], index: EntityIndex, all: boolean): Generator<QuoteRow> {
  for (const { id: article, entry } of entries) {
    const { quotes } = entry.record;
    for (let i = 0; i < quotes.length; i++) {
      const { quote: q, detail } = quotes[i]!;
      if (!all && detail.use !== 'speech') continue;
      const evidence = entry.excerpts[i]!.evidence;
      yield {
        article,
        start: q.start,
        end: q.end,
        exact: q.exact,
        speaker: q.speaker,
        cue: q.cue,
        speakerId: index.canonicalOf(article, q.speaker)?.id ?? null,
        channel: q.channel !== undefined ? q.channel : cueChannel(q.cue),
        speakerEvidence: q.speaker && detail.evidence && evidence !== null ? { text: evidence, ...detail.evidence } : null,
        confidence: detail.confidence,
      };
    }
  }
}

/**
 * A row's JSON as writeJsonArray's default (JSON.stringify with an indent of two, inside the array) writes
 * it, built by hand: 166,000 rows at 100,000 articles (issue 20). A row of another shape (a field missing,
 * evidence with other keys) takes the default.
 */
export function quoteRowJson(row: QuoteRow): string {
  const s = JSON.stringify;
  const e = row.speakerEvidence;
  if (row.speaker === undefined || row.cue === undefined || row.speakerId === undefined || row.channel === undefined || e === undefined) return indentedJson(row);
  if (e !== null && (Object.keys(e).join() !== 'text,start,end' || typeof e.text !== 'string' || typeof e.start !== 'number' || typeof e.end !== 'number')) return indentedJson(row);
  const evidence = e === null ? 'null' : `{\n      "text": ${s(e.text)},\n      "start": ${s(e.start)},\n      "end": ${s(e.end)}\n    }`;
  return (
    `{\n    "article": ${s(row.article)},\n    "start": ${s(row.start)},\n    "end": ${s(row.end)},\n    "exact": ${s(row.exact)},` +
    `\n    "speaker": ${s(row.speaker)},\n    "cue": ${s(row.cue)},\n    "speakerId": ${s(row.speakerId)},\n    "channel": ${s(row.channel)},` +
    `\n    "speakerEvidence": ${evidence},\n    "confidence": ${s(row.confidence)}\n  }`
  );
}

/**
 * Progress on stderr: a line at most every PROGRESS_MS, none in the first PROGRESS_MS (a small library
 * prints nothing); a `last` line whenever an earlier line was shown, so the count ends complete.
 */
function throttledProgress(io: CliIo): (line: string, last?: boolean) => void {
  let shown = Date.now();
  let any = false;
  return (line, last = false) => {
    const now = Date.now();
    if (now - shown < PROGRESS_MS && !(last && any)) return;
    shown = now;
    any = true;
    io.err(line);
  };
}

const PROGRESS_MS = 2000;

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
  lines.push('', `${cliCount(rows.length)} quotes in ${cliCount(articles)} articles`);
  return lines;
}
