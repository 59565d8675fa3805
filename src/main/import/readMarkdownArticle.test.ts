import { describe, expect, it } from 'vitest';
import { readMarkdownArticle } from './readMarkdownArticle';

describe('readMarkdownArticle', () => {
  it('gives the text without Markdown syntax, blocks as paragraphs, the first heading as title', () => {
    const result = readMarkdownArticle(
      '# A *bold* plan\n\nThe council [voted](https://x.example) for it,\nnarrowly.\n\n> “We will see,” she said.\n\n1. First\n2. Second\n\n```\ncode line\n```\n',
    );
    expect(result).toEqual({
      ok: true,
      draft: expect.objectContaining({
        title: 'A bold plan',
        text: 'A bold plan\n\nThe council voted for it, narrowly.\n\n“We will see,” she said.\n\nFirst\n\nSecond\n\ncode line',
      }),
    });
  });

  it('reads front matter for the details and leaves it out of the text', () => {
    const result = readMarkdownArticle(
      '---\ntitle: "Rates rise: what next?"\nauthor: Jo Bloggs\ndate: 2024-03-01\npublisher: The Ledger\nurl: https://ledger.example/rates\nlang: en-GB\ntags: [a, b]\n---\n# Rates rise\n\nThe bank raised rates.\n',
    );
    expect(result).toEqual({
      ok: true,
      draft: expect.objectContaining({
        title: 'Rates rise: what next?',
        author: 'Jo Bloggs',
        date: '2024-03-01',
        outlet: 'The Ledger',
        url: 'https://ledger.example/rates',
        language: 'en-GB',
        text: 'Rates rise\n\nThe bank raised rates.',
      }),
    });
  });

  it('sanitises raw HTML inside the Markdown', () => {
    const result = readMarkdownArticle('Text <img src=x onerror="alert(1)"> here.\n\n<script>alert("md")</script>\n\n<div onclick="alert(2)">Div text</div>');
    expect(result.ok && result.draft.text).toBe('Text here.\n\nDiv text');
  });

  it('refuses Markdown that holds no text', () => {
    expect(readMarkdownArticle('<script>alert(1)</script>\n\n---\n')).toEqual({
      ok: false,
      reason: 'it holds no article text once Markdown, scripts and markup are removed',
    });
  });
});
