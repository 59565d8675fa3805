import { describe, expect, it } from 'vitest';
import { readHtmlArticle } from './readHtmlArticle';

function textOf(html: string): string {
  const result = readHtmlArticle(html);
  if (!result.ok) throw new Error(result.reason);
  return result.draft.text;
}

const STORY = [
  'The town council voted on Tuesday night to keep the central library open, ending two years of debate over its future and the budget that pays for it.',
  'Mayor Ines Alvarez told a packed chamber that the building would get a new roof this summer and that no member of staff would lose their job.',
  'Councillors agreed to move money from the parking fund, a step that opponents called a trick and supporters called common sense for a small town.',
  'The library, opened in 1911, lends more than 80,000 books a year and is the only public place in the valley with free internet for everyone.',
];

/** A saved news page as outlets build them: page chrome around the story, furniture inside it. */
function newsPage(): string {
  return `<!doctype html><html lang="en-GB"><head><title>Library stays | The Valley Post</title>
    <meta property="og:title" content="Library stays open (OG)"><meta property="og:site_name" content="Valley Post OG">
    <meta name="description" content="A meta description."><link rel="canonical" href="https://valleypost.example/news/library">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
      {"@type":"NewsArticle","headline":"Council keeps the library open","description":"After two years of debate the town keeps its only library.",
       "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Berg"}],"datePublished":"2024-03-05T18:00:00Z",
       "dateModified":"2024-03-06T08:00:00Z","publisher":{"@type":"Organization","name":"The Valley Post"}}]}</script>
    </head><body><header class="site-header"><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
    <main><article class="story"><h1>Council keeps the library open</h1><div class="byline">By Ana Ruiz</div>
    <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
    <figure><img src="a.jpg" alt=""><figcaption>Photo: Town hall on Tuesday</figcaption></figure>
    <div class="article-body"><p>${STORY[0]}</p><p>${STORY[1]}</p><h2>What the council decided</h2><p>${STORY[2]}</p>
    <blockquote><p>“We will not close the library while I am mayor,” she said.</p></blockquote>
    <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news first, every day of the week.</p><form><input name="e"><button>Sign up</button></form></div>
    <ul><li>Opening hours from Monday</li><li>Evening hours until 9 pm</li></ul><p>${STORY[3]}</p></div>
    <aside class="related"><h3>More from Local</h3><ul><li><a href="/a">Bridge closes</a></li><li><a href="/b">New bakery</a></li></ul></aside>
    </article><section id="comments"><h3>Comments</h3><p>Great story, thanks for reporting it!</p></section></main>
    <footer class="site-footer">© The Valley Post</footer></body></html>`;
}

