/**
 * Where the highlight hover card goes across: under the highlight's first
 * line, moved left only as far as it must to end inside the article's text
 * column (never over the annotation panel or the next column beside it), and
 * narrower than its usual 320 px when the column is.
 */
export interface HoverCardPlace {
  left: number;
  maxWidth: number;
}

/** The card's usual widest, in px. */
export const HOVER_CARD_WIDTH = 320;
const MARGIN = 8;

/** `cardWidth`: the card's drawn width (0 before it is drawn). */
export function hoverCardPlace(highlightLeft: number, cardWidth: number, column: { left: number; right: number }, viewportWidth: number): HoverCardPlace {
  const from = Math.max(MARGIN, column.left);
  const to = Math.min(viewportWidth - MARGIN, column.right);
  const maxWidth = Math.max(120, Math.min(HOVER_CARD_WIDTH, to - from));
  return { left: Math.max(from, Math.min(highlightLeft, to - Math.min(cardWidth, maxWidth))), maxWidth };
}
