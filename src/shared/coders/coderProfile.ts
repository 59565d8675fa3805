/**
 * Who is coding: the name every new annotation, group and credit records as
 * its creator, with optional initials and colour that tell this coder's
 * highlights apart from another's in the reader's layers. A name is trimmed,
 * 1–100 characters, no control characters (it ends up in files and tables);
 * initials 1–3 letters or digits; a colour is `#rrggbb`.
 */
import { z } from 'zod';

export const CODER_NAME_MAX = 100;

export const CoderNameSchema = z
  .string()
  .trim()
  .min(1, 'a coder needs a name')
  .max(CODER_NAME_MAX, `coder names are at most ${CODER_NAME_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'coder names may not hold control characters (tabs, line breaks)');

export const CoderInitialsSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}]{1,3}$/u, 'initials are one to three letters or digits');

export const CoderColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

export const CoderProfileSchema = z.object({
  name: CoderNameSchema,
  initials: CoderInitialsSchema.nullable(),
  colour: CoderColourSchema.nullable(),
});
export type CoderProfile = z.infer<typeof CoderProfileSchema>;

/** The initials shown when a coder chose none: the first letters of up to three words of the name. */
export function defaultInitials(name: string): string {
  const words = name.trim().split(/[\s._-]+/u).filter((w) => w !== '');
  const letters = words.map((w) => [...w][0] ?? '').join('');
  const initials = (words.length === 1 ? [...name.trim()].slice(0, 2).join('') : [...letters].slice(0, 3).join('')).toUpperCase();
  return initials || '?';
}

/**
 * Two names that are the same coder to a reader of a table though they are
 * different strings ("Anna Berg" and "anna  berg"): compared trimmed, with
 * runs of spaces as one and case folded.
 */
export function sameCoderName(a: string, b: string): boolean {
  const fold = (s: string) => s.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');
  return fold(a) === fold(b);
}

/**
 * The warning for a name chosen in a library that already holds other
 * coders' work: when annotations by this name (or one differing only in case
 * or spacing) exist and the name is not the one this data folder used before,
 * two people may be about to code under one name. null when there is nothing to warn of.
 */
export function sameNameWarning(name: string, previousName: string | null, coders: readonly string[]): string | null {
  if (previousName !== null && sameCoderName(name, previousName)) return null;
  const clash = coders.find((c) => sameCoderName(c, name));
  if (clash === undefined) return null;
  return `Annotations by "${clash}" are already in this library. If they are not yours, choose another name (add your initials, say): two coders under one name cannot be told apart in agreement figures.`;
}
