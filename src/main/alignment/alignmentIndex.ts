/**
 * The persisted alignment index (issue 20): each article's passage
 * fingerprints (shared/alignment/passageFingerprints), so that one new
 * article is aligned against the library by looking up its fingerprints and
 * comparing it with the few articles that share one (alignNewArticle), not
 * by aligning the whole library again.
 *
 * Derived data in <dataDir>/derived/align-index/, never a source of truth:
 * - docs.jsonl: a header line { alignIndex, build, postings }, then one line
 *   [id, hash] per indexed text (its line number is its doc number);
 * - postings.bin: header (magic, version, build, count), a directory of
 *   2^20 + 1 bucket offsets, then `count` (fingerprint, doc) pairs grouped
 *   by the fingerprint's top 20 bits — a lookup reads one bucket (a few
 *   hundred bytes) from disk, so the index is not held in memory;
 * - tail.bin: the build number, then pairs of texts added since the build.
 * A file that is missing, of another version or of another build makes the
 * index `empty` (rebuild it with AlignmentIndex.build). Entries of a text
 * that changed or left the library are skipped at lookup (the caller says
 * which id:hash pairs are current).
 */
import * as fs from 'node:fs/promises';
import { readSync } from 'node:fs';
import { join } from 'node:path';
import { passageFingerprints } from '../../shared/alignment/passageFingerprints';

export const ALIGN_INDEX_DIR = join('derived', 'align-index');
const VERSION = 1;
const MAGIC = 0x5441_4c49;
const BITS = 20;
const SHIFT = 32 - BITS;
const BUCKETS = 1 << BITS;
const HEADER_BYTES = 16;
const DIRECTORY_BYTES = (BUCKETS + 1) * 4;

export interface IndexedText {
  id: string;
  hash: string;
  text: string;
}

/** A text whose fingerprints were taken already (the full alignment leaves them). */
export interface FingerprintedText {
  id: string;
  hash: string;
  fingerprints: Uint32Array;
}

export interface BuildProgress {
  (indexed: number): void;
}

export class AlignmentIndex {
  private constructor(
    private readonly dir: string,
    private readonly build: number,
    private readonly docs: { id: string; hash: string }[],
    private readonly directory: Uint32Array | null,
    private readonly postings: fs.FileHandle | null,
    private readonly tail: Map<number, number[]>,
  ) {}

  /** No usable index on disk: build one before looking anything up. */
  get empty(): boolean {
    return this.directory === null;
  }

  /** Texts indexed (stale ones included). */
  get size(): number {
    return this.docs.length;
  }

  static async open(dataDir: string): Promise<AlignmentIndex> {
    const dir = join(dataDir, ALIGN_INDEX_DIR);
    const none = new AlignmentIndex(dir, 0, [], null, null, new Map());
    let handle: fs.FileHandle | null = null;
    try {
      const lines = (await fs.readFile(join(dir, 'docs.jsonl'), 'utf8')).split('\n');
      const header = JSON.parse(lines[0]!) as { alignIndex?: unknown; build?: unknown; postings?: unknown };
      if (header.alignIndex !== VERSION || typeof header.build !== 'number') return none;
      const docs: { id: string; hash: string }[] = [];
      for (const line of lines.slice(1)) {
        if (line === '') continue;
        try {
          const [id, hash] = JSON.parse(line) as unknown[];
          docs.push(typeof id === 'string' && typeof hash === 'string' ? { id, hash } : { id: '', hash: '' });
        } catch {
          docs.push({ id: '', hash: '' }); // a line cut short: that doc is never a candidate
        }
      }
      handle = await fs.open(join(dir, 'postings.bin'), 'r');
      const head = new Uint32Array(HEADER_BYTES / 4);
      await handle.read(new Uint8Array(head.buffer), 0, HEADER_BYTES, 0);
      if (head[0] !== MAGIC || head[1] !== VERSION || head[2] !== header.build >>> 0 || head[3] !== header.postings) throw new Error('another build');
      const directory = new Uint32Array(BUCKETS + 1);
      const { bytesRead } = await handle.read(new Uint8Array(directory.buffer), 0, DIRECTORY_BYTES, HEADER_BYTES);
      if (bytesRead !== DIRECTORY_BYTES) throw new Error('cut short');
      const tail = new Map<number, number[]>();
      const rawTail = await fs.readFile(join(dir, 'tail.bin')).catch(() => null);
      if (rawTail && rawTail.length >= 4) {
        const words = new Uint32Array(rawTail.buffer, rawTail.byteOffset, rawTail.length >> 2);
        if (words[0] === header.build >>> 0) {
          for (let k = 1; k + 1 < words.length; k += 2) {
            if (words[k + 1]! >= docs.length) continue; // its doc line was never written
            let list = tail.get(words[k]!);
            if (!list) tail.set(words[k]!, (list = []));
            list.push(words[k + 1]!);
          }
        }
      }
      return new AlignmentIndex(dir, header.build >>> 0, docs, directory, handle, tail);
    } catch {
      await handle?.close();
      return none;
    }
  }

