/**
 * A count as the command line prints it for people: digits grouped the English way ("100,000"), like the
 * rest of its English sentences, and, given a noun, followed by it in the singular or the plural
 * ("1 article", "100,000 articles"; `many` where the plural is not noun + s). Never for `--json` output,
 * whose numbers stay plain numbers.
 */
const GROUPED = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function cliCount(n: number, one?: string, many?: string): string {
  const digits = GROUPED.format(n);
  if (one === undefined) return digits;
  return `${digits} ${n === 1 ? one : (many ?? `${one}s`)}`;
}
