/**
 * Broadcast and interview transcripts label each turn with its speaker in capitals ("SEN. BOB KERRY: Well, I told
 * the president, “…”", "ANNA SMITH, BBC NEWS: …"): an "I" in that turn is the labelled speaker. The name of the
 * label of the paragraph holding `pos`, in title case and without titles ("Bob Kerry"); null when the paragraph
 * has no such label.
 */

/** A label: capitals (with spaces, points, apostrophes, hyphens), perhaps ", AFFILIATION", then a colon. */
const LABEL = /^\s*([A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{1,40}?)(?:\s*,\s*[A-ZÀ-Þ][A-ZÀ-Þ .&-]{0,30})?\s*:\s/u;
/** Titles written in a label ("SEN.", "REP.", "DR."), dropped from the name. */
const LABEL_TITLES = new Set(['SEN', 'SENATOR', 'REP', 'GOV', 'GOVERNOR', 'DR', 'MR', 'MRS', 'MS', 'PROF', 'GEN', 'PRESIDENT', 'SECRETARY', 'MINISTER', 'AMB', 'AMBASSADOR', 'JUDGE']);
/** Labels that name no one the article can credit. */
const ANONYMOUS = new Set(['Q', 'A', 'QUESTION', 'ANSWER', 'UNIDENTIFIED', 'UNIDENTIFIED MALE', 'UNIDENTIFIED FEMALE', 'CROWD', 'AUDIENCE', 'ANNOUNCER', 'REPORTER', 'NARRATOR']);

export function transcriptLabelSpeaker(text: string, pos: number): string | null {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const m = LABEL.exec(text.slice(lineStart, Math.min(text.length, lineStart + 80)));
  if (!m || lineStart + m[0].length > pos) return null;
  const label = m[1]!.trim();
  if (ANONYMOUS.has(label) || !/\p{L}{2,}/u.test(label)) return null;
  const words = label.split(/\s+/).filter((w) => !LABEL_TITLES.has(w.replace(/\.$/, '')));
  if (words.length === 0) return null;
  return words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
}
