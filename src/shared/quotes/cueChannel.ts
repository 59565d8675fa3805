/**
 * The channel an attribution cue names: whom it was told to or where it was
 * published. "told Reuters" → "Reuters", "told the AP" → "the AP", "wrote in
 * an email" → "email", "posted on LinkedIn" → "LinkedIn", "said in a
 * statement" → "statement", "said in an interview with CNN" → "CNN", "told the
 * BBC’s" → "the BBC"; null when the cue names none ("said").
 */
const WITH_TO = /\b(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+[\p{L}-]+\s+(?:with|to)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+\p{Lu}[\p{L}\p{N}’'.&-]*)*)\s*$/u;
const TOLD = /^(?:told|tells|tell|telling)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+\p{Lu}[\p{L}\p{N}’'.&-]*)*)/u;
const IN_ON = /\b(?:in|on|via|through)\s+(?:(?:a|an|the|his|her|their|its)\s+)?([\p{L}\p{N}-]+(?:\s+\p{Lu}[\p{L}\p{N}-]*)*)\s*$/u;

export function cueChannel(cue: string | null): string | null {
  if (!cue) return null;
  const told = TOLD.exec(cue);
  if (told) return withoutPossessive(told[1]!);
  const withTo = WITH_TO.exec(cue);
  if (withTo) return withoutPossessive(withTo[1]!);
  const where = IN_ON.exec(cue);
  if (where) return withoutPossessive(where[1]!);
  return null;
}

/** "the BBC’s" → "the BBC". */
function withoutPossessive(name: string): string {
  return name.replace(/['’]s$/u, '');
}
