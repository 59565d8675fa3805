/**
 * The groups of the last finished library alignment, kept as derived data in
 * <dataDir>/derived/library-alignment.jsonl (never a source of truth: a
 * missing or damaged file means "not aligned yet"). The first line is the
 * header { libraryAlignment: 1, finishedAt, addedSince, articles: [[id, hash], …] },
 * then one group per line. Replaced whole and atomically (writeFileAtomic),
 * so a cancelled or killed run leaves the previous file as it was.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { writeFileAtomic } from '../store/writeFileAtomic';

export const KEPT_ALIGNMENT_FILE = join('derived', 'library-alignment.jsonl');

export interface KeptLibraryAlignment {
  finishedAt: string;
  /** Articles imported since the full alignment and aligned against its index. */
  addedSince: number;
  /** [id, text hash] of every article aligned. */
  articles: [string, string][];
  groups: AlignedGroup[];
}

export async function readKeptAlignment(dataDir: string): Promise<KeptLibraryAlignment | null> {
  let raw: string;
  try {
    raw = await readFile(join(dataDir, KEPT_ALIGNMENT_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const lines = raw.split('\n');
    const header = JSON.parse(lines[0]!) as { libraryAlignment?: unknown; finishedAt?: unknown; addedSince?: unknown; articles?: unknown };
    if (header.libraryAlignment !== 1 || typeof header.finishedAt !== 'string' || !Array.isArray(header.articles)) return null;
    const groups: AlignedGroup[] = [];
    for (const line of lines.slice(1)) if (line !== '') groups.push(JSON.parse(line) as AlignedGroup);
    return {
      finishedAt: header.finishedAt,
      addedSince: typeof header.addedSince === 'number' ? header.addedSince : 0,
      articles: header.articles as [string, string][],
      groups,
    };
  } catch {
    return null; // damaged: derived data, aligned again on request
  }
}

export async function writeKeptAlignment(dataDir: string, kept: KeptLibraryAlignment): Promise<void> {
  function* parts(): Generator<string> {
    yield `${JSON.stringify({ libraryAlignment: 1, finishedAt: kept.finishedAt, addedSince: kept.addedSince, articles: kept.articles })}\n`;
    let chunk = '';
    for (const group of kept.groups) {
      chunk += `${JSON.stringify(group)}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  const file = join(dataDir, KEPT_ALIGNMENT_FILE);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, parts());
}

/** Groups spanning the most articles first (then the most passages); ties keep their order. */
export function largestFirst(groups: readonly AlignedGroup[]): AlignedGroup[] {
  const articlesIn = (g: AlignedGroup) => new Set(g.passages.map((p) => p.article)).size;
  return groups
    .map((g, i) => ({ g, i, n: articlesIn(g) }))
    .sort((x, y) => y.n - x.n || y.g.passages.length - x.g.passages.length || x.i - y.i)
    .map(({ g }) => g);
}
