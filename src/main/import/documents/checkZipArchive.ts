/**
 * Checks a ZIP container (DOCX, ODT) before anything unpacks it: it must be
 * a ZIP at all, hold at most 5,000 entries, unpack to at most 200 MB, and no
 * entry may unpack to more than 100 times its size when that is over 10 MB
 * (a zip bomb). Reads only the central directory (the sizes the archive
 * declares); the unpacking library still checks each entry's data.
 */

export const MAX_ZIP_ENTRIES = 5_000;
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_RATIO = 100;
const RATIO_FROM_BYTES = 10 * 1024 * 1024;

/** Why the archive is refused, or null when it may be unpacked. */
export function zipArchiveProblem(bytes: Uint8Array, kind: string): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) {
    return `it is not a ${kind} file (a ${kind} file is a ZIP archive, and this is not one)`;
  }
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return `the ${kind} file is damaged (its ZIP directory is missing: cut off?)`;
  const entries = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries > MAX_ZIP_ENTRIES) return `the ${kind} file holds ${entries} parts, more than ${MAX_ZIP_ENTRIES}: not a document Triangulate reads`;
  let offset = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return `the ${kind} file is damaged (its ZIP directory is broken)`;
    const packed = view.getUint32(offset + 20, true);
    const unpacked = view.getUint32(offset + 24, true);
    total += unpacked;
    if (total > MAX_UNPACKED_BYTES || (unpacked > RATIO_FROM_BYTES && unpacked > packed * MAX_RATIO)) {
      return `the ${kind} file would unpack to ${Math.round(total / (1024 * 1024))} MB or more (a zip bomb?); it is not read`;
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return null;
}
