/**
 * The text of an OpenDocument text (.odt) file: content.xml read as data
 * (htmlparser2 in XML mode): headings, paragraphs and list items as
 * paragraphs, `text:s`/`text:tab`/`text:line-break` as spaces, tabs and line
 * breaks; notes and annotations left out. Title, author and dates from
 * meta.xml. The archive is checked first (see checkZipArchive).
 */
import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import { zipArchiveProblem } from './checkZipArchive';
import { officeProperties } from './officeProperties';
import type { OfficeReadResult } from './readDocxText';

const BLOCKS = new Set(['text:p', 'text:h']);
const SKIPPED = new Set(['text:note', 'office:annotation', 'text:tracked-changes', 'draw:frame']);

export async function readOdtText(bytes: Uint8Array): Promise<OfficeReadResult> {
  const problem = zipArchiveProblem(bytes, 'OpenDocument (.odt)');
  if (problem) return { ok: false, reason: problem };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return { ok: false, reason: `the OpenDocument (.odt) file is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  let content: string | undefined;
  try {
    content = await zip.file('content.xml')?.async('string');
  } catch (error) {
    return { ok: false, reason: `the OpenDocument (.odt) file is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  if (content === undefined) return { ok: false, reason: 'it is a ZIP archive but not an OpenDocument text (it has no content.xml)' };
  // Title, author and dates are extras: a damaged meta.xml loses them, not the text.
  const meta = (await zip.file('meta.xml')?.async('string').catch(() => '')) ?? '';
  return { ok: true, document: { paragraphs: odtParagraphs(content), ...officeProperties(meta) } };
}

function odtParagraphs(xml: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let depth = 0;
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (SKIPPED.has(name)) skip++;
        if (skip > 0) return;
        if (BLOCKS.has(name)) depth++;
        else if (name === 'text:s') current += ' '.repeat(Math.min(Number(attribs['text:c'] ?? 1) || 1, 100));
        else if (name === 'text:tab') current += '\t';
        else if (name === 'text:line-break') current += '\n';
      },
      ontext(text) {
        if (skip === 0 && depth > 0) current += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip--;
          return;
        }
        if (skip > 0 || !BLOCKS.has(name)) return;
        depth--;
        if (depth === 0) {
          const paragraph = current.replace(/[ \t]+\n/g, '\n').trim();
          if (paragraph !== '') paragraphs.push(paragraph);
          current = '';
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return paragraphs;
}
