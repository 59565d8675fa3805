/**
 * French, Spanish, Italian and Russian quotes keep the attribution inside the marks, as an incise: « Nous ne
 * reculerons pas, a-t-il lancé. Jamais. », «Es un día triste —dijo la alcaldesa—, pero seguiremos», «Мы готовы, —
 * сказал он, — к диалогу», "— Pourquoi si tôt ? demanda Paul Roche." Where such an incise is in the quoted text:
 * between dashes, after a comma when it opens with a French inverted verb ("a-t-il lancé", "dit-elle"), or closing
 * it after "?" or "!" ("demanda Paul Roche") — and only when it opens with a speech verb, so an
 * English aside (“We will win — and I mean it — next year”) is none. Null when there is none.
 */
import { SPEECH_VERBS } from './attributionWords';
import { FOREIGN_SPEECH_VERBS, isInvertedFrenchCue } from './foreignSpeechWords';

/** A stretch between dashes inside a quote. */
const DASHED = /[—–]\s*([^—–\n]{2,80}?)\s*[—–]/gu;
/** A French incise after a comma: ", a-t-il lancé", ", dit-elle", ", poursuit-il". */
const FRENCH = /,\s*((?:a-t-(?:il|elle)(?:\s+\p{Ll}+)?|\p{Ll}+-(?:t-)?(?:il|elle)))\s*[,.;!?]/gu;
/** An inverted verb and a name closing the quoted text after a question or exclamation: "Pourquoi ? demanda Paul Roche." */
const CLOSING = /[?!…]\s+(\p{Ll}+\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2})\s*[.]?\s*$/gu;

const opensWithSpeechVerb = (s: string): boolean => {
  const first = /^\p{L}+(?:-(?:t-)?(?:il|elle))?/u.exec(s)?.[0] ?? '';
  return FOREIGN_SPEECH_VERBS.has(first) || SPEECH_VERBS.has(first) || isInvertedFrenchCue(first) || first === 'a-t-il' || first === 'a-t-elle';
};

/** The incise's offsets in `text` for the quoted words text[start, end); null when there is none. */
export function inciseInQuote(text: string, start: number, end: number): { start: number; end: number } | null {
  const quoted = text.slice(start, end);
  for (const re of [DASHED, FRENCH, CLOSING]) {
    re.lastIndex = 0;
    for (let m = re.exec(quoted); m; m = re.exec(quoted)) {
      const inner = m[1]!;
      if (!opensWithSpeechVerb(inner)) continue;
      const at = start + m.index + m[0].indexOf(inner);
      return { start: at, end: at + inner.length };
    }
  }
  return null;
}
