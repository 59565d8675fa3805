/**
 * Reads JSON that may be large or hostile, as the import worker does it off
 * the core's event loop: a request body the host received (`body`), or an
 * annotation or project file to import (`annotationFile`). The nesting is
 * looked at before the parser runs (jsonNestingProblem: a text nested past
 * MAX_JSON_NESTING is refused, naming the line); errors say where the text
 * breaks, never what it says (jsonSyntaxProblem).
 */
import { MAX_IMPORT_FILE_BYTES } from '../../shared/contract/articleImport';
import { jsonNestingProblem, type JsonShapeLimits } from '../../shared/formats/jsonNestingProblem';
import { jsonSyntaxProblem } from '../../shared/formats/jsonSyntaxProblem';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';

export type JsonPurpose = 'body' | 'annotationFile';

/** The value (undefined for an empty body), or why it was refused (the end of a sentence "<file> …: "). */
export type JsonPayloadRead = { ok: true; value: unknown } | { ok: false; reason: string };

/** Bytes of memory the parser may need for one array, object or member (a generous bound: an empty object takes about 56). */
const BYTES_PER_VALUE = 128;

/**
 * Reads the JSON. `memoryLimitMb` (the worker's cap; default 512) bounds how many arrays, objects and
 * members it may hold, looked at before parsing, so the parser never reaches the cap (see jsonNestingProblem).
 */
export function readJsonPayload(bytes: Uint8Array, purpose: JsonPurpose, memoryLimitMb = 512): JsonPayloadRead {
  const limits = {
    // Half the cap, less the text itself (held while it is parsed), for what the parser builds.
    maxValues: Math.max(0, Math.floor(((memoryLimitMb * 1024 * 1024) / 2 - bytes.length) / BYTES_PER_VALUE)),
    tooManyValues: `it needs more than ${memoryLimitMb} MB of memory to read (the limit for one request or file)`,
  };
  if (purpose === 'annotationFile') {
    if (bytes.length <= MAX_IMPORT_FILE_BYTES) {
      const tooMany = jsonNestingProblem(bytes, { ...limits, maxDepth: Infinity });
      if (tooMany) return { ok: false, reason: tooMany };
      const read = readAnnotationFile(bytes);
      return read.ok ? { ok: true, value: read.value } : read;
    }
    // A whole library's project file may pass the 20 MB article limit (the CLI reads those).
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: 'it is not valid UTF-8 text' };
    }
    return parse(text.replace(/^\uFEFF/, ''), limits, (why) => `it is not valid JSON (${why})`);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  return parse(text, limits, (why) => `The request body is not valid JSON: ${why}`);
}

function parse(text: string, limits: JsonShapeLimits, notJson: (why: string) => string): JsonPayloadRead {
  const tooDeep = jsonNestingProblem(text, limits);
  if (tooDeep) return { ok: false, reason: tooDeep };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: notJson(jsonSyntaxProblem(text, error)) };
  }
}
