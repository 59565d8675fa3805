/**
 * Pieces of `JSON.stringify(value, null, 2)` for a value with one long array,
 * so a writer can send the array one element at a time and still produce
 * exactly the same bytes as the value stringified at once (plus the final
 * line break every export file ends with). Fields known only once the array
 * is written (a count) go after it, in `prettyJsonClosing`'s `tail`.
 */

/** Everything up to the array: `{\n  "a": 1,\n  "items": `. */
export function prettyJsonOpening(head: Record<string, unknown>, arrayKey: string): string {
  const empty = JSON.stringify({ ...head, [arrayKey]: [] }, null, 2);
  const tail = '[]\n}';
  if (!empty.endsWith(tail)) throw new Error(`"${arrayKey}" must be the last key of the value`);
  return empty.slice(0, -tail.length);
}

const WRAP_HEAD = '{\n  "a": [\n'.length;
const WRAP_TAIL = '\n  ]\n}'.length;

/** One element of the array; `index` 0 opens the array. */
export function prettyJsonElement(element: unknown, index: number): string {
  // Stringified inside a one-element array under a key, it comes out indented as in the whole value.
  const wrapped = JSON.stringify({ a: [element] }, null, 2);
  return `${index === 0 ? '[\n' : ',\n'}${wrapped.slice(WRAP_HEAD, -WRAP_TAIL)}`;
}

/** Closes the array after `count` elements, then writes the `tail` fields and closes the value. */
export function prettyJsonClosing(count: number, tail: Record<string, unknown> = {}): string {
  // `{"a": [], ...tail}` stringified: what follows its `[]` is the tail's fields, indented as in the whole value.
  const rest = JSON.stringify({ a: [], ...tail }, null, 2).slice('{\n  "a": []'.length);
  return `${count === 0 ? '[]' : '\n  ]'}${rest}\n`;
}
