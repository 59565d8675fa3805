import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { SANITIZE_OPTIONS } from './extractArticleHtml';
import { elementToParagraphs, htmlToParagraphs, type ParagraphNode } from './htmlToParagraphs';
import { NON_TEXT } from './prefilterPage';

const ARTICLE_TAGS = { keptTags: new Set(SANITIZE_OPTIONS.allowedTags as string[]), skippedTags: NON_TEXT };

/** Markup an article's element may hold: entities, breaks, tables, lists, media, unknown and non-text elements. */
const ARTICLE_BODIES = [
  '<p>Fish &amp; chips &lt;script&gt;alert(1)&lt;/script&gt; a&nbsp;b &#169; &quot;q&quot;</p>',
  '<pre>  line one\n    line two &amp; more\n\n  after blank</pre>',
  '<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td> d </td></tr></table>',
  '<p>one<br>two<br/><br>three</p><ul><li>x<ul><li>y</li></ul></li><li>z</li></ul>',
  '<figure><img src="a.jpg"><figcaption>a caption</figcaption></figure><div>loose <span>inline</span> text<div>inner block</div>tail</div>',
  '<blockquote><p>quoted</p>outside a paragraph</blockquote><details><summary>sum</summary>detail</details>',
  '<h2>Subhead</h2><p>text<!-- a comment --> after it <a href="javascript:alert(1)">a bad link</a> <a href="http://x.org">a good one</a></p>',
  '<my-widget>custom element text</my-widget><picture><source srcset="a"><img src="b"></picture><form><label>Name</label></form><p>end</p>',
  '<p>para <b>bold</b><i> it</i>  <em>em</em>\ttab <sub>2</sub><sup>3</sup></p><dl><dt>term</dt><dd>definition</dd></dl>',
];

describe('elementToParagraphs', () => {
  it.each(ARTICLE_BODIES)("gives an article element's text as the paragraphs of its markup sanitised: %s", (body) => {
    const { document } = parseHTML(`<!doctype html><html><body><div id="article">${body}</div></body></html>`);
    const element = document.getElementById('article')!;
    const sanitised = htmlToParagraphs(sanitizeHtml(element.outerHTML, SANITIZE_OPTIONS));
    expect(elementToParagraphs(element as unknown as ParagraphNode, ARTICLE_TAGS)).toEqual(sanitised);
  });

  it('keeps no text of non-text elements and breaks paragraphs only at the elements kept', () => {
    const { document } = parseHTML('<html><body><div id="a"><p>One <label>a label</label>two</p><fieldset>three<legend>four</legend></fieldset></div></body></html>');
    const paragraphs = elementToParagraphs(document.getElementById('a') as unknown as ParagraphNode, ARTICLE_TAGS);
    // fieldset and legend are no kept elements: their text joins, unbroken.
    expect(paragraphs).toEqual(['One two', 'threefour']);
  });
});
