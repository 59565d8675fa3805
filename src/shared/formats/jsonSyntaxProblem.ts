/**
 * What JSON.parse found wrong with a text, said without quoting the text:
 * V8's own messages echo the first bytes of the input ("Unexpected token 'h',
 * "hello…" is not valid JSON"), and a data file symlinked to some other file
 * would then leak that file's first line into an error message. Gives the
 * line and column where the parser stopped when it says, or that the text
 * ends part way.
 */

export function jsonSyntaxProblem(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isCutShort(source, error) && !/Unterminated string/i.test(message)) return 'it ends part way';
  const at = /at position (\d+)/.exec(message);
  const where = at ? ` at ${lineAndColumn(source, Number(at[1]))}` : '';
  if (/Unterminated string/i.test(message)) return `a string is not closed${where}`;
  if (/Bad control character/i.test(message)) return `a string holds a control character${where}`;
  if (/Bad (escaped character|Unicode escape)/i.test(message)) return `a string holds a bad escape${where}`;
  if (/after JSON/i.test(message)) return `there is more after the JSON value${where}`;
  return `a syntax error${where}`;
}

/** Whether the problem is that the text stops part way (a file cut short). */
export function isCutShort(source: string, error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of (JSON )?input|Unterminated string/i.test(message) || source.trim() === '') return true;
  // "Expected ',' or ']' after array element in JSON at position <the end>".
  const at = /at position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= source.trimEnd().length;
}

function lineAndColumn(source: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${end - lineStart + 1}`;
}
