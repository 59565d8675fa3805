/**
 * Quote drift (issue 18): how one quote's wording changes from outlet to
 * outlet. For a group of the coverage matrix, every member's wording in
 * publication order (date, then library order; undated last), each diffed
 * word by word (the `diff` library's diffWords, case ignored) against a
 * reference — the earliest wording, or one chosen. Each version says which
 * words it adds, drops or changes; one that only drops words is a cut-down
 * fragment of the reference (its parts show it in place inside the fuller
 * wording), and one that keeps little of the reference's wording is flagged
 * as a likely translation or paraphrase. Typographic differences (curly or
 * straight quotes, dashes, spacing) and the marks around a quote do not
 * count. Pure.
 */
import { diffWords } from 'diff';
import type { CoverageMatrix } from './crossArticle';

export type DriftPartKind = 'same' | 'added' | 'dropped';

export interface DriftPart {
  kind: DriftPartKind;
  text: string;
  /** Part of a change: dropped words replaced by added ones right next to them. */
  changed: boolean;
}

export interface DriftVersion {
  articleId: string;
  annotationId: string;
  title: string;
  outlet: string | null;
  date: string | null;
  /** The wording as compared (marks around it removed, typography evened out). */
  wording: string;
  creditedTo: string | null;
  isReference: boolean;
  /** Against the reference: reference words first, then this one's (the reference's own are all "same"). */
  parts: DriftPart[];
  added: number;
  dropped: number;
  changed: number;
  /** Only drops words: a cut-down fragment of the reference. */
  fragment: boolean;
  /** Keeps under a third of the reference's words: likely translated or paraphrased. */
  translated: boolean;
}

export interface QuoteDrift {
  groupId: string;
  label: string;
  referenceArticleId: string | null;
  versions: DriftVersion[];
  /** Articles of the matrix that do not carry the quote, in publication order. */
  notCarried: { articleId: string; title: string; outlet: string | null; date: string | null }[];
}

const EDGE = /^[\s"'“”‘’«»„‚‹›]+|[\s"'“”‘’«»„‚‹›]+$/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Evens out what a reader would not call a change of wording. */
export function driftText(exact: string): string {
  return exact
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‘’‚‛‹›]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(EDGE, '');
}

function words(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The word-by-word comparison of one wording against the reference. */
export function compareWording(reference: string, wording: string): Pick<DriftVersion, 'parts' | 'added' | 'dropped' | 'changed'> & { kept: number } {
  const changes = diffWords(reference, wording, { ignoreCase: true });
  const parts: DriftPart[] = changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'dropped' : 'same', text: c.value, changed: false }));
  let added = 0;
  let dropped = 0;
  let changed = 0;
  let kept = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'same') {
      kept += words(part.text);
      continue;
    }
    const next = parts[i + 1];
    if (next && next.kind !== 'same' && next.kind !== part.kind) {
      const [gone, come] = part.kind === 'dropped' ? [part, next] : [next, part];
      const n = Math.min(words(gone.text), words(come.text));
      changed += n;
      dropped += words(gone.text) - n;
      added += words(come.text) - n;
      if (n > 0) part.changed = next.changed = true;
      i++;
      continue;
    }
    if (part.kind === 'added') added += words(part.text);
    else dropped += words(part.text);
  }
  return { parts, added, dropped, changed, kept };
}

/** One wording against the reference's (both through driftText): the counts and the two flags. */
export function driftAgainst(
  reference: string,
  wording: string,
  isReference: boolean,
): ReturnType<typeof compareWording> & Pick<DriftVersion, 'fragment' | 'translated'> {
  const compared = compareWording(reference, wording);
  const referenceWords = words(reference);
  return {
    ...compared,
    fragment: !isReference && compared.added === 0 && compared.changed === 0 && compared.dropped > 0,
    translated: !isReference && referenceWords > 0 && compared.kept * 3 < referenceWords && compared.kept * 3 < words(wording),
  };
}

/** The matrix's articles by date (undated last), then library order. */
export function publicationOrder(matrix: Pick<CoverageMatrix, 'articles'>): CoverageMatrix['articles'] {
  const place = new Map(matrix.articles.map((a, i) => [a.id, i]));
  return [...matrix.articles].sort((a, b) => {
    const da = a.date?.slice(0, 10) ?? null;
    const db = b.date?.slice(0, 10) ?? null;
    if (da !== db) {
      if (da === null) return 1;
      if (db === null) return -1;
      return da < db ? -1 : 1;
    }
    return place.get(a.id)! - place.get(b.id)!;
  });
}

/** The drift of one group's wording; null when the matrix has no such group. `referenceArticleId` picks the reference (else the earliest). */
export function quoteDrift(matrix: CoverageMatrix, groupId: string, referenceArticleId?: string | null): QuoteDrift | null {
  const row = matrix.rows.find((r) => r.groupId === groupId);
  if (!row) return null;
  const ordered = publicationOrder(matrix);
  const carried = ordered.flatMap((article) =>
    (row.cells[article.id] ?? []).map((cell) => ({ article, cell, wording: driftText(cell.exact) })),
  );
  const reference = carried.find((c) => c.article.id === referenceArticleId) ?? carried[0];
  const versions = carried.map(({ article, cell, wording }): DriftVersion => {
    const isReference = reference !== undefined && cell === reference.cell;
    const compared = driftAgainst(reference?.wording ?? wording, wording, isReference);
    return {
      articleId: article.id,
      annotationId: cell.annotationId,
      title: article.title,
      outlet: article.outlet,
      date: article.date,
      wording,
      creditedTo: cell.creditedTo,
      isReference,
      parts: compared.parts,
      added: compared.added,
      dropped: compared.dropped,
      changed: compared.changed,
      fragment: compared.fragment,
      translated: compared.translated,
    };
  });
  return {
    groupId,
    label: row.label,
    referenceArticleId: reference?.article.id ?? null,
    versions,
    notCarried: ordered.filter((a) => !row.cells[a.id]?.length).map(({ id, title, outlet, date }) => ({ articleId: id, title, outlet, date })),
  };
}
