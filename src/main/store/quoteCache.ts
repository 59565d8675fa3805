/**
 * Quote detection results kept per article text (issue 20): derived data in
 * <dataDir>/derived/quotes.jsonl, one line per article hash, so `quotes` and
 * `speakers` detect each text once, not at every run. The first line names
 * the quotes module's version (QUOTES_VERSION); a file of another version,
 * or one that cannot be read, is started afresh. A damaged line (a write cut
 * short) is skipped and that article detected again. New results are
 * appended by `flush`; the file is never a source of truth and is not backed up.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { isQuotesRecord, toQuotesRecord, type ArticleQuotesRecord } from '../../shared/quotes/articleQuotesRecord';
import { detectArticleQuotes } from '../../shared/quotes/detectQuotes';
import { QUOTES_VERSION } from '../../shared/quotes/quotesVersion';
import { writeFileAtomic } from './writeFileAtomic';

export const QUOTE_CACHE_FILE = join('derived', 'quotes.jsonl');

export class QuoteCache {
  private readonly records: Map<string, ArticleQuotesRecord>;
  private pending: string[] = [];
  /** The file must be written whole (missing, another version, damaged header). */
  private rewrite: boolean;
  private endsWithNewline: boolean;
  /** Detected in this session rather than read from the file. */
  detected = 0;

  private constructor(
    private readonly path: string,
    private readonly version: number,
    records: Map<string, ArticleQuotesRecord>,
    rewrite: boolean,
    endsWithNewline: boolean,
  ) {
    this.records = records;
    this.rewrite = rewrite;
    this.endsWithNewline = endsWithNewline;
  }

  static async open(dataDir: string, version = QUOTES_VERSION): Promise<QuoteCache> {
    const path = join(dataDir, QUOTE_CACHE_FILE);
    const raw = await fs.readFile(path, 'utf8').catch(() => null);
    const records = new Map<string, ArticleQuotesRecord>();
    if (raw === null) return new QuoteCache(path, version, records, true, true);
    const lines = raw.split('\n');
    if (headerVersion(lines[0]!) !== version) return new QuoteCache(path, version, records, true, true);
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      try {
        const entry = JSON.parse(line) as unknown;
        if (typeof entry === 'object' && entry !== null) {
          const { hash, record } = entry as Record<string, unknown>;
          if (typeof hash === 'string' && isQuotesRecord(record)) records.set(hash, record);
        }
      } catch {
        // A line cut short: that article is detected again.
      }
    }
    return new QuoteCache(path, version, records, false, raw.endsWith('\n'));
  }

  /** The article's quotes: from the cache when its text was detected before, else detected now (and kept). */
  quotesOf(hash: string, text: string): ArticleQuotesRecord {
    const known = this.records.get(hash);
    if (known) return known;
    const record = toQuotesRecord(detectArticleQuotes(text));
    this.records.set(hash, record);
    this.pending.push(JSON.stringify({ hash, record }));
    this.detected++;
    return record;
  }

  /** Writes what was detected since the last flush. A failed write is not an error: those texts are detected again next time. */
  async flush(): Promise<void> {
    if (this.pending.length === 0 && !this.rewrite) return;
    try {
      await fs.mkdir(join(this.path, '..'), { recursive: true });
      if (this.rewrite) {
        const lines = [JSON.stringify({ quotesVersion: this.version })];
        for (const [hash, record] of this.records) lines.push(JSON.stringify({ hash, record }));
        await writeFileAtomic(this.path, `${lines.join('\n')}\n`);
        this.rewrite = false;
      } else {
        await fs.appendFile(this.path, `${this.endsWithNewline ? '' : '\n'}${this.pending.join('\n')}\n`);
      }
      this.endsWithNewline = true;
      this.pending = [];
    } catch {
      // Derived data: next time these are detected again.
    }
  }
}

function headerVersion(line: string): number | null {
  try {
    const header = JSON.parse(line) as unknown;
    if (typeof header !== 'object' || header === null) return null;
    const v = (header as Record<string, unknown>).quotesVersion;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}
