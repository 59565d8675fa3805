import { describe, expect, it } from 'vitest';
import { readArticleFile } from './readArticleFile';

describe('readArticleFile', () => {
  it('refuses a Markdown file whose raw HTML is nested thousands deep before any parser sees it (the fuzz test found it hanging the article extractor)', async () => {
    const markdown = `# Title\n\n${'<div>'.repeat(3_000)}text`;
    const result = await readArticleFile('deep.md', Buffer.from(markdown, 'utf8'));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/too deeply nested/) });
  });

  it('still reads Markdown with a little inline HTML', async () => {
    const result = await readArticleFile('ok.md', Buffer.from('# A headline\n\nThe minister <em>said</em> it twice.\n', 'utf8'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.drafts[0]!.text).toContain('The minister said it twice.');
  });
});
