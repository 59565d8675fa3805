/**
 * `--coder NAME`: the coder a CLI command records as the creator of what it
 * writes. A name is trimmed; it may not be empty, longer than 100
 * characters, or hold control characters (it ends up in files and tables).
 */
export const CODER_NAME_MAX = 100;

/** The checked name, or the reason it cannot be one. */
export function coderName(value: string): { ok: true; name: string } | { ok: false; problem: string } {
  const name = value.trim();
  if (!name) return { ok: false, problem: '--coder needs a name' };
  if (name.length > CODER_NAME_MAX) return { ok: false, problem: `--coder names are at most ${CODER_NAME_MAX} characters, this one has ${name.length}` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, problem: '--coder names may not hold control characters (tabs, line breaks)' };
  return { ok: true, name };
}
