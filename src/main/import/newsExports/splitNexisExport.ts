/**
 * Splits a Nexis Uni (LexisNexis) export into its articles. Each article of
 * such an export ends with a line "End of Document"; before its "Body" line
 * come the headline, the outlet, the date line and field lines ("Section:",
 * "Length: 523 words", "Byline:", "Dateline:", "Highlight:"), after the body
 * come "Load-Date:", "Classification", "Graphic"… lines, which are dropped.
 * A cover page before the first article (user name, job number, the list of
 * documents) is skipped. Works on the paragraphs of any export format read
 * as text (DOCX, PDF, TXT, HTML).
 */
import { cleanLine, emptyDraft, type ArticleDraft } from '../../../shared/model/articleDraft';
import { splitAuthors } from '../html/readPageMetadata';
import { parseNewsDate } from './parseNewsDate';

const END = /^end of document$/i;
const FIELD = /^(section|length|byline|dateline|highlight|edition|copyright|series|type|publication-type|journal-code|language|subject|geographic|company|person|organization|industry|ticker)\s*:\s*(.*)$/i;
/** Lines after the body that end it. */
const AFTER_BODY = /^(load-date|classification|graphic|notes|correction-date|url|publication-type|language|subject|geographic|industry|person|organization|company|ticker|document-type|journal-code)\s*:?/i;

/** The articles of a Nexis Uni export, or null when these paragraphs are not one. */
export function splitNexisExport(paragraphs: readonly string[]): ArticleDraft[] | null {
  const lines = paragraphs.flatMap((p) => p.split('\n')).map((l) => l.trim()).filter((l) => l !== '');
  if (!lines.some((l) => END.test(l))) return null;
  const drafts: ArticleDraft[] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (!END.test(line)) {
      block.push(line);
      continue;
    }
    const draft = nexisArticle(block);
    if (draft) {
      draft.where = `article ${drafts.length + 1}`;
      drafts.push(draft);
    }
    block = [];
  }
  return drafts.length > 0 ? drafts : null;
}

function nexisArticle(block: readonly string[]): ArticleDraft | null {
  let bodyAt = block.findIndex((l) => /^body$/i.test(l));
  const firstField = block.findIndex((l) => FIELD.test(l));
  if (bodyAt === -1) {
    // No "Body" line: the body starts after the last field line of the head.
    let last = firstField;
    while (last + 1 < block.length && FIELD.test(block[last + 1]!)) last++;
    bodyAt = last;
  }
  if (bodyAt <= 0) return null;
  const head = block.slice(0, firstField === -1 || firstField > bodyAt ? bodyAt : firstField);
  const fields = new Map<string, string>();
  for (const line of block.slice(0, bodyAt)) {
    const m = FIELD.exec(line);
    if (m && !fields.has(m[1]!.toLowerCase())) fields.set(m[1]!.toLowerCase(), m[2]!);
  }
  const body: string[] = [];
  for (const line of block.slice(bodyAt + 1)) {
    if (AFTER_BODY.test(line)) break;
    body.push(line);
  }
  if (body.length === 0) return null;
  // Headline, outlet, date: the date line is the anchor (a cover page may stand before the headline).
  const dateAt = head.findIndex((l) => parseNewsDate(l) !== null);
  const draft = emptyDraft(body.join('\n\n'));
  if (dateAt >= 0) {
    draft.date = parseNewsDate(head[dateAt]!);
    draft.outlet = cleanLine(dateAt >= 1 ? head[dateAt - 1] : null, 500);
    draft.title = cleanLine(dateAt >= 2 ? head[dateAt - 2] : null, 1_000);
  } else {
    draft.title = cleanLine(head[head.length - 2] ?? head[0], 1_000);
    draft.outlet = cleanLine(head.length >= 2 ? head[head.length - 1] : null, 500);
  }
  const byline = fields.get('byline');
  draft.author = byline ? cleanLine(splitAuthors(byline).join(', '), 1_000) : null;
  draft.language = languageOf(fields.get('language'));
  return draft;
}

const LANGUAGES: Record<string, string> = { english: 'en', german: 'de', deutsch: 'de', french: 'fr', français: 'fr', spanish: 'es', español: 'es', italian: 'it', dutch: 'nl', portuguese: 'pt', russian: 'ru', chinese: 'zh', japanese: 'ja', arabic: 'ar', polish: 'pl', swedish: 'sv' };

/** "English; ENGLISH" or "en" as a language tag. */
export function languageOf(value: string | undefined): string | null {
  if (!value) return null;
  const word = value.split(/[;,]/)[0]!.trim().toLowerCase();
  return LANGUAGES[word] ?? (/^[a-z]{2}$/.test(word) ? word : null);
}
