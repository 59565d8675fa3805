/**
 * The one piece of text-locating code the mouse helpers share (selectText,
 * clickText): runs inside the page (passed to `locator.evaluate`, so it must
 * stay self-contained — no imports, no outside names). Finds the first
 * occurrence of `text` in the element's text, optionally scrolls it to the
 * centre of its scroller, and returns the viewport point at the middle of the
 * character `index` places into it, with that character's left and right edge.
 */
export interface TextPointRequest {
  text: string;
  index: number;
  scroll: boolean;
}

export interface TextPoint {
  x: number;
  y: number;
  left: number;
  right: number;
}

export function textPoint(root: Element, { text, index, scroll }: TextPointRequest): TextPoint {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    all += (n as Text).data;
  }
  const at = all.indexOf(text);
  if (at < 0) throw new Error(`passage not found in the article: ${text}`);
  let offset = at + index;
  for (const node of nodes) {
    if (offset < node.data.length) {
      if (scroll) node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, left: rect.left, right: rect.right };
    }
    offset -= node.data.length;
  }
  throw new Error('offset outside text');
}
