/**
 * A one-line excerpt of quoted text for lists: runs of white space (line
 * breaks included) become one space, and long text is cut at a word boundary
 * with an ellipsis.
 */
export function excerpt(text: string, max: number = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
