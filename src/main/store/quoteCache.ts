/**
 * Quote detection results kept per article text (issue 20): derived data in
 * <dataDir>/derived/quotes.jsonl, one line per article hash, so `quotes` and
 * `speakers` detect each text once, not at every run. The first line names
 * the quotes module's version (QUOTES_VERSION) and the line format
 * (QUOTE_CACHE_FORMAT); a file of another version or format, or one that
 * cannot be read, is started afresh. A damaged line (a write cut short, say
 * by Ctrl-C) is skipped and that article detected again. New results are
 * appended by `flush`; the file is never a source of truth and is not backed up.
 * Lines of texts no longer in the library are dropped by `keepOnly`, which
 * has the file written afresh once they are a fifth of it (COMPACT_SHARE).
 *
 * Each line keeps, beside the record, the excerpts of the text its quotes
 * point at (how the speaker was named there, the mention the speaker was
 * resolved from), so a run that finds every hash here never reads a text.
 * The file is read a line at a time, never as one string.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isQuotesRecord, toQuotesRecord, type ArticleQuotesRecord } from '../../shared/quotes/articleQuotesRecord';
import { detectArticleQuotes } from '../../shared/quotes/detectQuotes';
import { QUOTES_VERSION } from '../../shared/quotes/quotesVersion';
import { writeFileAtomic } from './writeFileAtomic';

export const QUOTE_CACHE_FILE = join('derived', 'quotes.jsonl');

/** The line format: 2 added the excerpts. */
export const QUOTE_CACHE_FORMAT = 2;

/** What a quote points at in its article's text. */
export interface QuoteExcerpts {
  /** The text of the quote's speakerSpan ("Mr Bondarev", "he"); null when it has none. */
  said: string | null;
  /** The text of the attribution's evidence (the mention the speaker was resolved from); null when it has none. */
  evidence: string | null;
}

export interface QuoteCacheEntry {
  record: ArticleQuotesRecord;
  /** One per quote of the record, in its order. */
  excerpts: QuoteExcerpts[];
}

/** The cache line of one article text: detected now. Pure work, no I/O (worker threads call it too). */
export function quoteCacheLine(hash: string, text: string): string {
  return JSON.stringify({ hash, ...quoteCacheEntry(text) });
}

function quoteCacheEntry(text: string): QuoteCacheEntry {
  const record = toQuotesRecord(detectArticleQuotes(text));
  const excerpts = record.quotes.map(({ quote, detail }) => ({
    said: quote.speakerSpan ? text.slice(quote.speakerSpan.start, quote.speakerSpan.end) : null,
    evidence: detail.evidence ? text.slice(detail.evidence.start, detail.evidence.end) : null,
  }));
  return { record, excerpts };
}

/** The share of the file's lines that hold no text of the library at which keepOnly has the file written afresh. */
export const COMPACT_SHARE = 0.2;

export class QuoteCache {
  private readonly entries: Map<string, QuoteCacheEntry>;
  private pending: string[] = [];
  /** The file must be written whole (missing, another version, damaged header). */
  private rewrite: boolean;
  private endsWithNewline: boolean;
  /** Lines of results the file holds (damaged and repeated ones too): what a compaction would leave out is counted against it. */
  private fileLines: number;
  /** Detected in this session rather than read from the file. */
  detected = 0;

  private constructor(
    private readonly path: string,
    private readonly version: number,
    entries: Map<string, QuoteCacheEntry>,
    rewrite: boolean,
    endsWithNewline: boolean,
    fileLines = 0,
  ) {
    this.entries = entries;
    this.rewrite = rewrite;
    this.endsWithNewline = endsWithNewline;
    this.fileLines = fileLines;
  }

  static async open(dataDir: string, version = QUOTES_VERSION): Promise<QuoteCache> {
    const path = join(dataDir, QUOTE_CACHE_FILE);
    const entries = new Map<string, QuoteCacheEntry>();
    const afresh = () => new QuoteCache(path, version, new Map(), true, true);
    let stream;
    let endsWithNewline = true;
    const handle = await fs.open(path, 'r').catch(() => null);
    if (!handle) return afresh();
    try {
      const { size } = await handle.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        endsWithNewline = last[0] === 0x0a;
      }
      stream = handle.createReadStream({ encoding: 'utf8' });
    } catch {
      await handle.close().catch(() => undefined);
      return afresh();
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let first = true;
    let fileLines = 0;
    try {
      for await (const line of lines) {
        if (first) {
          first = false;
          if (!isHeaderOf(line, version)) {
            lines.close();
            stream.destroy();
            return afresh();
          }
          continue;
        }
        if (line !== '') fileLines++;
        const entry = parseLine(line);
        if (entry) entries.set(entry.hash, entry.entry);
      }
    } catch {
      stream.destroy();
      return afresh();
    }
    if (first) return afresh();
    // A last line cut short: the next append starts on a line of its own.
    return new QuoteCache(path, version, entries, false, endsWithNewline, fileLines);
  }

