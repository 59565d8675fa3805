import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfArticle } from './readPdfArticle';

/** A two-page article laid out as a newspaper's PDF: running header, page numbers, wrapped and hyphenated lines. */
async function articlePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Council keeps the library open');
  doc.setAuthor('Ana Ruiz');
  doc.setCreationDate(new Date(Date.UTC(2024, 2, 5, 12)));
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const pages = [
    [
      'The town council voted on Tuesday night to keep the',
      'central library open, ending two years of debate over',
      'its future and the budget that pays for it.',
      null,
      'Mayor Ines Alvarez told a packed chamber that the build-',
      'ing would get a new roof this summer and that no member',
      'of staff would lose their job, whatever the auditors',
    ],
    [
      'say about the cost of the repairs next year.',
      null,
      'The library, opened in 1911, lends more than 80,000',
      'books a year.',
    ],
  ];
  pages.forEach((lines, p) => {
    const page = doc.addPage([420, 600]);
    page.drawText('THE VALLEY POST  |  Tuesday, March 5, 2024', { x: 40, y: 570, size: 8, font });
    let y = 520;
    for (const line of lines) {
      if (line === null) {
        y -= 10;
        continue;
      }
      page.drawText(line, { x: 40, y, size: 12, font });
      y -= 15;
    }
    page.drawText(`Page ${p + 1} of 2`, { x: 190, y: 30, size: 8, font });
  });
  return doc.save();
}

describe('readPdfArticle', () => {
  it('joins lines into paragraphs across the page break, undoes hyphenation, drops the running header and page numbers', async () => {
    const read = await readPdfArticle(await articlePdf());
    if (!read.ok) throw new Error(read.reason);
    expect(read.draft.text).toBe(
      [
        'The town council voted on Tuesday night to keep the central library open, ending two years of debate over its future and the budget that pays for it.',
        'Mayor Ines Alvarez told a packed chamber that the building would get a new roof this summer and that no member of staff would lose their job, whatever the auditors say about the cost of the repairs next year.',
        'The library, opened in 1911, lends more than 80,000 books a year.',
      ].join('\n\n'),
    );
    expect(read.draft).toMatchObject({ title: 'Council keeps the library open', author: 'Ana Ruiz', date: '2024-03-05' });
  });

  it('refuses a scanned PDF (pages without a text layer), saying there is no OCR', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2; i++) doc.addPage([420, 600]).drawRectangle({ x: 40, y: 40, width: 300, height: 500, color: rgb(0.9, 0.9, 0.9) });
    expect(await readPdfArticle(await doc.save())).toEqual({
      ok: false,
      reason: 'it has no text layer (its 2 pages are images, a scan?); Triangulate does not read text from images (no OCR): run it through OCR first',
    });
  });

  it('refuses a damaged file clearly', async () => {
    const read = await readPdfArticle(new TextEncoder().encode('%PDF-1.4 pretend\n'));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/^it is not a readable PDF \(damaged, or not a PDF at all/);
  });
});
