/**
 * How deeply a JSON text nests, looked at before it is parsed: a file or a
 * request of a million "[" parses, but every reader after the parser walks
 * it recursively (schemas, the W3C and project readers, structured clone)
 * and runs out of stack or time. Real annotation files, project files and
 * API requests nest a dozen levels; past MAX_JSON_NESTING the text is
 * refused, naming the line. With `maxValues`, a text of more arrays, objects
 * and members than that is refused too: the parser's memory grows with
 * their number far more than with the text's length (64 MB of "{}," is 20
 * million objects, over a gigabyte), and a parser that runs out of memory
 * inside a worker can take the whole process down before the worker's cap
 * stops it. Scans the UTF-8 bytes (or the text) once, skipping strings,
 * without building anything.
 */

/** Deepest nesting of arrays and objects read in a JSON text. */
export const MAX_JSON_NESTING = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

export interface JsonShapeLimits {
  /** Deepest nesting (default MAX_JSON_NESTING). */
  maxDepth?: number;
  /** Most arrays, objects and members (counted by their brackets and commas); unlimited unless given. */
  maxValues?: number;
  /** Said when `maxValues` is passed: "it needs more than 512 MB of memory to read". */
  tooManyValues?: string;
}

/** The reason a JSON text is refused for its nesting ("it is too deeply nested: …") or its number of values, or null. */
export function jsonNestingProblem(source: Uint8Array | string, limits: JsonShapeLimits = {}): string | null {
  const max = limits.maxDepth ?? MAX_JSON_NESTING;
  const maxValues = limits.maxValues ?? Infinity;
  let values = 0;
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
      case 0x2c: // ,
        if (++values > maxValues) return manyValues(maxValues, limits.tooManyValues);
        break;
      case 0x5b: // [
      case 0x7b: // {
        if (++values > maxValues) return manyValues(maxValues, limits.tooManyValues);
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

function manyValues(max: number, why = 'it is too large to read') : string {
  return `${why}: it holds more than ${max.toLocaleString('en')} arrays, objects and members; nothing was read`;
}
