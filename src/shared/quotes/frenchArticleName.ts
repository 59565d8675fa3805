/**
 * An organisation a French "selon" names with its article: "Selon l’Élysée,",
 * "selon la CGT,", "selon le Quai d’Orsay,", "selon la Banque de France,".
 * The name is the capitalised words after "le", "la" or an elided "l’" (with
 * "de", "du", "d’" between them), and it must end its phrase (a comma or a
 * colon follows): "selon la police" names no one, "selon le ministre Paul
 * Roux" is read as a person elsewhere.
 */
import type { TextSpan } from './findAttribution';
import type { TextToken } from './textTokens';

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

const ELIDED = /^[lL][’'](\p{Lu}[\p{L}-]*)$/u;
const LINKS = new Set(['de', 'du', 'des']);
const ELIDED_LINK = /^d[’']\p{Lu}[\p{L}-]*$/u;

/** "la Banque de France" → "Banque de France": a name as the index may keep it, without its article. */
export function withoutFrenchArticle(name: string): string {
  return name.replace(/^(?:le|la|les)\s+(?=\p{Lu})|^l[’'](?=\p{Lu})/u, '');
}

/** The name and where it is (without the article), when tokens[at] opens "l’X" or "le/la X" ending its phrase. */
export function frenchArticleName(text: string, tokens: readonly TextToken[], at: number): { name: string; span: TextSpan } | null {
  const first = tokens[at];
  if (!first?.word) return null;
  let start: number;
  let k: number;
  const elided = ELIDED.exec(first.text);
  if (elided) {
    start = first.end - elided[1]!.length;
    k = at;
  } else if ((first.text === 'le' || first.text === 'la') && tokens[at + 1]?.word && isCapitalised(tokens[at + 1]!.text)) {
    start = tokens[at + 1]!.start;
    k = at + 1;
  } else return null;
  for (;;) {
    const next = tokens[k + 1];
    if (next?.word && (isCapitalised(next.text) || ELIDED_LINK.test(next.text))) k++;
    else if (next?.word && LINKS.has(next.text) && tokens[k + 2]?.word && isCapitalised(tokens[k + 2]!.text)) k += 2;
    else break;
  }
  const after = tokens[k + 1];
  if (after?.text !== ',' && after?.text !== ':') return null;
  const span = { start, end: tokens[k]!.end };
  return { name: text.slice(span.start, span.end), span };
}
