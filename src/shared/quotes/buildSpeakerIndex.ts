/**
 * The speakers of a corpus: every person, organisation, outlet or document
 * credited with a quote, across articles, with the ways the articles refer
 * to it ("Boris Bondarev" = "Bondarev" = "Mr Bondarev" = "the former
 * diplomat"), how many quotes it is credited with and in which articles.
 *
 * Within an article the person index already joins "Mr Bondarev" to "Boris
 * Bondarev". Across articles, speakers with the same name (case and titles
 * aside) are one; a one-word name ("Bondarev", "Post") joins the only longer
 * name ending in it ("Boris Bondarev", "The Washington Post"). Ids are
 * readable slugs of the fullest name ("boris-bondarev"), stable for a given
 * corpus.
 */
import type { EntityKind } from './buildPersonIndex';
import type { SpeakerEntity } from './articleQuotesRecord';
import type { DetectedQuoteWithDetail } from './detectQuotes';

export type SpeakerKind = EntityKind | 'document';

export interface SpeakerEntry {
  id: string;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  quotes: number;
  articles: string[];
}

export interface ArticleQuotes {
  article: string;
  text: string;
  quotes: readonly DetectedQuoteWithDetail[];
  /** The article's person index (or the part of it a stored record keeps). */
  people: { entity(name: string): SpeakerEntity | undefined };
}

export interface SpeakerIndex {
  speakers: SpeakerEntry[];
  /** The id of the speaker a quote of `article` is credited to by name, or null. */
  idOf(article: string, speaker: string | null): string | null;
}

const DOCUMENT_WORDS = new Set(['memo', 'report', 'statement', 'letter', 'lawsuit', 'filing', 'complaint', 'ruling', 'editorial', 'release']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'him', 'her', 'them', 'i', 'we', 'you']);

interface Group {
  name: string;
  kind: SpeakerKind;
  aliases: Set<string>;
  quotes: number;
  articles: Set<string>;
}

export function buildSpeakerIndex(articles: readonly ArticleQuotes[]): SpeakerIndex {
  const groups = new Map<string, Group>();
  const credited: { article: string; speaker: string; key: string }[] = [];
  for (const { article, text, quotes, people } of articles) {
    for (const { quote } of quotes) {
      if (!quote.speaker) continue;
      const entity = people.entity(quote.speaker);
      const name = entity?.name ?? quote.speaker;
      const key = keyOf(name);
      const group = groups.get(key) ?? { name, kind: kindOf(name, entity?.kind), aliases: new Set<string>(), quotes: 0, articles: new Set<string>() };
      groups.set(key, group);
      if (name.length > group.name.length) group.name = name;
      group.quotes++;
      group.articles.add(article);
      for (const alias of entity?.aliases ?? []) group.aliases.add(alias);
      if (quote.speakerSpan) {
        const said = text.slice(quote.speakerSpan.start, quote.speakerSpan.end).trim().replace(/[’']s$/, '');
        if (said && !PRONOUNS.has(said.toLowerCase()) && said.length <= 80) group.aliases.add(said);
      }
      credited.push({ article, speaker: quote.speaker, key });
    }
  }

  // A one-word name joins the only longer name ending in it.
  // (Longer names by their last word, looked up: comparing every name with every one-word name took
  // minutes over the 60,000 speakers of 100,000 articles, issue 20.)
  const keys = [...groups.keys()];
  const byLastWord = new Map<string, string[]>();
  for (const k of keys) {
    const space = k.lastIndexOf(' ');
    if (space < 0) continue;
    const last = k.slice(space + 1);
    const list = byLastWord.get(last);
    if (list) list.push(k);
    else byLastWord.set(last, [k]);
  }
  const joined = new Map<string, string>();
  for (const key of keys) {
    if (key.includes(' ')) continue;
    const longer = byLastWord.get(key) ?? [];
    if (longer.length !== 1) continue;
    const from = groups.get(key)!;
    const into = groups.get(longer[0]!)!;
    into.quotes += from.quotes;
    for (const a of from.aliases) into.aliases.add(a);
    into.aliases.add(from.name);
    for (const a of from.articles) into.articles.add(a);
    groups.delete(key);
    joined.set(key, longer[0]!);
  }

  const ids = new Map<string, string>();
  const used = new Set<string>();
  const speakers: SpeakerEntry[] = [];
  for (const [key, g] of [...groups.entries()].sort((a, b) => b[1].quotes - a[1].quotes || a[1].name.localeCompare(b[1].name))) {
    let id = slug(g.name) || 'speaker';
    for (let n = 2; used.has(id); n++) id = `${slug(g.name)}-${n}`;
    used.add(id);
    ids.set(key, id);
    g.aliases.delete(g.name);
    speakers.push({ id, name: g.name, kind: g.kind, aliases: [...g.aliases].sort(), quotes: g.quotes, articles: [...g.articles].sort() });
  }
  const byArticleSpeaker = new Map<string, string>();
  for (const c of credited) {
    const key = joined.get(c.key) ?? c.key;
    const id = ids.get(key);
    if (id) byArticleSpeaker.set(`${c.article}\u0000${c.speaker}`, id);
  }
  return {
    speakers,
    idOf: (article, speaker) => (speaker ? (byArticleSpeaker.get(`${article}\u0000${speaker}`) ?? null) : null),
  };
}

function keyOf(name: string): string {
  return name
    .replace(/^(?:the|mr\.?|mrs\.?|ms\.?|dr\.?)\s+/i, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function kindOf(name: string, kind: EntityKind | undefined): SpeakerKind {
  const last = name.split(/\s+/).pop()!.toLowerCase();
  if (DOCUMENT_WORDS.has(last)) return 'document';
  if (kind) return kind;
  return /^\p{Lu}[\p{Lu}\d&]+$/u.test(name) ? 'organisation' : 'person';
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