describe('readHtmlArticle', () => {
  it('writes blocks as paragraphs and <br> as a line break, whatever the nesting', () => {
    expect(
      textOf(`<div><section><h2>Head<b>line</b></h2><div><p>One <span><i>nested</i> <b>deep</b></span>ly.</p></div>
        <blockquote><p>Quoted</p></blockquote><p>Line one<br/>line two<br>line three</p></section></div>`),
    ).toBe('Headline\n\nOne nested deeply.\n\nQuoted\n\nLine one\nline two\nline three');
  });

  it('decodes entities and collapses source white space but keeps no-break spaces', () => {
    expect(textOf('<p>Tom &amp; Jerry &lt;3 &quot;cheese&quot; &#8212; caf&eacute;&nbsp;au\n   lait &#x1F600;</p>')).toBe(
      'Tom & Jerry <3 "cheese" — café\u00a0au lait 😀',
    );
  });

  it('puts each list item and table row in its own paragraph', () => {
    expect(textOf('<ul><li>Apples</li><li>Pears <ol><li>Conference</li></ol></li></ul><table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>')).toBe(
      'Apples\n\nPears\n\nConference\n\na b\n\nc d',
    );
  });

  it('never takes script, style, template, SVG, MathML, forms or frames as text', () => {
    const text = textOf(`<p>Kept</p><script>var secret = "script text"</script><style>.x{color:red}</style>
      <template><p>template text</p></template><svg><text>svg text</text></svg><math><mi>math text</mi></math>
      <form><label>form text</label><button>button text</button></form><iframe>frame text</iframe>
      <noscript>noscript text</noscript><object>object text</object><p onclick="alert(1)" style="x">Also <a href="javascript:alert(1)">kept</a></p>`);
    expect(text).toBe('Kept\n\nAlso kept');
  });

  it('keeps the story of a news page and drops its menus, captions, share bar, newsletter box, related list and comments', () => {
    const text = textOf(newsPage());
    expect(text).toBe(
      [
        STORY[0],
        STORY[1],
        'What the council decided',
        STORY[2],
        '“We will not close the library while I am mayor,” she said.',
        'Opening hours from Monday',
        'Evening hours until 9 pm',
        STORY[3],
      ].join('\n\n'),
    );
    for (const furniture of ['Home', 'Photo: Town hall', 'Share on Facebook', 'Sign up for our morning newsletter', 'More from Local', 'Comments', 'Great story', 'By Ana Ruiz']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('takes headline, standfirst, authors, dates, outlet, address and language from JSON-LD before Open Graph and meta tags', () => {
    const result = readHtmlArticle(newsPage());
    expect(result.ok && result.draft).toMatchObject({
      title: 'Council keeps the library open',
      standfirst: 'After two years of debate the town keeps its only library.',
      author: 'Ana Ruiz, Tom Berg',
      date: '2024-03-05',
      modified: '2024-03-06',
      outlet: 'The Valley Post',
      url: 'https://valleypost.example/news/library',
      language: 'en-GB',
      warning: null,
    });
  });

  it('says so when the article found is implausibly short for the page, and takes the whole page text when asked', () => {
    // A templated story block holding only its label; the page's other text is readers' comments.
    const comments = Array.from({ length: 8 }, (_, i) => `<div class="comment"><p>${STORY[i % STORY.length]}</p></div>`).join('');
    const page = `<html><head><title>Library</title></head><body><article class="tpl"><h1>Library</h1><p>Anticipo:</p></article><section id="comments">${comments}</section></body></html>`;
    const short = readHtmlArticle(page);
    expect(short.ok && short.draft.text).toBe('Anticipo:');
    expect(short.ok && short.draft.warning).toMatch(/^only 9 characters of article text found \(the page shows [\d,]+\) — imported anyway/);
    const whole = readHtmlArticle(page, { wholePage: true });
    expect(whole.ok && whole.draft.text).toContain(STORY[3]);
    expect(whole.ok && whole.draft.warning).toBeFalsy();
  });

  it('keeps the line structure of <pre>', () => {
    expect(textOf('<p>Code:</p><pre>a = 1\nb = 2</pre>')).toBe('Code:\n\na = 1\nb = 2');
  });

  it('reads title, outlet, author, date, language and address from the common meta tags', () => {
    const result = readHtmlArticle(`<html lang="en_GB"><head><title> Plain   title </title>
      <meta name="author" content="Sam Reporter"><meta name="date" content="2021-07-04">
      <meta property="og:site_name" content="The Paper"><meta property="og:url" content="https://paper.example/x">
      </head><body><h1>Heading</h1><p>Text.</p></body></html>`);
    expect(result.ok && result.draft).toMatchObject({
      title: 'Plain title',
      author: 'Sam Reporter',
      date: '2021-07-04',
      outlet: 'The Paper',
      url: 'https://paper.example/x',
      language: 'en-GB',
    });
  });

  it('falls back to the first <h1> for the title, and ignores unsafe or malformed metadata', () => {
    const result = readHtmlArticle(`<html lang="not a language!"><head><link rel="canonical" href="javascript:alert(1)">
      <meta property="article:published_time" content="2021-02-30"><meta property="article:author" content="https://x.example/u">
      </head><body><h1>The <em>real</em> heading<script>alert(1)</script></h1><p>Text.</p></body></html>`);
    expect(result.ok && result.draft).toMatchObject({ title: 'The real heading', url: null, date: null, language: null, author: null });
  });

  it('refuses a page with no text left once sanitised', () => {
    expect(readHtmlArticle('<html><head><title>Only a title</title></head><body><script>alert(1)</script><img src=x onerror=alert(1)></body></html>')).toEqual({
      ok: false,
      reason: 'it holds no article text once scripts, styles and markup are removed',
    });
  });
});
