import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quoteRowJson, quoteTable, runQuotes, type QuoteRow } from './cliQuotes';
import { indentedJson } from './writeJsonArray';
import { createCore } from '../core/createCore';
import { recordingIo } from '../../../tools/testSupport/recordingIo';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-quotes-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A library of two small articles in `dir/data`. */
async function library(): Promise<string> {
  const corpus = join(dir, 'corpus');
  await fs.mkdir(corpus);
  await fs.writeFile(join(corpus, 'one.txt'), 'Boris Bondarev resigned.\n“We are done,” he said.');
  await fs.writeFile(join(corpus, 'two.txt'), 'No quotes here, only Russia’s war.');
  const core = await createCore({ dataDir: join(dir, 'data'), corpusDir: corpus, creator: 'ana' });
  await core.close();
  return join(dir, 'data');
}

describe('runQuotes', () => {
  it('prints only a JSON array with one object per quote for --json', async () => {
    await library();
    const io = recordingIo(dir);
    expect(await runQuotes(['--data', 'data', '--json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const rows = JSON.parse(io.stdout.join('\n')) as QuoteRow[];
    expect(rows).toEqual([
      {
        article: 'one',
        start: 26,
        end: 37,
        exact: 'We are done',
        speaker: 'Boris Bondarev',
        cue: 'said',
        speakerId: 'boris-bondarev',
        channel: null,
        speakerEvidence: { text: 'Boris Bondarev', start: 0, end: 14 },
        confidence: rows[0]!.confidence,
      },
    ]);
    expect(rows[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('names the channel and leaves titles of works and scare quotes out unless --all', async () => {
    const corpus = join(dir, 'corpus');
    await fs.mkdir(corpus);
    await fs.writeFile(join(corpus, 'three.txt'), 'Anna Petrova resigned.\n“It was time,” Ms Petrova told Reuters. She watches “Morning at the Lake” daily. The “establishment” wing was glad.');
    const core = await createCore({ dataDir: join(dir, 'data'), corpusDir: corpus, creator: 'ana' });
    await core.close();
    const io = recordingIo(dir);
    expect(await runQuotes(['--data', 'data', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.stdout.join('\n')) as QuoteRow[];
    expect(rows.map((r) => [r.exact, r.speaker, r.channel, r.speakerEvidence?.text])).toEqual([['It was time', 'Anna Petrova', 'Reuters', 'Ms Petrova']]);
    const all = recordingIo(dir);
    expect(await runQuotes(['--data', 'data', '--json', '--all'], all)).toBe(0);
    expect((JSON.parse(all.stdout.join('\n')) as QuoteRow[]).map((r) => r.exact)).toEqual(['It was time', 'Morning at the Lake', 'establishment']);
  });

  it('prints a readable table by default', async () => {
    await library();
    const io = recordingIo(dir);
    expect(await runQuotes(['--data', join(dir, 'data')], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/range\s+speaker\s+cue\s+quote/);
    expect(text).toMatch(/one\n\s+26–37\s+Boris Bondarev\s+said\s+We are done/);
    expect(io.stdout[io.stdout.length - 1]).toBe('1 quotes in 2 articles');
  });

  it('prints the usage for --help, and exits 2 with it on stderr for unknown options', async () => {
    const help = recordingIo(dir);
    expect(await runQuotes(['--help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('Usage: npm run cli -- quotes');
    for (const args of [['--verbose'], ['extra'], ['--data']]) {
      const io = recordingIo(dir);
      expect(await runQuotes(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('Usage: npm run cli -- quotes');
      expect(io.stdout).toEqual([]);
    }
  });

  it('exits 1 with one line when the data folder does not exist', async () => {
    const io = recordingIo(dir);
    expect(await runQuotes(['--data', 'nowhere', '--json'], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([`triangulate quotes: the data folder ${join(dir, 'nowhere')} does not exist (start Triangulate once, or pass --data DIR)`]);
  });

  it('exits 1 on a corrupt library without touching it', async () => {
    await fs.writeFile(join(dir, 'index.json'), '[]');
    const io = recordingIo(dir);
    expect(await runQuotes(['--data', dir], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(await fs.readFile(join(dir, 'index.json'), 'utf8')).toBe('[]');
  });
});

describe('quoteTable', () => {
  it('lays out the quotes of a 100,000-article library (more rows than a spread can pass as arguments)', () => {
    const rows: QuoteRow[] = Array.from({ length: 200_000 }, (_, i) => ({
      article: `a${Math.floor(i / 2)}`,
      start: i,
      end: i + 10,
      exact: '"It will rain," she said.',
      speaker: i === 199_999 ? 'Ursula von der Leyen' : 'Ana',
      cue: 'said',
      speakerId: null,
      channel: null,
      speakerEvidence: null,
      confidence: 1,
    }));
    const lines = quoteTable(rows, 100_000);
    expect(lines[lines.length - 1]).toBe('200,000 quotes in 100,000 articles');
    // The widest speaker sets the column: the first row is padded to it.
    expect(lines[2]).toContain(`Ana${' '.repeat('Ursula von der Leyen'.length - 3)}  said`);
  }, 60_000);
});

describe('runQuotes with the quote cache (derived/quotes.jsonl)', () => {
  const json = async (): Promise<{ code: number; rows: QuoteRow[]; stderr: string[] }> => {
    const io = recordingIo(dir);
    const code = await runQuotes(['--data', 'data', '--json'], io);
    return { code, rows: code === 0 ? (JSON.parse(io.stdout.join('\n')) as QuoteRow[]) : [], stderr: io.stderr };
  };

  it('answers a second run from the cache without reading a single text', async () => {
    const data = await library();
    const first = await json();
    expect(first.rows).toHaveLength(1);
    // Every text file gone: only index.json and the cache are left to answer from.
    await fs.rm(join(data, 'texts'), { recursive: true });
    await fs.mkdir(join(data, 'texts'));
    const second = await json();
    expect(second).toEqual(first);
  });

  it('detects a changed article again (its new version has another hash)', async () => {
    const core = await createCore({ dataDir: join(dir, 'data'), corpusDir: await emptyCorpus(), creator: 'ana' });
    await core.importArticles({ files: [page('“We will stay,” said Anna Petrova.')] });
    await core.close();
    expect((await json()).rows.map((r) => r.exact)).toEqual(['We will stay']);
    const again = await createCore({ dataDir: join(dir, 'data'), corpusDir: await emptyCorpus(), creator: 'ana' });
    await again.importArticles({ files: [page('“We will stay,” said Anna Petrova. “Or leave,” she added later.')] });
    await again.close();
    expect((await json()).rows.map((r) => [r.exact, r.speaker])).toEqual([
      ['We will stay', 'Anna Petrova'],
      ['Or leave', 'Anna Petrova'],
    ]);
  });

  it('ignores a damaged line of the cache and detects that article again', async () => {
    const data = await library();
    const first = await json();
    const path = join(data, 'derived', 'quotes.jsonl');
    const lines = (await fs.readFile(path, 'utf8')).split('\n');
    // The line of the article with a quote, cut short as by a Ctrl-C in the middle of a write.
    const at = lines.findIndex((l) => l.includes('We are done'));
    lines[at] = lines[at]!.slice(0, 40);
    await fs.writeFile(path, lines.join('\n'));
    expect(await json()).toEqual(first);
    // Written again: a third run needs no text.
    await fs.rm(join(data, 'texts'), { recursive: true });
    await fs.mkdir(join(data, 'texts'));
    expect(await json()).toEqual(first);
  });
});

async function emptyCorpus(): Promise<string> {
  const corpus = join(dir, 'empty-corpus');
  await fs.mkdir(corpus, { recursive: true });
  return corpus;
}

/** A saved news page (same canonical address each time, so a second import is a new version of the article). */
function page(paragraph: string): { name: string; data: string } {
  const html = `<!doctype html><html lang="en"><head><title>Petrova stays</title>
<link rel="canonical" href="https://news.example.org/2026/petrova"></head>
<body><article><h1>Petrova stays</h1><p>${paragraph}</p><p>The party met on Monday to discuss the budget and the plan for the coming year.</p></article></body></html>`;
  return { name: 'petrova.html', data: Buffer.from(html).toString('base64') };
}

describe('quoteRowJson', () => {
  it('writes a row in the very bytes JSON.stringify(row, null, 2) gives inside the array', () => {
    const row: QuoteRow = { article: 'a"1', start: 3, end: 40, exact: 'We are “done”,\n he said \\ \u2028 é 😀', speaker: 'Anna Petrova', cue: 'said', speakerId: 'anna-petrova', channel: null, speakerEvidence: { text: 'Ms "Petrova"', start: 50, end: 62 }, confidence: 0.85 };
    expect(quoteRowJson(row)).toBe(indentedJson(row));
    const bare: QuoteRow = { ...row, speaker: null, cue: null, speakerId: null, channel: 'Reuters', speakerEvidence: null, confidence: 0 };
    expect(quoteRowJson(bare)).toBe(indentedJson(bare));
    const odd = { ...row, speakerEvidence: { end: 62, start: 50, text: 'x' } };
    expect(quoteRowJson(odd)).toBe(indentedJson(odd));
  });
});
