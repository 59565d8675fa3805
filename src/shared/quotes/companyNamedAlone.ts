/**
 * "Microsoft defended the deal. In a statement, the company said: …": a company is often named by one word, which
 * reads like a lone surname ("Microsoft defended" is how "Obama defended" looks), so the person index takes it for a
 * person and "the company" finds no organisation. When it finds none, a description of a company takes the
 * subject of the last two sentences named by one word only, with no title and no gender (no "he" or "she" was
 * ever used for it): a company, not a person. Or the subject of those sentences the index knew for an
 * organisation named by one word because it acts on "its" own things ("Volkswagen cut its forecast").
 */
import type { PersonIndex, ResolvedMention } from './buildPersonIndex';

/** Description nouns that stand for a company (or any organisation) named by one word. */
export const COMPANY_NOUNS = new Set(['company', 'firm', 'group', 'carmaker', 'automaker', 'retailer', 'lender', 'bank', 'insurer', 'airline', 'manufacturer', 'chipmaker', 'startup', 'conglomerate', 'giant', 'corporation', 'business']);

export function companyNamedAlone(people: PersonIndex, pos: number): ResolvedMention | null {
  // "Volkswagen cut its forecast": the index knew it for an organisation named by one word (see actsOnItsOwn).
  const organisation = people.resolveMention(pos, { kind: 'organisation', noOutlet: true, nearOnly: true, subjectOnly: true });
  const named = organisation ? people.entity(organisation.name) : undefined;
  if (organisation && named?.kind === 'organisation' && /^\p{Lu}\p{Ll}+$/u.test(named.name) && [...named.aliases].every((a) => !/^the\s/iu.test(a))) return organisation;
  const found = people.resolveMention(pos, { nearOnly: true, subjectOnly: true });
  const entity = found ? people.entity(found.name) : undefined;
  if (!found || !entity || entity.kind !== 'person') return null;
  return !entity.name.includes(' ') && entity.gender === null && entity.titles.size === 0 ? found : null;
}
