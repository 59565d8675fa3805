/**
 * A pull quote or epigraph signed with a dash: "“We will win this fight.” — Bernie Sanders" (perhaps ", senator
 * from Vermont" after the name). Where the name after the dash starts, when nothing but the name (and such an
 * apposition) follows the quote on its line; -1 otherwise.
 */
const SIGNED = /^\s*(?:—|–|--|-)\s*(?=\p{Lu})/u;

export function dashAttributionAt(text: string, close: number): number {
  let end = text.indexOf('\n', close);
  if (end < 0) end = text.length;
  const line = text.slice(close, end);
  const m = SIGNED.exec(line);
  if (!m) return -1;
  // The signature is a name, perhaps with a short apposition, and no sentence of its own.
  const signature = line.slice(m[0].length);
  if (signature.length > 80 || /[.!?]\s+\p{Lu}/u.test(signature)) return -1;
  return close + m[0].length;
}
