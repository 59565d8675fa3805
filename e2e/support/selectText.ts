/**
 * Selects a passage of an article's text with the real mouse: press at the
 * first character, drag to the last, release. Returns nothing; the app sees
 * an ordinary user selection.
 */
import type { Locator, Page } from '@playwright/test';

export async function selectTextWithMouse(page: Page, editor: Locator, passage: string): Promise<void> {
  const points = await editor.evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(text);
    if (at < 0) throw new Error(`passage not found in the article: ${text}`);
    const locate = (offset: number): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (offset < seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error('offset outside text');
    };
    const rectOf = (offset: number) => {
      const [node, o] = locate(offset);
      const r = document.createRange();
      r.setStart(node, o);
      r.setEnd(node, o + 1);
      return r.getClientRects()[0]!;
    };
    // Centre the passage first: a drag ending near a scroller's edge auto-scrolls and over-selects.
    const [startNode] = locate(at);
    startNode.parentElement!.scrollIntoView({ block: 'center' });
    const first = rectOf(at);
    const last = rectOf(at + text.length - 1);
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, passage);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move((points.from.x + points.to.x) / 2, points.to.y, { steps: 5 });
  await page.mouse.move(points.to.x, points.to.y, { steps: 5 });
  await page.mouse.up();
}
