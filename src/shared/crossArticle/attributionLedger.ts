/**
 * The attribution ledger (issue 18): for every group of the coverage matrix
 * and every article carrying it, whom the article credits for the quote —
 * the speaker and the channel ("told Reuters" → Reuters, "in a LinkedIn
 * post" → LinkedIn, "according to the AP" → the AP) read by the quote
 * detector around the member's words, and the Source linked to it by hand.
 * Two flags: no credit at all (no speaker, channel or linked Source), and a
 * secondary outlet credited (the channel is a news agency or another outlet
 * of the corpus: the article took the quote from another newsroom). Pure.
 */
import type { CoverageMatrix } from './crossArticle';
import { detectArticleQuotes } from '../quotes/detectQuotes';
import { quoteCredit } from './quoteCredit';

export interface LedgerRow {
  groupId: string;
  label: string;
  articleId: string;
  annotationId: string;
  title: string;
  outlet: string | null;
  date: string | null;
  wording: string;
  speaker: string | null;
  /** The attribution words as written ("told Reuters"), or null. */
  cue: string | null;
  channel: string | null;
  /** The Source annotation(s) linked to the quote by hand. */
  linkedSource: string | null;
  noCredit: boolean;
  secondaryOutlet: boolean;
}

const AGENCIES =
  /^(?:the\s+)?(?:Reuters|AP|Associated Press|AFP|Agence France-Presse|dpa|Deutsche Presse-Agentur|Bloomberg|TASS|Interfax|RIA Novosti|RIA|Xinhua|ANSA|EFE|UPI|PA|Press Association|CNN|BBC|Kyodo|Yonhap|Ukrinform|Sky News)$/i;
const plain = (name: string) => name.trim().replace(/^the\s+/i, '').toLowerCase();

export function isSecondaryOutlet(channel: string | null, outlets: ReadonlySet<string>, ownOutlet: string | null): boolean {
  if (!channel) return false;
  if (AGENCIES.test(channel.trim())) return true;
  const name = plain(channel);
  return outlets.has(name) && name !== plain(ownOutlet ?? '');
}

export function attributionLedger(matrix: CoverageMatrix, texts: ReadonlyMap<string, string>): LedgerRow[] {
  const outlets = new Set(matrix.articles.map((a) => a.outlet).filter((o): o is string => !!o).map(plain));
  const detected = new Map<string, ReturnType<typeof detectArticleQuotes>['quotes']>();
  const rows: LedgerRow[] = [];
  for (const row of matrix.rows) {
    for (const article of matrix.articles) {
      for (const cell of row.cells[article.id] ?? []) {
        const text = texts.get(article.id) ?? '';
        let quotes = detected.get(article.id);
        if (!quotes) detected.set(article.id, (quotes = text ? detectArticleQuotes(text).quotes : []));
        const { speaker, cue, channel } = quoteCredit(text, quotes, cell.start, cell.end);
        rows.push({
          groupId: row.groupId,
          label: row.label,
          articleId: article.id,
          annotationId: cell.annotationId,
          title: article.title,
          outlet: article.outlet,
          date: article.date,
          wording: cell.exact,
          speaker,
          cue,
          channel,
          linkedSource: cell.creditedTo,
          noCredit: !speaker && !channel && !cell.creditedTo,
          secondaryOutlet: isSecondaryOutlet(channel, outlets, article.outlet) || isSecondaryOutlet(cell.creditedTo, outlets, article.outlet),
        });
      }
    }
  }
  return rows;
}
