import { describe, expect, it } from 'vitest';
import { htmlToParagraphs } from './htmlToParagraphs';
import { prefilterPage } from './prefilterPage';

const STORY = 'The council voted on Tuesday night to keep the central library open, ending two years of debate over its future.';

const page = `<!doctype html><html lang="en"><head><title>Library stays</title><meta property="og:site_name" content="Valley Post">
  <script>document.write("never text")</script><style>p{color:red}</style></head>
  <body><nav><a href="/">Home</a></nav>
  <article class="story"><h1>Library stays open</h1>
    <div class="share-bar"><a href="#">Share on Facebook</a></div>
    <p hidden>A hidden paragraph.</p><div aria-hidden="true">An aria-hidden box.</div>
    <div class="article-body"><p onclick="steal()" style="color:red">${STORY}</p><!-- a comment --></div>
    <custom-widget class="x"><span>Kept text of an unknown element.</span></custom-widget>
  </article>
  <section id="comments"><p>First comment, thanks for reporting this story so well.</p></section>
  <iframe src="https://ads.example/"></iframe></body></html>`;

describe('prefilterPage', () => {
  const filtered = prefilterPage(page);

  it('reads the metadata in the same pass', () => {
    expect(filtered.metadata).toMatchObject({ title: 'Library stays', outlet: 'Valley Post', language: 'en', firstHeading: 'Library stays open' });
  });

  it('keeps the article’s text and leaves out scripts, styles, frames, navigation, hidden elements, event handlers and comments of the markup', () => {
    const text = htmlToParagraphs(filtered.articleHtml).join('\n');
    expect(text).toContain(STORY);
    expect(text).toContain('Kept text of an unknown element.');
    for (const gone of ['never text', 'color:red', 'Home', 'A hidden paragraph', 'An aria-hidden box', 'a comment']) expect(filtered.articleHtml).not.toContain(gone);
    expect(filtered.articleHtml).not.toMatch(/onclick|style=|<iframe|<script|custom-widget/);
  });

  it('takes page furniture (share bars, comment sections) out of what Readability reads', () => {
    expect(filtered.articleHtml).not.toContain('Share on Facebook');
    expect(filtered.articleHtml).not.toContain('First comment');
  });

  it('keeps the text of a form that wraps the whole page (ASP.NET Web Forms), but not its controls', () => {
    const webForms = prefilterPage(
      `<body><form method="post" action="./story.aspx" id="form1"><input type="hidden" name="__VIEWSTATE" value="x">` +
        `<div><label>Search the site</label><input name="q"><article><p>${STORY}</p></article></div></form></body>`,
    );
    const text = htmlToParagraphs(webForms.articleHtml).join('\n');
    expect(text).toContain(STORY);
    expect(text).not.toContain('Search the site');
    expect(webForms.articleHtml).not.toContain('__VIEWSTATE');
  });

  it('leaves out a form inside the page (a search or newsletter box) with what it holds', () => {
    const boxed = prefilterPage(`<body><div><form action="/signup"><p>Get our morning briefing by email</p></form><article><p>${STORY}</p></article></div></body>`);
    const text = htmlToParagraphs(boxed.articleHtml).join('\n');
    expect(text).toContain(STORY);
    expect(text).not.toContain('morning briefing');
  });

  it('leaves out images, which Readability would remove (no source attribute is kept), unless a kept attribute names an image file as Readability checks', () => {
    const pictured = prefilterPage(
      `<body><article><p>${STORY}<img src="a.jpg" class="inline">and more</p><figure><img srcset="b.png 2x" alt="x"></figure>` +
        `<p><img class="photo-01.JPG"></p></article></body>`,
    );
    expect(pictured.articleHtml).toContain(`<p>${STORY}and more</p><figure></figure><p><img class="photo-01.JPG"></p>`);
  });

  it('refuses a page nested too deeply, in the same pass', () => {
    const deep = prefilterPage(`<body>${'<div>'.repeat(1_000)}deep${'</div>'.repeat(1_000)}</body>`);
    expect(deep.tooDeep).toMatch(/^it is too deeply nested: more than 400 levels/);
    expect(prefilterPage(`<body>${'<div>'.repeat(1_000)}deep</body>`, null).tooDeep).toBeNull();
  });
});
