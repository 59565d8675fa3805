/**
 * Clicks inside a passage of an article's text with the real mouse, on the
 * middle of one of its characters (the first occurrence of the passage;
 * `charIndex` picks the character, default its middle one). The passage is
 * scrolled to the centre of its column first.
 */
import type { Locator, Page } from '@playwright/test';

export async function clickInText(page: Page, editor: Locator, passage: string, charIndex?: number): Promise<void> {
  const point = await editor.evaluate(
    (root, [text, index]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      const at = all.indexOf(text);
      if (at < 0) throw new Error(`passage not found in the article: ${text}`);
      let offset = at + (index ?? Math.floor(text.length / 2));
      for (const node of nodes) {
        if (offset < node.data.length) {
          node.parentElement!.scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(node, offset);
          r.setEnd(node, offset + 1);
          const rect = r.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        offset -= node.data.length;
      }
      throw new Error('offset outside text');
    },
    [passage, charIndex ?? null] as const,
  );
  await page.mouse.click(point.x, point.y);
}
