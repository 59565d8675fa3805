/**
 * A reproducible synthetic news corpus for benchmarks: articles of about
 * 5 KB of English-like text (real function words, made-up content words with
 * a Zipf-like spread, capitalised sentences, paragraphs separated by blank
 * lines), into which the things the aligner and the quote detector look for
 * are planted:
 *
 * - quotes from a shared pool, each in 2–8 articles, attributed in varied
 *   styles (“…,” NAME said / NAME said: “…” / ‘’…’’ he wrote / "…"), now and
 *   then cut down to a fragment or with one word changed;
 * - reused passages (wire copy), each in 2–6 articles, sometimes lightly edited;
 * - a few stock phrases that appear in a large share of all articles.
 *
 * Same count and seed → same corpus, byte for byte.
 */
import { seededRandom } from '../tools/seededRandom';

export interface SyntheticArticle {
  id: string;
  text: string;
}

export interface SyntheticCorpusOptions {
  /** PRNG seed. Default 1. */
  seed?: number;
  /** Approximate article size in characters. Default 5000. */
  articleChars?: number;
}

const FUNCTION_WORDS = `the of and to a in that is was he for it with as his on be at by had are but from or have an they
which one you were her all she there would their we him been has when who will more no if out so said what up its
about into than them can only other new some could time these two may then do first any my now such like our over
man me even most made after also did many before must through back years where much your way well down should because
each just those people how too little state good very make world still own see men work long get here between both
life being under never day same another know while last might us great old year off come since against go came right
used take three`.split(/\s+/);

const SYLLABLES = `ka lo mi ren tas vor bel dun fi gar hol ist jen kel lum mar nes ost pel quin ros sel tur ul ven wis yor zan
bra cle dro fen gri hal ister jor kan lir mon nar ope pra qua rel sta tri umb var wel xen yel zor ber cas dim eld fal gon
hin ivo jas kor lan mer nol orn pim rad sen tol ula vis wam yen zed`.split(/\s+/);

const NAME_SYLLABLES = `al ber cor dan el fran gio hel ivan jon kas lor mar nik ol pet ros sam tom ul vik wil yan zo ana bo
dre gus hen ilo jan kri lu mo nor pa ra si ta vo`.split(/\s+/);

interface Planted {
  words: string[];
  speaker: string;
}

export function syntheticCorpus(count: number, options: SyntheticCorpusOptions = {}): SyntheticArticle[] {
  const random = seededRandom(options.seed ?? 1);
  const articleChars = options.articleChars ?? 5000;
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const contentWords: string[] = [];
  const seen = new Set<string>();
  while (contentWords.length < 20_000) {
    let w = '';
    const parts = 2 + int(3);
    for (let k = 0; k < parts; k++) w += pick(SYLLABLES);
    if (!seen.has(w)) {
      seen.add(w);
      contentWords.push(w);
    }
  }
  // Zipf-like: low ranks far more often than high ones.
  const contentWord = (): string => contentWords[Math.min(contentWords.length - 1, Math.floor(Math.exp(random() * Math.log(contentWords.length))) - 1)]!;
  const word = (): string => (random() < 0.45 ? pick(FUNCTION_WORDS) : contentWord());
  const capitalise = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const name = (): string => `${capitalise(pick(NAME_SYLLABLES) + pick(NAME_SYLLABLES))} ${capitalise(pick(NAME_SYLLABLES) + pick(SYLLABLES) + pick(NAME_SYLLABLES))}`;
  const sentenceWords = (min: number, max: number): string[] => Array.from({ length: min + int(max - min + 1) }, word);
  const sentence = (words: readonly string[]): string => {
    const out = words.map((w, i) => (i > 2 && i < words.length - 2 && random() < 0.08 ? `${w},` : w));
    return `${capitalise(out.join(' '))}.`;
  };

  const people = Array.from({ length: Math.max(20, Math.ceil(count / 4)) }, name);
  const quotes: Planted[] = Array.from({ length: Math.max(10, Math.ceil(count / 3)) }, () => ({
    words: sentenceWords(10, 30),
    speaker: pick(people),
  }));
  const passages: string[][] = Array.from({ length: Math.max(5, Math.ceil(count / 6)) }, () =>
    Array.from({ length: 2 + int(3) }, () => sentence(sentenceWords(12, 24))),
  );
  const stockPhrases = Array.from({ length: 5 }, () => sentenceWords(7, 9));

  // Where each planted item goes: article index → items.
  const quotesIn: Planted[][] = Array.from({ length: count }, () => []);
  const passagesIn: string[][][] = Array.from({ length: count }, () => []);
  for (const q of quotes) for (let k = 2 + int(7); k > 0; k--) quotesIn[int(count)]!.push(q);
  for (const p of passages) for (let k = 2 + int(5); k > 0; k--) passagesIn[int(count)]!.push(p);

  const articles: SyntheticArticle[] = [];
  for (let a = 0; a < count; a++) {
    const blocks: string[] = [];
    for (const q of quotesIn[a]!) blocks.push(attributed(q));
    for (const p of passagesIn[a]!) blocks.push(edited(p).join(' '));
    if (random() < 0.3) blocks.push(sentence([...pick(stockPhrases), ...sentenceWords(3, 8)]));
    let size = blocks.reduce((n, b) => n + b.length + 2, 0);
    while (size < articleChars) {
      const paragraph = Array.from({ length: 2 + int(4) }, () => sentence(sentenceWords(8, 25))).join(' ');
      blocks.push(paragraph);
      size += paragraph.length + 2;
    }
    // Shuffle the planted blocks in among the filler (Fisher–Yates).
    for (let i = blocks.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
    }
    articles.push({ id: `syn${String(a).padStart(6, '0')}`, text: blocks.join('\n\n') });
  }
  return articles;

  function attributed(q: Planted): string {
    let words = [...q.words];
    const roll = random();
    if (roll < 0.15) {
      const from = int(Math.max(1, words.length - 8));
      words = words.slice(from, from + 6 + int(4)); // cut down to a fragment
    } else if (roll < 0.3) {
      words[int(words.length)] = contentWord(); // one word changed
    }
    const body = capitalise(words.join(' '));
    const surname = q.speaker.split(' ')[1]!;
    switch (int(5)) {
      case 0:
        return `“${body},” ${q.speaker} said. ${sentence(sentenceWords(8, 16))}`;
      case 1:
        return `${sentence(sentenceWords(6, 12))} ${q.speaker} said: “${body}.”`;
      case 2:
        return `${q.speaker} ${sentence(sentenceWords(6, 12)).toLowerCase()} ‘’${body},’’ he wrote.`;
      case 3:
        return `"${body}," said ${q.speaker}, ${sentenceWords(4, 8).join(' ')}.`;
      default:
        return `Mr ${surname} told ${capitalise(pick(contentWords))} that ${sentenceWords(3, 6).join(' ')} “${body.toLowerCase()}”.`;
    }
  }

  function edited(passage: readonly string[]): string[] {
    if (random() < 0.6) return [...passage];
    return passage.map((s) => {
      const words = s.split(' ');
      const at = 1 + int(words.length - 2);
      if (random() < 0.5) words.splice(at, 1);
      else words[at] = contentWord();
      return words.join(' ');
    });
  }
}
