/**
 * The first checks on an imported file's bytes: not empty, not over the size
 * limit, not binary (NUL bytes), valid UTF-8. Gives the text (a leading
 * byte-order mark dropped) or the reason it cannot be read, phrased to
 * follow the file's name: "<file>: <reason>".
 */
import { tooLargeReason } from '../../contract/articleImport';

export type DecodedImport = { ok: true; text: string } | { ok: false; reason: string };

export function decodeImportBytes(bytes: Uint8Array): DecodedImport {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const tooLarge = tooLargeReason(bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, reason: `it looks like a binary file, not text (it holds a NUL byte at byte ${nul})` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `it is not valid UTF-8 text (first bad byte at ${firstInvalidUtf8Byte(bytes)}); save it as UTF-8 and import it again` };
  }
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
