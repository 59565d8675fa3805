/**
 * A ZIP archive (a Word or OpenDocument file) with the uncompressed size its
 * central directory records for one entry made a byte larger, so that reading
 * that entry fails as a damaged file's does ("uncompressed data size
 * mismatch"), while the archive still opens: for tests of readers that must
 * turn such damage into a reason.
 */
export function withWrongEntrySize(zipBytes: Uint8Array, entry: string): Uint8Array {
  const bytes = zipBytes.slice();
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode(entry);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (nameLength === name.length && name.every((b, i) => bytes[at + 46 + i] === b)) {
      view.setUint32(at + 24, view.getUint32(at + 24, true) + 1, true);
      return bytes;
    }
  }
  throw new Error(`no ${entry} in the archive`);
}
