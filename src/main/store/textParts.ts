/**
 * A long text (a 12 MB article, a 16 MB base64 file) handled a part at a
 * time, so that no single task of the core's event loop copies, escapes or
 * encodes all of it: `textParts` cuts it into parts of at most a given
 * length, never between the two halves of a surrogate pair. A text that was
 * joined from parts (the import worker sends long strings a part a message,
 * see transferInPieces) is a rope: cutting it would first copy it whole into
 * one flat string, so the parts it was joined from are remembered a while
 * (`rememberParts`) and handed out again.
 */

/** Parts of this many characters (1 Mi) unless asked otherwise. */
export const TEXT_PART_CHARS = 1 << 20;

/** The text's parts: those it was joined from when it was (lately, and not asked for since), else cutText. */
export function textParts(text: string, partChars = TEXT_PART_CHARS): string[] {
  return partsOf(text) ?? cutText(text, partChars);
}

/**
 * A text cut into parts of at most `partChars` characters, never between the two halves of a surrogate
 * pair (a part ends one short instead), so each part is well-formed wherever the whole is.
 */
export function cutText(text: string, partChars = TEXT_PART_CHARS): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + partChars);
    if (end < text.length && end - at > 1 && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Texts lately joined from parts (newest last), and their parts: at most REMEMBERED_CHARS characters, each until used or for REMEMBERED_MS. */
const remembered: { text: string; parts: string[]; until: number }[] = [];
const REMEMBERED_CHARS = 64 * 1024 * 1024;
const REMEMBERED_MS = 30_000;

/** Notes that `text` was joined from `parts` (well-formed each, as cutText makes them). */
export function rememberParts(text: string, parts: string[]): void {
  remembered.push({ text, parts, until: Date.now() + REMEMBERED_MS });
  let chars = remembered.reduce((sum, entry) => sum + entry.text.length, 0);
  while (chars > REMEMBERED_CHARS && remembered.length > 0) chars -= remembered.shift()!.text.length;
}

/**
 * The parts a text was joined from (noted by rememberParts, lately), or null; handed out once (the
 * note goes). Meant for the same string, found at once by identity, the newest note first: an equal
 * string of the same length is found too, but only by comparing them, which an older note of another
 * text of that length costs (a rare case: each note goes when used, or after a while).
 */
export function partsOf(text: string): string[] | null {
  const now = Date.now();
  for (let i = remembered.length - 1; i >= 0; i--) if (remembered[i]!.until < now) remembered.splice(i, 1);
  for (let i = remembered.length - 1; i >= 0; i--) {
    const entry = remembered[i]!;
    if (entry.text.length === text.length && Object.is(entry.text, text)) {
      remembered.splice(i, 1);
      return entry.parts;
    }
  }
  return null;
}
