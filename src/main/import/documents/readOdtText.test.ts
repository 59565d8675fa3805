import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { withWrongEntrySize } from '../../../../tools/testSupport/withWrongEntrySize';
import { readOdtText } from './readOdtText';

async function odt(body: string, meta = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
  );
  zip.file('meta.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>${meta}</office:meta></office:document-meta>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('readOdtText', () => {
  it('gives headings, paragraphs and list items as paragraphs, with spaces, line breaks and metadata; notes left out', async () => {
    const read = await readOdtText(
      await odt(
        '<text:h text:outline-level="1">Library stays</text:h><text:p>Two<text:s text:c="2"/>spaces<text:note><text:note-body><text:p>A footnote</text:p></text:note-body></text:note> and a<text:line-break/>break.</text:p><text:list><text:list-item><text:p>First item</text:p></text:list-item></text:list>',
        '<dc:title>Library vote</dc:title><meta:initial-creator>Ana Ruiz</meta:initial-creator><meta:creation-date>2024-03-05T09:00:00</meta:creation-date>',
      ),
    );
    expect(read).toEqual({
      ok: true,
      document: { paragraphs: ['Library stays', 'Two  spaces and a\nbreak.', 'First item'], title: 'Library vote', author: 'Ana Ruiz', date: '2024-03-05', modified: null },
    });
  });

  it('refuses a file whose content.xml is damaged, naming the damage, and keeps the text when only meta.xml is', async () => {
    const file = await odt('<text:p>The council voted.</text:p>', '<dc:title>Library vote</dc:title>');
    const content = await readOdtText(withWrongEntrySize(file, 'content.xml'));
    expect(content).toMatchObject({ ok: false, reason: expect.stringMatching(/^the OpenDocument \(\.odt\) file is damaged \(.+\)$/) });
    const meta = await readOdtText(withWrongEntrySize(file, 'meta.xml'));
    expect(meta).toMatchObject({ ok: true, document: { paragraphs: ['The council voted.'], title: null } });
  });

  it('refuses a ZIP that is not an OpenDocument text', async () => {
    const zip = new JSZip();
    zip.file('x.txt', 'x');
    expect(await readOdtText(await zip.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, reason: 'it is a ZIP archive but not an OpenDocument text (it has no content.xml)' });
  });
});
