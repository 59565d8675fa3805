/**
 * `JSON.stringify(value, null, 2)` written in pieces around one array nested
 * anywhere in the value, so a writer can send the array one element at a
 * time (100,000 annotations) and still write exactly the bytes of the value
 * stringified at once, plus the final line break every export file ends
 * with. The array's place is marked with a sentinel string; everything
 * before it is the opening, everything after it the closing.
 */
const SENTINEL = '\u0000triangulate-array\u0000';

export interface PrettyJsonFrame {
  /** Text up to where the array starts. */
  opening: string;
  /** Text after the array, ending with a line break. */
  closing: string;
  /** Spaces before the line that holds the array. */
  indent: string;
}

/** `place(sentinel)` must return the value with the sentinel where the array goes. */
export function prettyJsonFrame(place: (sentinel: string) => unknown): PrettyJsonFrame {
  const text = JSON.stringify(place(SENTINEL), null, 2);
  const marker = JSON.stringify(SENTINEL);
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + 1) !== -1) throw new Error('the array must appear exactly once in the value');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0];
  return { opening: text.slice(0, at), closing: `${text.slice(at + marker.length)}\n`, indent };
}

/** One element of the array; `index` 0 opens the array. */
export function prettyJsonFrameElement(frame: PrettyJsonFrame, element: unknown, index: number): string {
  const pad = `${frame.indent}  `;
  const body = JSON.stringify(element, null, 2).replace(/\n/g, `\n${pad}`);
  return `${index === 0 ? '[\n' : ',\n'}${pad}${body}`;
}

/** Closes the array after `count` elements (the frame's closing follows). */
export function prettyJsonFrameArrayEnd(frame: PrettyJsonFrame, count: number): string {
  return count === 0 ? '[]' : `\n${frame.indent}]`;
}
