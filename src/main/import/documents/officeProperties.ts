/**
 * Title, author and dates of an Office document from its properties:
 * docProps/core.xml of a .docx (dc:title, dc:creator, dcterms:created,
 * dcterms:modified) or meta.xml of an .odt (dc:title, meta:initial-creator,
 * meta:creation-date, dc:date).
 */
import { cleanLine, isoDate } from '../../../shared/model/articleDraft';

export interface OfficeProperties {
  title: string | null;
  author: string | null;
  date: string | null;
  modified: string | null;
}

/** dc:title, dc:creator, dcterms:created and dcterms:modified of an Office document's core properties. */
export function officeProperties(xml: string): OfficeProperties {
  const tag = (name: string): string | null => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    return m ? m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') : null;
  };
  return {
    title: cleanLine(tag('dc:title'), 1_000),
    author: cleanLine(tag('dc:creator') ?? tag('meta:initial-creator'), 1_000),
    date: isoDate(tag('dcterms:created') ?? tag('meta:creation-date')),
    modified: isoDate(tag('dcterms:modified') ?? tag('dc:date')),
  };
}