  /** Indexes every text afresh (in the order given: library order) and writes the files, replacing any index. */
  static async build(dataDir: string, texts: AsyncIterable<IndexedText | FingerprintedText> | Iterable<IndexedText | FingerprintedText>, progress?: BuildProgress): Promise<void> {
    const dir = join(dataDir, ALIGN_INDEX_DIR);
    await fs.mkdir(dir, { recursive: true });
    // Each text's fingerprints as they come (about 2 in 5 of its words), then one counting sort by bucket
    // into (fingerprint, doc) pairs: no arrays grown by doubling (hundreds of MB at 100,000 articles).
    const perDoc: Uint32Array[] = [];
    let count = 0;
    const docLines: string[] = [];
    for await (const item of texts) {
      docLines.push(JSON.stringify([item.id, item.hash]));
      const fps = 'fingerprints' in item ? item.fingerprints : passageFingerprints(item.text);
      perDoc.push(fps);
      count += fps.length;
      if (progress && docLines.length % 1000 === 0) progress(docLines.length);
    }
    const directory = new Uint32Array(BUCKETS + 1);
    for (const fps of perDoc) for (let k = 0; k < fps.length; k++) directory[(fps[k]! >>> SHIFT) + 1]!++;
    for (let b = 0; b < BUCKETS; b++) directory[b + 1]! += directory[b]!;
    const next = directory.slice(0, BUCKETS);
    const pairs = new Uint32Array(count * 2);
    for (let doc = 0; doc < perDoc.length; doc++) {
      const fps = perDoc[doc]!;
      for (let k = 0; k < fps.length; k++) {
        const at = next[fps[k]! >>> SHIFT]!++;
        pairs[at * 2] = fps[k]!;
        pairs[at * 2 + 1] = doc;
      }
    }
    perDoc.length = 0;
    const build = (Math.random() * 0xffffffff) >>> 0;
    const header = Uint32Array.of(MAGIC, VERSION, build, count);
    await fs.rm(join(dir, 'tail.bin'), { force: true });
    await writeReplacing(join(dir, 'postings.bin'), [header, directory, pairs]);
    await writeReplacing(join(dir, 'docs.jsonl'), [`${JSON.stringify({ alignIndex: VERSION, build, postings: count })}\n${docLines.map((l) => `${l}\n`).join('')}`]);
    progress?.(docLines.length);
  }

  /**
   * Ids of the indexed articles sharing a fingerprint with `text` whose indexed
   * hash is still current, in doc order (the library order of the build, then
   * additions). A fingerprint in more than `maxArticles` texts is a stock phrase.
   */
  async candidates(text: string, isCurrent: (id: string, hash: string) => boolean, maxArticles: number): Promise<string[]> {
    const ids = new Set<string>();
    for (const { id, hash } of await this.candidateEntries(text, maxArticles)) if (isCurrent(id, hash)) ids.add(id);
    return [...ids];
  }

  /** The same, every indexed (id, hash) sharing a fingerprint, current or not, in doc order. */
  async candidateEntries(text: string, maxArticles: number): Promise<{ id: string; hash: string }[]> {
    if (!this.directory || !this.postings) return [];
    const fps = passageFingerprints(text);
    const found = new Set<number>();
    const directory = this.directory;
    const fd = this.postings.fd;
    // One positioned read per fingerprint's bucket (a few hundred bytes, from the page cache once warm), done
    // synchronously: a few hundred reads cost a few milliseconds this way, several times that as promises.
    let buffer = new Uint32Array(256);
    const docs: number[] = [];
    for (const fp of fps) {
      const bucket = fp >>> SHIFT;
      const from = directory[bucket]!;
      const to = directory[bucket + 1]!;
      docs.length = 0;
      if (to > from) {
        const words = (to - from) * 2;
        if (buffer.length < words) buffer = new Uint32Array(Math.max(words, buffer.length * 2));
        readSync(fd, new Uint8Array(buffer.buffer, 0, words * 4), 0, words * 4, HEADER_BYTES + DIRECTORY_BYTES + from * 8);
        for (let k = 0; k < words; k += 2) if (buffer[k] === fp) docs.push(buffer[k + 1]!);
      }
      for (const doc of this.tail.get(fp) ?? []) docs.push(doc);
      if (docs.length > maxArticles) continue;
      for (const doc of docs) found.add(doc);
    }
    return [...found]
      .sort((x, y) => x - y)
      .map((doc) => this.docs[doc]!)
      .filter((d) => d.id !== '');
  }

  /** Adds one text (appended to docs.jsonl and tail.bin; nothing rewritten). Nothing happens on an empty index. */
  async add({ id, hash, text }: IndexedText): Promise<void> {
    if (this.empty) return;
    if (this.docs.some((d) => d.id === id && d.hash === hash)) return;
    const doc = this.docs.length;
    await fs.appendFile(join(this.dir, 'docs.jsonl'), `${JSON.stringify([id, hash])}\n`);
    this.docs.push({ id, hash });
    const fps = passageFingerprints(text);
    const tailFile = join(this.dir, 'tail.bin');
    const fresh = await fs.stat(tailFile).then((s) => s.size < 4, () => true);
    const words = new Uint32Array(fps.length * 2 + (fresh ? 1 : 0));
    let k = 0;
    if (fresh) words[k++] = this.build;
    for (const fp of fps) {
      words[k++] = fp;
      words[k++] = doc;
      let list = this.tail.get(fp);
      if (!list) this.tail.set(fp, (list = []));
      list.push(doc);
    }
    await fs.appendFile(tailFile, new Uint8Array(words.buffer));
  }

  async close(): Promise<void> {
    await this.postings?.close();
  }
}

/** Writes a temporary file and renames it over `path` (a reader sees the old file or the new, whole). */
async function writeReplacing(path: string, parts: (Uint32Array | string)[]): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    for (const part of parts) {
      if (typeof part === 'string') await handle.write(part);
      else await handle.write(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    }
  } finally {
    await handle.close();
  }
  await fs.rename(temp, path);
}
