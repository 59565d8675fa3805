/**
 * Accept as group (issue 18): a shared passage often runs over the words that
 * introduce or credit the quote — `Bondarev said: “Never have I…` or
 * `…my country,” he wrote.` — because every outlet copied them too. For a
 * Quote, the span should hold the quoted words only, so the attribution
 * before an opening mark and after a closing mark is trimmed away (with the
 * marks). Only when the quoted words are most of the passage (at least half
 * its letters): a passage of narration with a few quoted words in it is left
 * as it is. Pure.
 */
const OPENING = new Set(['“', '„', '«', '‹', '"', '‘', '‚']);
const CLOSING = new Set(['”', '»', '›', '"', '’', '“']);
const LETTER = /[\p{L}\p{N}]/u;

function letters(text: string): number {
  let n = 0;
  for (const ch of text) if (LETTER.test(ch)) n++;
  return n;
}

export function quoteOnlyRange(text: string, range: { start: number; end: number }): { start: number; end: number } {
  const passage = text.slice(range.start, range.end);
  let from = 0;
  let to = passage.length;

  // Before the first opening mark: attribution when it ends like one ("said:", "wrote,", "—") and holds no other mark.
  // (Offsets are UTF-16 code units, like the text's.) A mark between letters is an apostrophe.
  const isMark = (i: number, marks: Set<string>) =>
    marks.has(passage[i]!) && !(LETTER.test(passage[i - 1] ?? '') && LETTER.test(passage[i + 1] ?? ''));
  let open = -1;
  for (let i = 0; i < passage.length && open < 0; i++) if (isMark(i, OPENING)) open = i;
  if (open >= 0) {
    let closedBefore = false;
    for (let i = 0; i < open; i++) if (isMark(i, CLOSING)) closedBefore = true;
    if (!closedBefore) from = open + 1;
  }
  // After the last closing mark: attribution when there are letters there and no opening mark.
  let close = -1;
  for (let i = passage.length - 1; i >= from; i--) {
    if (isMark(i, CLOSING) && i > from) {
      close = i;
      break;
    }
  }
  if (close > from) {
    const after = passage.slice(close + 1);
    if (![...after].some((ch) => OPENING.has(ch))) to = close;
  }
  // A straight " can both open and close: the closing search must not land on the mark we opened with.
  if (to <= from) return range;
  // Marks doubled up (‘’…’’, “‘…’”) and spaces go too.
  const edge = (ch: string) => /\s/.test(ch) || OPENING.has(ch) || CLOSING.has(ch);
  if (from > 0) while (from < to && edge(passage[from]!)) from++;
  if (to < passage.length) while (to > from && edge(passage[to - 1]!)) to--;
  while (from < to && /\s/.test(passage[from]!)) from++;
  while (to > from && /\s/.test(passage[to - 1]!)) to--;
  const quoted = passage.slice(from, to);
  if (letters(quoted) === 0 || letters(quoted) * 2 < letters(passage)) return range;
  return { start: range.start + from, end: range.start + to };
}
