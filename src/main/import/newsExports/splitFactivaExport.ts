/**
 * Splits a Factiva export into its articles. Factiva writes each article as
 * a block of two-letter (or three-letter) fields: HD headline, BY byline, WC
 * word count, PD publication date, SN source name, SC source code, LA
 * language, CY copyright, LP lead paragraphs, TD text, AN accession number
 * ("Document …"), among others. A field code stands alone on its line with
 * its value on the following lines (text export), or at the start of the
 * line (HTML export, where each field is a table row). The article's text
 * is LP then TD.
 */
import { cleanLine, emptyDraft, type ArticleDraft } from '../../../shared/model/articleDraft';
import { parseNewsDate } from './parseNewsDate';
import { splitAuthors } from '../html/readPageMetadata';
import { languageOf } from './splitNexisExport';

const CODES = 'HD|BY|WC|PD|ET|SN|SC|ED|PG|VOL|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN|CR|ART|CX';
const FIELD_LINE = new RegExp(`^(${CODES})(?:[\\s\\u00a0]+([\\s\\S]*))?$`);

/** The articles of a Factiva export, or null when these paragraphs are not one. */
export function splitFactivaExport(paragraphs: readonly string[]): ArticleDraft[] | null {
  const blocks: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | null = null;
  let field: string | null = null;
  for (const paragraph of paragraphs) {
    const m = FIELD_LINE.exec(paragraph.trim());
    if (m) {
      field = m[1]!;
      if (field === 'HD' || current === null) {
        current = new Map();
        blocks.push(current);
      }
      if (!current.has(field)) current.set(field, []);
      if (m[2]?.trim()) current.get(field)!.push(m[2].trim());
      continue;
    }
    if (current && field) current.get(field)!.push(paragraph.trim());
  }
  const articles = blocks.filter((b) => b.has('HD') && (b.has('TD') || b.has('LP')) && (b.has('PD') || b.has('SN') || b.has('AN')));
  if (articles.length === 0) return null;
  const drafts = articles.map((b, i) => {
    const one = (code: string): string | null => cleanLine(b.get(code)?.join(' '), 1_000);
    const text = [...(b.get('LP') ?? []), ...(b.get('TD') ?? [])].filter((p) => p !== '').join('\n\n');
    const draft = emptyDraft(text);
    draft.title = one('HD');
    const byline = one('BY');
    draft.author = byline ? cleanLine(splitAuthors(byline).join(', '), 1_000) : null;
    draft.date = b.get('PD')?.map(parseNewsDate).find((d) => d !== null) ?? null;
    draft.outlet = cleanLine(one('SN'), 500);
    draft.language = languageOf(one('LA') ?? undefined);
    draft.where = one('AN') ?? `article ${i + 1}`;
    return draft;
  });
  return drafts.some((d) => d.text !== '') ? drafts.filter((d) => d.text !== '') : null;
}
