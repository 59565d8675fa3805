/**
 * Pairs the quotation marks of a text into quotes (no attribution; see
 * detectQuotes for that). Paragraphs are the text's lines.
 *
 * - Marks pair per family (double, single, guillemets) with a stack; a closing
 *   mark closes the innermost open quote of its family, and openers left open
 *   inside it are dropped as stray.
 * - Only outermost quotes are reported; a quote inside a quote belongs to it.
 * - A quote stays inside its paragraph, except for the newspaper convention:
 *   a quote left open at the end of a paragraph continues when the next
 *   paragraph starts with an opening mark of the same family (each paragraph
 *   reopens, only the last one closes).
 * - Spans are capped (MAX_QUOTE_CHARS in one paragraph, MAX_CONTINUED_CHARS
 *   over several), so stray marks never swallow half an article.
 * - The reported span leaves out the marks, white space and stray marks at
 *   either end, and a trailing comma (`“…,” he said`).
 * - Dialogue dashes of non-English text count as quotes too (findDialogueDashes).
 */
import { findDialogueDashes } from './findDialogueDashes';
import { findQuoteMarks, QUOTE_MARK_CHARS, type QuoteMark } from './findQuoteMarks';

export interface QuoteSpan {
  /** Start of the quoted text (after the opening mark and trimming). */
  start: number;
  /** End of the quoted text (before the closing mark and trimming). */
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark. */
  close: number;
}

/** Longest quote (in characters) inside one paragraph. */
export const MAX_QUOTE_CHARS = 2000;
/** Longest quote running over several paragraphs. */
export const MAX_CONTINUED_CHARS = 6000;
/** Most paragraphs one quote may run over. */
export const MAX_CONTINUED_PARAGRAPHS = 15;

interface OpenEntry {
  mark: QuoteMark;
  /** Index of the paragraph the quote opened in. */
  paragraph: number;
}

interface Pair {
  open: QuoteMark;
  close: QuoteMark;
}

export function findQuoteSpans(text: string): QuoteSpan[] {
  const pairs: Pair[] = [];
  /** Offsets of every character of a mark that took part in a pair. */
  const paired = new Set<number>();
  const markPaired = (m: QuoteMark): void => {
    for (let k = 0; k < m.len; k++) paired.add(m.pos + k);
  };

  let carried: OpenEntry | null = null;
  let paragraph = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const first = firstNonSpace(text, lineStart, lineEnd);
    if (first < lineEnd) {
      paragraph++;
      const marks = findQuoteMarks(text, lineStart, lineEnd);
      const stack: OpenEntry[] = [];
      let k = 0;
      const head = marks[0];
      if (carried && head && head.pos === first && head.canOpen && head.family === carried.mark.family) {
        stack.push(carried);
        markPaired(head);
        k = 1;
      }
      carried = null;
      for (; k < marks.length; k++) {
        const mark = marks[k]!;
        if (mark.canClose && closeQuote(mark, k, marks, stack, paragraph, pairs)) {
          markPaired(mark);
          markPaired(pairs[pairs.length - 1]!.open);
          continue;
        }
        if (mark.canOpen) stack.push({ mark, paragraph });
      }
      carried = stack.find((e) => paragraph - e.paragraph + 1 < MAX_CONTINUED_PARAGRAPHS && hasWordsAfter(text, e.mark, lineEnd)) ?? null;
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }

  const marked = outermost(pairs).flatMap((pair) => {
    const span = trimmedSpan(text, pair, paired);
    return span ? [span] : [];
  });
  // Dialogue dashes (French, Russian, Spanish text): a dash paragraph is the outer quote of any marks inside it.
  const dashes = findDialogueDashes(text);
  if (dashes.length === 0) return marked;
  const outside = marked.filter((q) => !dashes.some((d) => q.open < d.close && d.open < q.close));
  return [...outside, ...dashes].sort((a, b) => a.start - b.start);
}

/** Closes the innermost open quote of `mark`'s family, if there is one that fits. */
function closeQuote(mark: QuoteMark, index: number, marks: readonly QuoteMark[], stack: OpenEntry[], paragraph: number, pairs: Pair[]): boolean {
  let at = innermost(stack, mark, stack.length - 1);
  if (at < 0) return false;
  if (mark.possessive && closesLater(marks, index)) return false; // students’ union
  while (at >= 0) {
    const entry = stack[at]!;
    const length = mark.pos - (entry.mark.pos + entry.mark.len);
    const limit = entry.paragraph === paragraph ? MAX_QUOTE_CHARS : MAX_CONTINUED_CHARS;
    if (length <= limit) {
      pairs.push({ open: entry.mark, close: mark });
      stack.length = at;
      return true;
    }
    stack.splice(at, 1); // too far away to be this mark's partner
    at = innermost(stack, mark, at - 1);
  }
  return false;
}

function innermost(stack: readonly OpenEntry[], mark: QuoteMark, from: number): number {
  for (let i = from; i >= 0; i--) if (stack[i]!.mark.family === mark.family) return i;
  return -1;
}

/** How many marks ahead closesLater looks (bounds the work in a paragraph full of possessives). */
const LOOK_AHEAD_MARKS = 64;

/** Another mark of the same family closes before any opens: the possessive was an apostrophe. */
function closesLater(marks: readonly QuoteMark[], index: number): boolean {
  const family = marks[index]!.family;
  for (let i = index + 1; i < marks.length && i <= index + LOOK_AHEAD_MARKS; i++) {
    const m = marks[i]!;
    if (m.family !== family) continue;
    if (m.canClose && !m.possessive) return true;
    if (m.canOpen) return false;
  }
  return false;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i]!)) i++;
  return i;
}

/** At least two words follow the opening mark in its paragraph (a stray mark at the end does not continue). */
function hasWordsAfter(text: string, mark: QuoteMark, lineEnd: number): boolean {
  return /\S+\s+\S/.test(text.slice(mark.pos + mark.len, Math.min(lineEnd, mark.pos + mark.len + 200)));
}

function outermost(pairs: readonly Pair[]): Pair[] {
  const sorted = [...pairs].sort((a, b) => a.open.pos - b.open.pos || b.close.pos - a.close.pos);
  const result: Pair[] = [];
  let outerEnd = -1;
  for (const pair of sorted) {
    if (pair.open.pos < outerEnd) continue;
    result.push(pair);
    outerEnd = pair.close.pos + pair.close.len;
  }
  return result;
}

function trimmedSpan(text: string, pair: Pair, paired: ReadonlySet<number>): QuoteSpan | null {
  const strip = (i: number): boolean => /\s/.test(text[i]!) || (QUOTE_MARK_CHARS.has(text[i]!) && !paired.has(i));
  let start = pair.open.pos + pair.open.len;
  let end = pair.close.pos;
  while (start < end && strip(start)) start++;
  while (end > start && (strip(end - 1) || text[end - 1] === ',')) end--;
  if (start >= end) return null;
  return { start, end, open: pair.open.pos, close: pair.close.pos + pair.close.len };
}
