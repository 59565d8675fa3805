/**
 * A large parsed value crosses from the import worker to the core in pieces:
 * copying a message costs the receiving thread about as much as parsing its
 * JSON did (a 12 MB annotation collection: as long as JSON.parse), and one
 * message is one uninterrupted task of the core's event loop. So the long
 * arrays (the items of a collection, the articles of a project) are taken
 * out of the value and sent a slice at a time, each its own message; the
 * core answers other calls between them, then puts the value together again.
 */

/** Where an array was taken out: the keys from the top of the value. */
export type ValuePath = (string | number)[];

export interface ValuePiece {
  path: ValuePath;
  items: unknown[];
}

/** Arrays longer than this are sent in slices of this many items. */
export const PIECE_ITEMS = 500;

/**
 * The value with its long arrays emptied (the skeleton), and their items in
 * slices, in order. Only the outermost long arrays are taken out (an item is
 * sent whole, whatever it holds). The value is changed in place.
 */
export function takeApart(value: unknown, pieceItems = PIECE_ITEMS): { skeleton: unknown; pieces: ValuePiece[] } {
  const pieces: ValuePiece[] = [];
  const visit = (node: unknown, path: ValuePath): void => {
    if (Array.isArray(node)) {
      if (node.length > pieceItems) {
        const items = node.splice(0, node.length);
        for (let i = 0; i < items.length; i += pieceItems) pieces.push({ path, items: items.slice(i, i + pieceItems) });
        return;
      }
      node.forEach((item, i) => visit(item, [...path, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
    }
  };
  visit(value, []);
  return { skeleton: value, pieces };
}

/** Puts the pieces back into the skeleton (in the order they were taken), and returns it. */
export function putTogether(skeleton: unknown, pieces: readonly ValuePiece[]): unknown {
  for (const { path, items } of pieces) {
    let node: unknown = skeleton;
    for (const key of path) node = (node as Record<string | number, unknown>)[key];
    if (!Array.isArray(node)) throw new Error('a piece of the value has no array to go into');
    for (const item of items) node.push(item);
  }
  return skeleton;
}
