/**
 * Writes a JSON array a piece at a time, in the layout `JSON.stringify(items,
 * null, 2)` gives, so a 100 MB answer is never one string: items are
 * gathered into chunks of about CHUNK_CHARS characters, and each chunk waits
 * until the output can take it (`write` resolves when the stream has room).
 * Returns false when it stopped because `stopped()` said so. `itemJson`
 * gives an item's JSON as it stands in the array (indented by two; by
 * default JSON.stringify's, indented): a caller that knows its items' shape
 * may write it faster by hand, in the same bytes.
 */
const CHUNK_CHARS = 1 << 16;

export async function writeJsonArray<T>(
  items: Iterable<T>,
  write: (chunk: string) => Promise<void>,
  stopped: () => boolean = () => false,
  itemJson: (item: T) => string = indentedJson,
): Promise<boolean> {
  let chunk = '';
  let first = true;
  for (const item of items) {
    if (stopped()) return false;
    chunk += `${first ? '[\n' : ',\n'}  ${itemJson(item)}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}${first ? '[]' : '\n]'}\n`);
  return true;
}

/** An item's JSON inside the array: JSON text holds no raw line break, so indenting every line is indenting the item. */
export function indentedJson(item: unknown): string {
  return JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');
}