  /**
   * Forgets the texts that are not in `hashes` (the library's texts now: an article removed, a text
   * changed since), and when the lines the file holds for nothing (those, damaged and repeated ones)
   * are at least `COMPACT_SHARE` of it, has the next flush write the file afresh without them. Answers
   * how many texts it forgot.
   */
  keepOnly(hashes: Iterable<string>): number {
    const live = new Set(hashes);
    let dropped = 0;
    // (Deleting the entry being visited is safe in a Map's iteration.)
    for (const hash of this.entries.keys()) {
      if (live.has(hash)) continue;
      this.entries.delete(hash);
      dropped++;
    }
    // (Lines appended this session hold live texts; they are in `entries`, not yet in fileLines.)
    const known = this.entries.size - this.pending.length;
    const dead = this.fileLines - known;
    if (this.fileLines > 0 && dead / this.fileLines >= COMPACT_SHARE) this.rewrite = true;
    return dropped;
  }

  /** How many article texts the cache knows. */
  get size(): number {
    return this.entries.size;
  }

  /** The cached results of a text, or undefined when it was never detected (or its line was damaged). */
  entry(hash: string): QuoteCacheEntry | undefined {
    return this.entries.get(hash);
  }

  /** The article's quotes: from the cache when its text was detected before, else detected now (and kept). */
  quotesOf(hash: string, text: string): ArticleQuotesRecord {
    const known = this.entries.get(hash);
    if (known) return known.record;
    return this.addLine(quoteCacheLine(hash, text)).record;
  }

  /** Keeps a line made by quoteCacheLine (in a worker thread, say), to be written by the next flush; its entry. */
  addLine(line: string): QuoteCacheEntry {
    const parsed = parseLine(line);
    if (!parsed) throw new Error('not a line of the quote cache');
    this.entries.set(parsed.hash, parsed.entry);
    this.pending.push(line);
    this.detected++;
    return parsed.entry;
  }

  /**
   * Writes what was detected since the last flush (what is added while it writes waits for the next
   * flush). A failed write is not an error: those texts are detected again next time.
   */
  async flush(): Promise<void> {
    if (this.pending.length === 0 && !this.rewrite) return;
    const pending = this.pending;
    const rewrite = this.rewrite;
    this.pending = [];
    this.rewrite = false;
    // The whole file as it stands now (a rewrite holds every entry, the pending ones too).
    const whole = rewrite ? [JSON.stringify({ quotesVersion: this.version, format: QUOTE_CACHE_FORMAT })] : null;
    if (whole) for (const [hash, entry] of this.entries) whole.push(JSON.stringify({ hash, ...entry }));
    try {
      await fs.mkdir(join(this.path, '..'), { recursive: true });
      if (whole) {
        await writeFileAtomic(this.path, `${whole.join('\n')}\n`);
        this.fileLines = whole.length - 1;
      } else {
        this.fileLines += pending.length;
        const separator = this.endsWithNewline ? '' : '\n';
        this.endsWithNewline = false;
        await fs.appendFile(this.path, `${separator}${pending.join('\n')}\n`);
      }
      this.endsWithNewline = true;
    } catch {
      // Derived data: next time these are detected again. A rewrite that failed is tried again.
      if (rewrite) this.rewrite = true;
    }
  }
}

function isHeaderOf(line: string, version: number): boolean {
  try {
    const header = JSON.parse(line) as unknown;
    if (typeof header !== 'object' || header === null) return false;
    const h = header as Record<string, unknown>;
    return h.quotesVersion === version && h.format === QUOTE_CACHE_FORMAT;
  } catch {
    return false;
  }
}

function parseLine(line: string): { hash: string; entry: QuoteCacheEntry } | null {
  if (line === '') return null;
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { hash, record, excerpts } = value as Record<string, unknown>;
    if (typeof hash !== 'string' || !isQuotesRecord(record) || !Array.isArray(excerpts) || excerpts.length !== record.quotes.length) return null;
    if (!excerpts.every((e, i) => fitsQuote(e, record.quotes[i]!))) return null;
    return { hash, entry: { record, excerpts } };
  } catch {
    // A line cut short: that article is detected again.
    return null;
  }
}

/**
 * The excerpts of one quote as quoteCacheLine writes them: the text of its speakerSpan and of its evidence
 * (the same length), null where it has none. The people index takes the speaker's words from here instead
 * of reading the text, so a line that does not fit its record (edited by hand, say) is detected again.
 */
function fitsQuote(value: unknown, { quote, detail }: ArticleQuotesRecord['quotes'][number]): value is QuoteExcerpts {
  if (typeof value !== 'object' || value === null) return false;
  const { said, evidence } = value as Record<string, unknown>;
  return fitsSpan(said, quote.speakerSpan) && fitsSpan(evidence, detail.evidence);
}

function fitsSpan(excerpt: unknown, span: { start: number; end: number } | null | undefined): boolean {
  return span ? typeof excerpt === 'string' && excerpt.length === span.end - span.start : excerpt === null;
}
