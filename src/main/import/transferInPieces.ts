/**
 * A large parsed value crosses from the import worker to the core in pieces:
 * copying a message costs the receiving thread about as much as parsing its
 * JSON did (a 12 MB annotation collection: as long as JSON.parse), and one
 * message is one uninterrupted task of the core's event loop. So the long
 * arrays (the items of a collection, the articles of a project) are taken
 * out of the value and sent a slice at a time, each its own message, and so
 * are long strings (a file's base64 data, a 12 MB text), a part at a time;
 * the core answers other calls between them, then puts the value together
 * again. A string put together from parts is joined lazily (a rope, no
 * copy); its parts are remembered a while (see textParts), so that sending
 * it on to the worker again, or writing it, does not copy it whole in one
 * task either.
 */

import { rememberParts, textParts, TEXT_PART_CHARS } from '../store/textParts';

/** Where an array or string was taken out: the keys from the top of the value. */
export type ValuePath = (string | number)[];

/** A slice of a long array's items, or a part of a long string. */
export type ValuePiece = { path: ValuePath; items: unknown[] } | { path: ValuePath; text: string };

/** Arrays longer than this are sent in slices of this many items. */
export const PIECE_ITEMS = 500;

/** Strings longer than this are sent in parts of this many characters (1 Mi). */
export const PIECE_CHARS = TEXT_PART_CHARS;

/**
 * The value with its long arrays emptied and its long strings made '' (the skeleton), and their items
 * in slices and their parts, in order. Only the outermost long arrays are taken out (an item is sent
 * whole, whatever it holds, unless it is a long string). The value is changed in place.
 */
export function takeApart(value: unknown, pieceItems = PIECE_ITEMS, pieceChars = PIECE_CHARS): { skeleton: unknown; pieces: ValuePiece[] } {
  const pieces: ValuePiece[] = [];
  const textPieces = (text: string, path: ValuePath): void => {
    // A text joined from parts here (a text the worker sent) goes in those parts: cutting a rope copies it whole first.
    for (const part of textParts(text, pieceChars)) pieces.push({ path, text: part });
  };
  const visit = (node: unknown, path: ValuePath): void => {
    if (Array.isArray(node)) {
      if (node.length > pieceItems) {
        const items = node.splice(0, node.length);
        for (let i = 0; i < items.length; i += pieceItems) pieces.push({ path, items: items.slice(i, i + pieceItems) });
        return;
      }
      node.forEach((item, i) => {
        if (typeof item === 'string' && item.length > pieceChars) {
          node[i] = '';
          textPieces(item, [...path, i]);
        } else visit(item, [...path, i]);
      });
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const [key, item] of Object.entries(record)) {
        if (typeof item === 'string' && item.length > pieceChars) {
          record[key] = '';
          textPieces(item, [...path, key]);
        } else visit(item, [...path, key]);
      }
    }
  };
  if (typeof value === 'string' && value.length > pieceChars) {
    textPieces(value, []);
    return { skeleton: '', pieces };
  }
  visit(value, []);
  return { skeleton: value, pieces };
}

/** Puts the pieces back into the skeleton (in the order they were taken), and returns it. */
export function putTogether(skeleton: unknown, pieces: readonly ValuePiece[]): unknown {
  let top = skeleton;
  /** Long strings being put together: where they go, and their parts. */
  const texts = new Map<string, { path: ValuePath; parts: string[] }>();
  for (const piece of pieces) {
    if ('text' in piece) {
      const key = JSON.stringify(piece.path);
      const known = texts.get(key);
      if (known) known.parts.push(piece.text);
      else texts.set(key, { path: piece.path, parts: [piece.text] });
      continue;
    }
    const node = nodeAt(top, piece.path);
    if (!Array.isArray(node)) throw new Error('a piece of the value has no array to go into');
    for (const item of piece.items) node.push(item);
  }
  for (const { path, parts } of texts.values()) {
    // Joined by +: a rope of the parts, no copy of them.
    const text = parts.reduce((whole, part) => whole + part, '');
    rememberParts(text, parts);
    if (path.length === 0) {
      top = text;
      continue;
    }
    const parent = nodeAt(top, path.slice(0, -1));
    if (parent === null || typeof parent !== 'object') throw new Error('a piece of the value has no place to go into');
    (parent as Record<string | number, unknown>)[path.at(-1)!] = text;
  }
  return top;
}

function nodeAt(top: unknown, path: ValuePath): unknown {
  let node = top;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}
