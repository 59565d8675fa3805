import { describe, expect, it } from 'vitest';
import { readHtmlArticle } from './readHtmlArticle';
import { visiblePageParagraphs } from './visiblePageParagraphs';

/** A small page written for this test: what it shows, and what it holds but does not show. */
const PAGE = `<!doctype html><html lang="en"><head><title>Ferry strike</title><style>.x{color:red}</style>
<script>var never = "script text";</script></head>
<body>
<header><a href="/">Harbour Times home</a></header>
<nav><a href="/news">News</a></nav>
<main>
  <h1 aria-hidden="true">FERRY STRIKE</h1>
  <h2>Ferry crews walk out</h2>
  <p><span aria-hidden="true">Live</span> Crews stopped the morning sailings at six.</p>
  <p hidden>A paragraph the page hides.</p>
  <p hidden="until-found">Details the reader can find with the browser's search.</p>
  <div style="color: grey; display:none">A box hidden by its inline style.</div>
  <div style="visibility: hidden !important">An invisible box.</div>
  <template><p>A templated story block the page never renders.</p></template>
  <noscript>Please turn on JavaScript.</noscript>
  <dialog><p>Accept our cookies?</p></dialog>
  <dialog open><p>Breaking: talks resume at noon.</p></dialog>
  <form action="/subscribe"><label for="e">Your email</label><input id="e"><button>Sign up</button><p>Our newsletter, every morning.</p></form>
  <figure><img src="ferry.jpg" alt="A ferry"><figcaption>The Island Queen at the pier.</figcaption></figure>
  <aside><p>Timeline: the third strike this year.</p></aside>
  <svg><text>chart label</text></svg>
</main>
<footer>© Harbour Times</footer>
</body></html>`;

describe('the whole page text (what "import the whole page text instead" brings in)', () => {
  const text = visiblePageParagraphs(PAGE).join('\n\n');

  it('is what the page shows: aria-hidden text (seen by sighted readers), captions, asides, an open dialog, a form’s own text', () => {
    expect(visiblePageParagraphs(PAGE)).toEqual([
      'FERRY STRIKE',
      'Ferry crews walk out',
      'Live Crews stopped the morning sailings at six.',
      "Details the reader can find with the browser's search.",
      'Breaking: talks resume at noon.',
      'Our newsletter, every morning.',
      'The Island Queen at the pier.',
      'Timeline: the third strike this year.',
    ]);
  });

  it('leaves out what the page does not show: hidden, display:none and visibility:hidden elements, templates, scripts, styles, a closed dialog, form controls, SVG, the site’s header, navigation and footer', () => {
    for (const gone of ['page hides', 'inline style', 'invisible box', 'templated story', 'JavaScript', 'script text', 'color:red', 'cookies', 'Your email', 'Sign up', 'chart label', 'Harbour Times home', 'News', '© Harbour Times']) {
      expect(text).not.toContain(gone);
    }
  });

  it('is what the whole-page fallback imports, although the extraction’s pre-filter drops aria-hidden text', () => {
    const whole = readHtmlArticle(PAGE, { wholePage: true });
    expect(whole.ok && whole.draft.text).toBe(text);
    // The article found (through the pre-filter) leaves the aria-hidden label out; the whole page keeps it.
    const found = readHtmlArticle(PAGE);
    expect(found.ok && found.draft.text).toContain('Crews stopped the morning sailings at six.');
    expect(found.ok && found.draft.text).not.toContain('Live Crews');
    expect(text).toContain('Live Crews');
  });
});
