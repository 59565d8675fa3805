/**
 * An article's detected quotes in a form that can be stored (JSON) and read
 * back, so quote detection runs once per article text (issue 20): the
 * quotes with their detail, and of the article's person index only what the
 * corpus speaker index needs, the entity of each quoted speaker.
 */
import type { Entity, PersonIndex } from './buildPersonIndex';
import type { DetectedQuoteWithDetail } from './detectQuotes';

/** What buildSpeakerIndex uses of an entity. */
export type SpeakerEntity = Pick<Entity, 'name' | 'kind' | 'aliases'>;

export interface ArticleQuotesRecord {
  quotes: DetectedQuoteWithDetail[];
  /** By speaker as credited: its entity (name, kind, the article's other ways of writing it); absent when the index has none. */
  entities: Record<string, { name: string; kind: Entity['kind']; aliases: string[] }>;
}

/** The record of a detection. */
export function toQuotesRecord(detected: { quotes: DetectedQuoteWithDetail[]; people: Pick<PersonIndex, 'entity'> }): ArticleQuotesRecord {
  const entities: ArticleQuotesRecord['entities'] = {};
  for (const { quote } of detected.quotes) {
    if (!quote.speaker || Object.hasOwn(entities, quote.speaker)) continue;
    const entity = detected.people.entity(quote.speaker);
    if (entity) entities[quote.speaker] = { name: entity.name, kind: entity.kind, aliases: [...entity.aliases] };
  }
  return { quotes: detected.quotes, entities };
}

/** The speakers' entities of a record, as buildSpeakerIndex asks for them. */
export function recordPeople(record: ArticleQuotesRecord): { entity(name: string): SpeakerEntity | undefined } {
  return {
    entity(name) {
      if (!Object.hasOwn(record.entities, name)) return undefined;
      const e = record.entities[name]!;
      return { name: e.name, kind: e.kind, aliases: new Set(e.aliases) };
    },
  };
}

/** A stored record checked for shape (a damaged cache entry is detected again, never trusted). */
export function isQuotesRecord(value: unknown): value is ArticleQuotesRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.quotes) || typeof v.entities !== 'object' || v.entities === null || Array.isArray(v.entities)) return false;
  for (const q of v.quotes as unknown[]) {
    if (typeof q !== 'object' || q === null) return false;
    const { quote, detail } = q as Record<string, unknown>;
    if (typeof quote !== 'object' || quote === null || typeof detail !== 'object' || detail === null) return false;
    const { start, end, exact } = quote as Record<string, unknown>;
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof exact !== 'string') return false;
  }
  for (const e of Object.values(v.entities as Record<string, unknown>)) {
    if (typeof e !== 'object' || e === null) return false;
    const { name, kind, aliases } = e as Record<string, unknown>;
    if (typeof name !== 'string' || typeof kind !== 'string' || !Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) return false;
  }
  return true;
}
