/**
 * What a text file (texts/<id>.json) holds, as the parts writeFileAtomic
 * writes one at a time: the same bytes as the store's JSON of any file
 * (`JSON.stringify(file, null, 2)` and a line break), the text escaped a
 * part (1 Mi characters, see textParts) at a time as it is written, so a
 * 12 MB text is never escaped or encoded in one task of the event loop.
 */
import type { TextFile } from './storeFileSchemas';
import { textParts } from './textParts';

/** Stands for the text in the file's frame: no id or schema version can hold a NUL. */
const TEXT_PLACE = '\u0000text\u0000';

export function* textFileContents(file: TextFile): Generator<string> {
  const frame = `${JSON.stringify({ ...file, text: TEXT_PLACE }, null, 2)}\n`;
  const placed = JSON.stringify(TEXT_PLACE);
  const at = frame.indexOf(placed);
  yield `${frame.slice(0, at)}"`;
  // Parts never split a surrogate pair, so each escapes as it would inside the whole.
  for (const part of textParts(file.text)) yield JSON.stringify(part).slice(1, -1);
  yield `"${frame.slice(at + placed.length)}`;
}
