/**
 * An attribution after the quote across a paragraph break: the quote ends its paragraph and the next paragraph
 * opens by saying who said it —
 *   “We are going to win this state,”
 *   said Bernie Sanders, to loud applause.
 * or refers back to it: "So said Sanders …", "Sanders said it twice …", "That is what Sanders told …", "Those
 * were the words of Sanders …". Where that paragraph's first sentence is, with the token where its speech verb or
 * name is to be read; null when the next paragraph does not open so (then the quote keeps the other rules).
 */
import type { QuoteSpan } from './findQuoteSpans';

/** The opening words that refer back to a quote and the kind of attribution they make. */
const OPENINGS: { re: RegExp; kind: 'verb' | 'name' }[] = [
  // "said Bernie Sanders", "So said Sanders", "added Sanders"
  { re: /^(?:So\s+|Thus\s+)?(?:said|says|added|adds|wrote|writes|declared|insisted|argued|warned|tweeted|continued)\s+(?=\p{Lu})/u, kind: 'verb' },
  // "Those were the words of Sanders", "These were the words of …"
  { re: /^(?:Those|These|Such)\s+were\s+the\s+words\s+of\s+(?=\p{Lu})/u, kind: 'name' },
  // "That is what Sanders said", "That was how Sanders put it"
  { re: /^That\s+(?:is|was|’s|'s)\s+(?:what|how)\s+(?=\p{Lu})/u, kind: 'name' },
];
/** "Sanders said it twice", "Sanders said so": a name, its speech verb and a pronoun for the quote. */
const NAME_SAID_IT = /^(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}(?:said|told|wrote|repeated|shouted|declared)\s+(?:it|so|this|those\s+words|these\s+words)\b/u;

/** Whether `quote` closes its paragraph (nothing but punctuation after it on its line). */
function endsParagraph(text: string, quote: QuoteSpan): boolean {
  const newline = text.indexOf('\n', quote.close);
  const rest = text.slice(quote.close, newline < 0 ? text.length : newline);
  return newline >= 0 && /^[\s.,;:!?”’"'»]*$/u.test(rest);
}

export interface NextParagraphAttribution {
  /** Offsets of the next paragraph's first sentence. */
  start: number;
  end: number;
  /** How to read it: from its speech verb ("said Sanders") or from the name it gives ("the words of Sanders"). */
  kind: 'verb' | 'name';
  /** Where the name starts, for kind 'name'. */
  nameAt: number;
}

export function attributionNextParagraph(text: string, quote: QuoteSpan, next: QuoteSpan | undefined): NextParagraphAttribution | null {
  if (!endsParagraph(text, quote)) return null;
  let start = text.indexOf('\n', quote.close);
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start >= text.length || (next && next.open < start + 200 && text.lastIndexOf('\n', next.open) < start)) return null;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const sentenceEnd = /[.!?](?=\s|$)/u.exec(text.slice(start, end));
  if (sentenceEnd) end = start + sentenceEnd.index + 1;
  const paragraph = text.slice(start, end);
  for (const { re, kind } of OPENINGS) {
    const m = re.exec(paragraph);
    if (m) return { start, end, kind, nameAt: start + m[0].length };
  }
  if (NAME_SAID_IT.test(paragraph)) return { start, end, kind: 'verb', nameAt: start };
  return null;
}
