/**
 * How deeply a JSON text nests, looked at before it is parsed: a file or a
 * request of a million "[" parses, but every reader after the parser walks
 * it recursively (schemas, the W3C and project readers, structured clone)
 * and runs out of stack or time. Real annotation files, project files and
 * API requests nest a dozen levels; past MAX_JSON_NESTING the text is
 * refused, naming the line. Scans the UTF-8 bytes (or the text) once,
 * skipping strings, without building anything.
 */

/** Deepest nesting of arrays and objects read in a JSON text. */
export const MAX_JSON_NESTING = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** The reason a JSON text is refused for its nesting ("it is too deeply nested: …"), or null. */
export function jsonNestingProblem(source: Uint8Array | string, max = MAX_JSON_NESTING): string | null {
  const code = typeof source === 'string' ? (i: number) => source.charCodeAt(i) : (i: number) => source[i]!;
  const length = source.length;
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = code(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c === NEWLINE) line++;
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        break;
      case 0x5b: // [
      case 0x7b: // {
        depth++;
        if (depth > max) {
          return `it is too deeply nested: more than ${max} levels of arrays and objects (at line ${line}); annotation and project files nest a dozen, so nothing was read`;
        }
        break;
      case 0x5d: // ]
      case 0x7d: // }
        depth = Math.max(0, depth - 1);
        break;
      case NEWLINE:
        line++;
        break;
    }
  }
  return null;
}
