/**
 * An older version's text cut into paragraphs (at blank lines) and each
 * paragraph into runs, a run ending wherever an annotation starts or ends:
 * each run lists the annotations covering it, so the version switcher can
 * draw them read-only (overlaps included) without an editor.
 */
export interface RangeLike {
  id: string;
  start: number;
  end: number;
}

export interface TextRun<A extends RangeLike> {
  text: string;
  /** The annotations covering this run, in the order given. */
  covering: A[];
}

export function versionTextParagraphs<A extends RangeLike>(text: string, annotations: readonly A[]): TextRun<A>[][] {
  const paragraphs: TextRun<A>[][] = [];
  const breaks = /\n{2,}/g;
  let from = 0;
  for (;;) {
    const m = breaks.exec(text);
    const to = m ? m.index : text.length;
    paragraphs.push(runs(text, from, to, annotations));
    if (!m) break;
    from = m.index + m[0].length;
  }
  return paragraphs;
}

function runs<A extends RangeLike>(text: string, from: number, to: number, annotations: readonly A[]): TextRun<A>[] {
  const inside = annotations.filter((a) => a.start < to && a.end > from);
  const cuts = new Set([from, to]);
  for (const a of inside) {
    cuts.add(Math.max(from, a.start));
    cuts.add(Math.min(to, a.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: TextRun<A>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    result.push({ text: text.slice(s, e), covering: inside.filter((a) => a.start <= s && a.end >= e) });
  }
  return result;
}
