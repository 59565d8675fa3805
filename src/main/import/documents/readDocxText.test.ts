import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { withWrongEntrySize } from '../../../../tools/testSupport/withWrongEntrySize';
import { docxFromParagraphs } from './docxFromParagraphs';
import { readDocxText } from './readDocxText';

describe('readDocxText', () => {
  it('gives the paragraphs and headings of a Word file, and its title, author and date', async () => {
    const read = await readDocxText(
      await docxFromParagraphs(['# Council keeps the library open', 'The town council voted on Tuesday.', 'Tom & Jerry <3 the roof.'], {
        title: 'Library vote',
        creator: 'Ana Ruiz',
        created: '2024-03-05T09:00:00Z',
      }),
    );
    expect(read).toEqual({
      ok: true,
      document: {
        paragraphs: ['Council keeps the library open', 'The town council voted on Tuesday.', 'Tom & Jerry <3 the roof.'],
        title: 'Library vote',
        author: 'Ana Ruiz',
        date: '2024-03-05',
        modified: null,
      },
    });
  });

  it('keeps the text of a Word file whose properties part is damaged, without its title and author', async () => {
    const docx = await docxFromParagraphs(['The council voted on Tuesday.'], { title: 'Library vote', creator: 'Ana Ruiz' });
    const read = await readDocxText(withWrongEntrySize(docx, 'docProps/core.xml'));
    expect(read).toMatchObject({ ok: true, document: { paragraphs: ['The council voted on Tuesday.'], title: null, author: null } });
  });

  it('refuses a damaged (cut off) Word file and a file that is not one', async () => {
    const whole = await docxFromParagraphs(['Text.']);
    expect(await readDocxText(whole.subarray(0, whole.length - 40))).toEqual({ ok: false, reason: 'the Word (.docx) file is damaged (its ZIP directory is missing: cut off?)' });
    expect(await readDocxText(new TextEncoder().encode('just text, renamed'))).toEqual({
      ok: false,
      reason: 'it is not a Word (.docx) file (a Word (.docx) file is a ZIP archive, and this is not one)',
    });
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    expect(await readDocxText(await zip.generateAsync({ type: 'uint8array' }))).toEqual({
      ok: false,
      reason: 'it is a ZIP archive but not a Word (.docx) document (it has no word/document.xml)',
    });
  });

  it('refuses a zip bomb by the sizes its archive declares, before unpacking anything', async () => {
    const bytes = await docxFromParagraphs(['Text.']);
    // Declare 300 MB for the first entry in the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let dir = bytes.length - 22;
    while (view.getUint32(dir, true) !== 0x06054b50) dir--;
    view.setUint32(view.getUint32(dir + 16, true) + 24, 300 * 1024 * 1024, true);
    expect(await readDocxText(bytes)).toEqual({ ok: false, reason: 'the Word (.docx) file would unpack to 300 MB or more (a zip bomb?); it is not read' });
  });
});
