/**
 * `npm run cli -- speakers [--data DIR] [--json]`: the speakers of the
 * corpus — every person, organisation, outlet or document credited with a
 * quote — with the ways the articles name them, how many quotes and which
 * articles (buildSpeakerIndex). `--json` prints one JSON array of
 * { id, name, kind, aliases, quotes, articles }; otherwise a table. Only that
 * goes to stdout.
 */
import { resolve } from 'node:path';
import { buildSpeakerIndex, type SpeakerEntry } from '../../shared/quotes/buildSpeakerIndex';
import { recordPeople } from '../../shared/quotes/articleQuotesRecord';
import { QuoteCache } from '../store/quoteCache';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { defaultDataDir } from '../store/defaultDataDir';
import { parseCommandArgs } from './parseCommandArgs';
import { readLibraryArticles } from './readLibraryArticles';

export const SPEAKERS_USAGE = `Usage: npm run cli -- speakers [--data DIR] [--json]

Lists who is credited with the quotes of the corpus: people, organisations,
outlets and documents, with the other names the articles use for them.
  --json       print a JSON array: { id, name, kind, aliases, quotes, articles }
               per speaker (kind: person, organisation, outlet or document)
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const SPEAKERS_COMMAND = {
  name: 'triangulate speakers',
  usage: SPEAKERS_USAGE,
  options: { data: { type: 'string' }, json: { type: 'boolean' } },
} as const;

export async function runSpeakers(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(SPEAKERS_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  try {
    const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
    const articles = await readLibraryArticles(dataDir);
    // Each text is detected once; later runs read the results (derived/quotes.jsonl).
    const cache = await QuoteCache.open(dataDir);
    const { speakers } = buildSpeakerIndex(
      articles.map((a) => {
        const record = cache.quotesOf(a.hash, a.text);
        return { article: a.id, text: a.text, quotes: record.quotes, people: recordPeople(record) };
      }),
    );
    await cache.flush();
    if (values.json) io.out(JSON.stringify(speakers, null, 2));
    else for (const line of speakerTable(speakers, articles.length)) io.out(line);
    return 0;
  } catch (error) {
    io.err(`triangulate speakers: ${oneLine(error)}`);
    return 1;
  }
}

export const speakersCommand: CliCommand = {
  summary: 'List who is credited with the quotes, with their other names',
  run: runSpeakers,
};

const ALIAS_WIDTH = 60;

function speakerTable(speakers: readonly SpeakerEntry[], articles: number): string[] {
  const nameWidth = Math.max(4, ...speakers.map((s) => s.name.length));
  const kindWidth = 12;
  const lines = [`  ${'name'.padEnd(nameWidth)}  ${'kind'.padEnd(kindWidth)}  quotes  articles  also called`];
  for (const s of speakers) {
    lines.push(
      `  ${s.name.padEnd(nameWidth)}  ${s.kind.padEnd(kindWidth)}  ${String(s.quotes).padStart(6)}  ${String(s.articles.length).padStart(8)}  ${clipLine(s.aliases.join(', '), ALIAS_WIDTH)}`,
    );
  }
  lines.push('', `${speakers.length} speakers in ${articles} articles`);
  return lines;
}
