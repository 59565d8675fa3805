/** Text as one line of at most `width` characters (white space collapsed, "…" where cut). */
export function clipLine(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}
