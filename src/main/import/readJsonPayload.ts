/**
 * Reads JSON that may be large or hostile, as the import worker does it off
 * the core's event loop: a request body the host received (`body`), or an
 * annotation or project file to import (`annotationFile`). The nesting is
 * looked at before the parser runs (jsonNestingProblem: a text nested past
 * MAX_JSON_NESTING is refused, naming the line); errors say where the text
 * breaks, never what it says (jsonSyntaxProblem).
 */
import { MAX_IMPORT_FILE_BYTES } from '../../shared/contract/articleImport';
import { jsonNestingProblem } from '../../shared/formats/jsonNestingProblem';
import { jsonSyntaxProblem } from '../../shared/formats/jsonSyntaxProblem';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';

export type JsonPurpose = 'body' | 'annotationFile';

/** The value (undefined for an empty body), or why it was refused (the end of a sentence "<file> …: "). */
export type JsonPayloadRead = { ok: true; value: unknown } | { ok: false; reason: string };

export function readJsonPayload(bytes: Uint8Array, purpose: JsonPurpose): JsonPayloadRead {
  if (purpose === 'annotationFile') {
    if (bytes.length <= MAX_IMPORT_FILE_BYTES) {
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
    return parse(text.replace(/^\uFEFF/, ''), (why) => `it is not valid JSON (${why})`);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  return parse(text, (why) => `The request body is not valid JSON: ${why}`);
}

function parse(text: string, notJson: (why: string) => string): JsonPayloadRead {
  const tooDeep = jsonNestingProblem(text);
  if (tooDeep) return { ok: false, reason: tooDeep };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: notJson(jsonSyntaxProblem(text, error)) };
  }
}
