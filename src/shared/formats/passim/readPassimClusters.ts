/**
 * Reads passim's text-reuse clusters back (its `out.json/` output: JSON
 * lines, one passage per line, `{ uid, cluster, size, id, series, begin, end,
 * text, … }`, offsets into the document's text as passim was given it by
 * `export --format passim`) as shared passages: one group per cluster, each
 * passage `{ article, start, end, exact }` like `align --json` prints them.
 * Passages are matched to articles by id and checked against the article's
 * text; what cannot be used is reported line by line, never dropped silently.
 */
import { z } from 'zod';
import type { AlignedGroupResult } from '../../crossArticle/crossArticle';

const PassimPassageSchema = z.object({
  cluster: z.union([z.number().int(), z.string().min(1).max(200)]),
  id: z.string().min(1).max(500),
  begin: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The version of the article's text passim was given (`export --format passim` writes it; passim keeps it). */
  version: z.number().int().min(1).optional(),
});

export interface PassimClusters {
  groups: AlignedGroupResult[];
  /** One line per passage or cluster that was not used, with the reason. */
  skipped: string[];
  /** Passages read (lines that were passages, used or not). */
  passages: number;
}

export interface PassimLine {
  /** Where the line comes from, for messages: `file:line`. */
  where: string;
  line: string;
}

/**
 * `textOf` gives an article's canonical text by id, or undefined when the
 * library has no such article; `versionOf` the version of the text it gives
 * (a passage over another version of the text is not used: its offsets are
 * into that version).
 */
export function readPassimClusters(
  lines: Iterable<PassimLine>,
  textOf: (id: string) => string | undefined,
  versionOf: (id: string) => number | undefined = () => undefined,
): PassimClusters {
  const byCluster = new Map<string, { article: string; start: number; end: number }[]>();
  const skipped: string[] = [];
  let passages = 0;
  for (const { where, line } of lines) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped.push(`${where}: not a JSON line`);
      continue;
    }
    const parsed = PassimPassageSchema.safeParse(value);
    if (!parsed.success) {
      skipped.push(`${where}: not a passim passage (needs cluster, id, begin and end)`);
      continue;
    }
    passages++;
    const { cluster, id, begin, end, version } = parsed.data;
    const text = textOf(id);
    if (text === undefined) {
      skipped.push(`${where}: cluster ${cluster}: article ${id} is not in the library`);
      continue;
    }
    const current = versionOf(id);
    if (version !== undefined && current !== undefined && version !== current) {
      skipped.push(`${where}: cluster ${cluster}: passim read version ${version} of article ${id}'s text; the library now holds version ${current} (export it again and run passim again)`);
      continue;
    }
    if (end <= begin || end > text.length) {
      skipped.push(`${where}: cluster ${cluster}: ${begin}–${end} lies outside article ${id} (${text.length} characters; was it exported from this library?)`);
      continue;
    }
    const key = String(cluster);
    let members = byCluster.get(key);
    if (!members) byCluster.set(key, (members = []));
    if (!members.some((m) => m.article === id && m.start === begin && m.end === end)) members.push({ article: id, start: begin, end });
  }
  const groups: AlignedGroupResult[] = [];
  for (const [cluster, members] of byCluster) {
    if (new Set(members.map((m) => m.article)).size < 2) {
      skipped.push(`cluster ${cluster}: fewer than two articles of the library left in it`);
      continue;
    }
    members.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
    groups.push({
      id: `passim-${cluster}`,
      passages: members.map((m) => ({ ...m, exact: textOf(m.article)!.slice(m.start, m.end) })),
    });
  }
  return { groups, skipped, passages };
}
