/**
 * The text of a saved HTML page from its bytes, in the encoding the page
 * declares: a byte-order mark first, else `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` (or a feed's
 * `<?xml … encoding=…?>`) within the first 4 KB (Windows-1252, ISO-8859-x, Shift_JIS, EUC-KR, GBK… as Node's
 * TextDecoder with full ICU knows them). A page that declares nothing and is
 * not valid UTF-8 is read as Windows-1252, as browsers do. Size, emptiness
 * and binary checks are the ones every imported file gets.
 */
import { decodeImportBytes, type DecodedImport } from '../../../shared/formats/articles/decodeImportBytes';
import { tooLargeReason } from '../../../shared/contract/articleImport';

export type DecodedHtml = DecodedImport & { encoding?: string };

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)/i;

export function decodeHtmlBytes(bytes: Uint8Array): DecodedHtml {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const tooLarge = tooLargeReason(bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeImportBytes(bytes);

  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = META_CHARSET.exec(head);
  const declared = (match?.[1] ?? match?.[2])?.toLowerCase() ?? null;
  if (declared === null) {
    const utf8 = decodeImportBytes(bytes);
    if (utf8.ok || bytes.indexOf(0) !== -1) return utf8;
    return decodeAs(bytes, 'windows-1252');
  }
  let label: string;
  try {
    label = new TextDecoder(declared).encoding;
  } catch {
    return { ok: false, reason: `it declares the character encoding "${declared}", which Triangulate cannot read; save it as UTF-8 and import it again` };
  }
  // A UTF-16 declaration inside an ASCII-readable head is a mistake of the page: browsers read it as UTF-8.
  if (label === 'utf-8' || label.startsWith('utf-16')) return decodeImportBytes(bytes);
  if (bytes.indexOf(0) !== -1) return decodeImportBytes(bytes);
  return decodeAs(bytes, label);
}

function decodeAs(bytes: Uint8Array, label: string): DecodedHtml {
  const text = label === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(label).decode(bytes);
  return { ok: true, text, encoding: label };
}

/** What bytes 0x80–0x9F are in Windows-1252 (the rest is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Node 20's TextDecoder reads "windows-1252" as Latin-1 (0x80–0x9F become control characters): done by hand. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}
