/**
 * The text of a Word (.docx) file with mammoth: its paragraphs, headings,
 * list items and table rows as paragraphs of the text (through the same
 * HTML-to-paragraphs step as web pages; images and styles are left out).
 * Title, author and dates from the document's properties
 * (docProps/core.xml). The archive is checked first (not a ZIP, damaged,
 * zip bomb: refused with the reason).
 */
import JSZip from 'jszip';
import { zipArchiveProblem } from './checkZipArchive';
import { htmlToParagraphs } from '../html/htmlToParagraphs';
import { officeProperties, type OfficeProperties } from './officeProperties';

export interface OfficeText extends OfficeProperties {
  paragraphs: string[];
}

export type OfficeReadResult = { ok: true; document: OfficeText } | { ok: false; reason: string };

export async function readDocxText(bytes: Uint8Array): Promise<OfficeReadResult> {
  const problem = zipArchiveProblem(bytes, 'Word (.docx)');
  if (problem) return { ok: false, reason: problem };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return { ok: false, reason: `the Word (.docx) file is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!zip.file('word/document.xml')) {
    if (zip.file('EncryptedPackage') || zip.file('EncryptionInfo')) return { ok: false, reason: 'the Word file is password-protected; remove the password and import it again' };
    return { ok: false, reason: 'it is a ZIP archive but not a Word (.docx) document (it has no word/document.xml)' };
  }
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) })).value;
  } catch (error) {
    return { ok: false, reason: `the Word (.docx) file is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  // Title, author and dates are extras: a damaged properties part loses them, not the text.
  const core = (await zip.file('docProps/core.xml')?.async('string').catch(() => '')) ?? '';
  return { ok: true, document: { paragraphs: htmlToParagraphs(html), ...officeProperties(core) } };
}
