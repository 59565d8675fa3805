/**
 * The people-and-organisations index a researcher can correct (issue 15):
 * the speakers detection credits across the corpus (buildSpeakerIndex), the
 * names the researcher typed into Quote speaker and Source name attributes
 * (joined to a detected entity when the name is one of its names, else an
 * entity of their own), then the stored corrections (merge, rename, kind,
 * split; entitySchemas.ts) replayed in order. A correction that no longer
 * applies (its entity is gone from the corpus) is skipped and reported.
 *
 * `canonicalOf` is what derived outputs use (coverage, table, exports): the
 * entity a name written in an article stands for, with its canonical name
 * and id; the stored attribute stays as typed.
 */
import { buildSpeakerIndex, type ArticleQuotes } from '../quotes/buildSpeakerIndex';
import type { Entity, EntityCorrection, EntityKind } from './entitySchemas';

/** A stored annotation whose speaker (Quote) or name (Source) attribute credits someone. */
export interface TypedCredit {
  article: string;
  annotationId: string;
  start: number;
  end: number;
  exact: string;
  name: string;
}

export interface EntityCredit {
  article: string;
  start: number;
  end: number;
  exact: string;
  /** How the text (or the researcher) named the speaker there: "Mr Bondarev", "he". */
  said: string;
  /** The speaker as credited (detection's resolved name, or the typed value). */
  speaker: string;
  annotationId: string | null;
  /** The entity it belongs to, after corrections. */
  id: string;
}

export interface CanonicalSpeaker {
  id: string;
  name: string;
}

export interface EntityIndex {
  entities: Entity[];
  credits: EntityCredit[];
  problems: string[];
  /** The entity a speaker name written in `article` stands for (null: no entity by that name). */
  canonicalOf(article: string, name: string | null | undefined): CanonicalSpeaker | null;
  /** The entity an id names now (following merges), or undefined. */
  find(id: string): Entity | undefined;
  /** Whether an id is in use (by an entity, or by one merged into another). */
  idTaken(id: string): boolean;
}

interface Working {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: Set<string>;
  /** By the key of a merged-in entity's name: the credits it brought (a split of that name takes them back). */
  absorbed?: Map<string, Set<EntityCredit>>;
}

