/**
 * The whole page's text as a reader sees it — what "import the whole page
 * text instead" brings in, and what an article found in the page is measured
 * against (shortArticleWarning). Read from the saved page itself, not from
 * the pre-filtered copy Readability reads (prefilterPage drops more than the
 * page hides), in one htmlparser2 pass made only when it is needed.
 *
 * Left out, with all they hold, because the page does not show them:
 * - scripts, styles, `<noscript>`, `<template>`, the `<head>`, SVG/MathML,
 *   frames, objects, canvas, audio and video (their fallback text);
 * - elements with the `hidden` attribute (not `hidden="until-found"`, which
 *   the browser's find reveals), a `<dialog>` that is not open, and elements
 *   whose inline style is `display: none` or `visibility: hidden`/`collapse`;
 * - form controls and their labels (`button`, `input`, `select`, `textarea`,
 *   `label`): the page's own machinery, not its text;
 * - the site's header, footer and navigation outside `<article>`/`<main>`.
 * Kept: everything else the page shows, share bars, captions, asides and
 * readers' comments included — and `aria-hidden="true"` content, which
 * hides an element from screen readers only: sighted readers see it (a
 * headline repeated in large type, a visual label, a drop cap), so it is
 * part of what the page shows.
 */
import { Parser } from 'htmlparser2';
import { BLOCK_TAGS, CELL_TAGS, TextCollector } from './htmlToParagraphs';

/** Elements the page never shows as text. */
const NOT_SHOWN = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'canvas', 'video', 'audio', 'noembed', 'noframes', 'button', 'input', 'select', 'option', 'datalist',
  'textarea', 'label',
]);

/** Inline styles that hide an element. */
const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\s*(!important\s*)?(;|$)/i;

/** Whether an element is hidden from every reader by its attributes. */
function hiddenByAttributes(name: string, attribs: Readonly<Record<string, string>>): boolean {
  if ('hidden' in attribs && attribs.hidden!.trim().toLowerCase() !== 'until-found') return true;
  if (name === 'dialog' && !('open' in attribs)) return true;
  return attribs.style !== undefined && HIDING_STYLE.test(attribs.style);
}

interface Frame {
  hides: boolean;
  content: boolean;
  chrome: boolean;
}

export function visiblePageParagraphs(html: string): string[] {
  const out = new TextCollector();
  const stack: Frame[] = [];
  let hidden = 0;
  let content = 0;
  let chrome = 0;
  let pre = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const frame: Frame = {
          hides: NOT_SHOWN.has(name) || hiddenByAttributes(name, attribs),
          content: name === 'article' || name === 'main',
          chrome: (name === 'header' || name === 'footer' || name === 'nav') && content === 0,
        };
        stack.push(frame);
        if (frame.hides) hidden++;
        if (frame.content) content++;
        if (frame.chrome) chrome++;
        if (name === 'pre') pre++;
        if (BLOCK_TAGS.has(name)) out.blockBreak();
        else if (name === 'br' && hidden === 0) out.lineBreak();
        else if (CELL_TAGS.has(name)) out.separate();
      },
      ontext(text) {
        if (hidden === 0 && (chrome === 0 || content > 0)) out.add(text, pre > 0);
      },
      onclosetag(name) {
        if (BLOCK_TAGS.has(name)) out.blockBreak();
        else if (CELL_TAGS.has(name)) out.separate();
        if (name === 'pre' && pre > 0) pre--;
        const frame = stack.pop();
        if (!frame) return;
        if (frame.hides) hidden--;
        if (frame.content) content--;
        if (frame.chrome) chrome--;
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.end(html);
  out.blockBreak();
  return out.paragraphs;
}
