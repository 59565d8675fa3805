import { describe, expect, it } from 'vitest';
import { readHtmlArticle } from './readHtmlArticle';

function textOf(html: string): string {
  const result = readHtmlArticle(html);
  if (!result.ok) throw new Error(result.reason);
  return result.draft.text;
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

  it('takes the first <article> when there is one, else <main>, else the body without page header, footer and navigation', () => {
    expect(textOf('<header>Site</header><main><p>Main part</p><article><p>The story</p></article></main><footer>Foot</footer>')).toBe('The story');
    expect(textOf('<header>Site</header><nav>Menu</nav><main><p>Main part</p></main><aside>Ads</aside>')).toBe('Main part');
    expect(textOf('<body><header>Site</header><p>Body text</p><footer>Foot</footer></body>')).toBe('Body text');
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