export function buildEntityIndex(
  articles: readonly ArticleQuotes[],
  typed: readonly TypedCredit[],
  corrections: readonly EntityCorrection[],
): EntityIndex {
  const base = buildSpeakerIndex(articles);
  const entities = new Map<string, Working>();
  for (const s of base.speakers) entities.set(s.id, { id: s.id, name: s.name, kind: s.kind, aliases: new Set(s.aliases) });

  const credits: EntityCredit[] = [];
  for (const { article, text, quotes } of articles) {
    for (const { quote } of quotes) {
      const id = base.idOf(article, quote.speaker);
      if (!id || !quote.speaker) continue;
      const span = quote.speakerSpan;
      const said = span ? text.slice(span.start, span.end).trim() : quote.speaker;
      credits.push({ article, start: quote.start, end: quote.end, exact: quote.exact, said: said || quote.speaker, speaker: quote.speaker, annotationId: null, id });
    }
  }

  // The researcher's names: one of a detected entity's names, or an entity of their own.
  const byKey = keyLookup(entities.values());
  for (const t of typed) {
    const name = t.name.trim();
    const key = keyOf(name);
    if (!key) continue;
    let id = byKey.get(key) ?? null;
    if (!id) {
      id = freeId(entities, slug(name));
      entities.set(id, { id, name, kind: 'person', aliases: new Set() });
      byKey.set(key, id);
    }
    credits.push({ article: t.article, start: t.start, end: t.end, exact: t.exact, said: name, speaker: name, annotationId: t.annotationId, id });
  }

  const redirect = new Map<string, string>();
  const resolve = (id: string): Working | undefined => {
    let at = id;
    for (let hops = 0; redirect.has(at) && hops < 10_000; hops++) at = redirect.get(at)!;
    return entities.get(at);
  };
  const taken = { has: (id: string) => entities.has(id) || redirect.has(id) };
  const problems: string[] = [];
  corrections.forEach((c, i) => {
    const where = `correction ${i + 1} (${c.op})`;
    if (c.op === 'merge') {
      const into = resolve(c.into);
      const from = resolve(c.from);
      if (!into || !from) return problems.push(`${where}: no entity "${!into ? c.into : c.from}" in the corpus any more`);
      if (into === from) return;
      into.aliases.add(from.name);
      for (const a of from.aliases) into.aliases.add(a);
      into.aliases.delete(into.name);
      const brought = new Set<EntityCredit>();
      for (const credit of credits) {
        if (credit.id !== from.id) continue;
        credit.id = into.id;
        brought.add(credit);
      }
      into.absorbed ??= new Map();
      into.absorbed.set(keyOf(from.name), brought);
      for (const [k, set] of from.absorbed ?? []) into.absorbed.set(k, set);
      entities.delete(from.id);
      redirect.set(from.id, into.id);
    } else if (c.op === 'rename') {
      const e = resolve(c.id);
      if (!e) return problems.push(`${where}: no entity "${c.id}" in the corpus any more`);
      if (e.name === c.name) return;
      e.aliases.add(e.name);
      e.name = c.name;
      e.aliases.delete(c.name);
    } else if (c.op === 'kind') {
      const e = resolve(c.id);
      if (!e) return problems.push(`${where}: no entity "${c.id}" in the corpus any more`);
      e.kind = c.kind;
    } else {
      const e = resolve(c.id);
      if (!e) return problems.push(`${where}: no entity "${c.id}" in the corpus any more`);
      const problem = splitProblem(e, c.alias, c.newId, taken);
      if (problem) return problems.push(`${where}: ${problem}`);
      const key = keyOf(c.alias);
      for (const a of [...e.aliases]) if (keyOf(a) === key) e.aliases.delete(a);
      entities.set(c.newId, { id: c.newId, name: c.alias, kind: e.kind, aliases: new Set() });
      // The quotes credited by that name, and those of an entity of that name merged in earlier.
      const brought = e.absorbed?.get(key);
      e.absorbed?.delete(key);
      for (const credit of credits) {
        if (credit.id === e.id && (keyOf(credit.said) === key || keyOf(credit.speaker) === key || brought?.has(credit))) credit.id = c.newId;
      }
    }
    return undefined;
  });

  const listed: Entity[] = [];
  const counts = new Map<string, { quotes: number; annotations: number; articles: Set<string> }>();
  for (const credit of credits) {
    const count = counts.get(credit.id) ?? { quotes: 0, annotations: 0, articles: new Set<string>() };
    counts.set(credit.id, count);
    if (credit.annotationId === null) count.quotes++;
    else count.annotations++;
    count.articles.add(credit.article);
  }
  for (const e of entities.values()) {
    const count = counts.get(e.id);
    e.aliases.delete(e.name);
    listed.push({
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: [...e.aliases].sort((a, b) => a.localeCompare(b)),
      quotes: count?.quotes ?? 0,
      annotations: count?.annotations ?? 0,
      articles: [...(count?.articles ?? [])].sort(),
    });
  }
  listed.sort((a, b) => b.quotes + b.annotations - (a.quotes + a.annotations) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const byId = new Map(listed.map((e) => [e.id, e]));

  const bySaid = new Map<string, string>();
  for (const credit of credits) bySaid.set(`${credit.article}\u0000${credit.speaker}`, credit.id);
  const finalKeys = keyLookup(entities.values());
  const find = (id: string): Entity | undefined => {
    const e = resolve(id);
    return e ? byId.get(e.id) : undefined;
  };
  return {
    entities: listed,
    credits,
    problems,
    find,
    idTaken: (id) => taken.has(id),
    canonicalOf(article, name) {
      const typedName = name?.trim();
      if (!typedName) return null;
      const id = bySaid.get(`${article}\u0000${typedName}`) ?? finalKeys.get(keyOf(typedName));
      const e = id ? byId.get(id) : undefined;
      return e ? { id: e.id, name: e.name } : null;
    },
  };
}

/** Why `alias` cannot be split off `entity` as `newId` (null: it can). */
export function splitProblem(entity: { id: string; name: string; aliases: Iterable<string> }, alias: string, newId: string, taken: { has(id: string): boolean }): string | null {
  const key = keyOf(alias);
  if (key === keyOf(entity.name)) return `"${alias}" is the canonical name of "${entity.id}": rename it first, then split`;
  if (![...entity.aliases].some((a) => keyOf(a) === key)) return `"${entity.id}" has no alias "${alias}"`;
  if (taken.has(newId)) return `the id "${newId}" is taken`;
  return null;
}

/** The name as compared: case, spacing, a leading title or "the" and a possessive aside. */
export function keyOf(name: string): string {
  return name
    .trim()
    .replace(/[’']s$/u, '')
    .replace(/^(?:the|mr\.?|mrs\.?|ms\.?|dr\.?)\s+/iu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ');
}

/** A readable id from a name ("Boris Bondarev" → "boris-bondarev"), under the id rule. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || 'entity';
}

/** `base`, or `base-2`, `base-3` … whichever no entity has. */
export function freeId(taken: { has(id: string): boolean }, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id) || id === 'constructor' || id === 'prototype'; n++) id = `${base}-${n}`;
  return id;
}

/** Name and alias keys → entity id; a key two entities share answers neither (names win over aliases). */
function keyLookup(entities: Iterable<Working>): Map<string, string> {
  const names = new Map<string, string | null>();
  const aliases = new Map<string, string | null>();
  for (const e of entities) {
    const k = keyOf(e.name);
    names.set(k, names.has(k) && names.get(k) !== e.id ? null : e.id);
    for (const a of e.aliases) {
      const ak = keyOf(a);
      aliases.set(ak, aliases.has(ak) && aliases.get(ak) !== e.id ? null : e.id);
    }
  }
  const out = new Map<string, string>();
  for (const [k, id] of aliases) if (id) out.set(k, id);
  for (const [k, id] of names) {
    if (id) out.set(k, id);
    else out.delete(k);
  }
  return out;
}
