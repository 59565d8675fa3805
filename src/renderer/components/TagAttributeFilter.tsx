/**
 * The tag and attribute part of the annotation filters (the article's list
 * and the corpus-wide table): a tag, then one of the attributes the chosen
 * tag (or any tag) declares, then the value it must have — a list for
 * choices and yes/no, words for text and numbers.
 */
import type { AttributeDef, Tag } from '../../shared/model/model';

export interface TagAttributeChoice {
  tagId: string;
  attributeId: string;
  value: string;
}

/** The attributes a filter can use: those of the chosen tag, or of every tag (first declaration of an id wins). */
export function filterableAttributes(codebook: readonly Tag[], tagId: string): AttributeDef[] {
  const seen = new Map<string, AttributeDef>();
  for (const tag of codebook) {
    if (tagId && tag.id !== tagId) continue;
    for (const a of tag.attributes) if (!seen.has(a.id)) seen.set(a.id, a);
  }
  return [...seen.values()];
}

export interface TagAttributeFilterProps {
  codebook: readonly Tag[];
  choice: TagAttributeChoice;
  onChange: (choice: TagAttributeChoice) => void;
  anyTagLabel?: string;
}

export function TagAttributeFilter({ codebook, choice, onChange, anyTagLabel = 'Any' }: TagAttributeFilterProps) {
  const attributes = filterableAttributes(codebook, choice.tagId);
  const attribute = attributes.find((a) => a.id === choice.attributeId);
  return (
    <>
      <label>
        Tag
        <select value={choice.tagId} onChange={(e) => onChange({ tagId: e.target.value, attributeId: '', value: '' })}>
          <option value="">{anyTagLabel}</option>
          {codebook.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {attributes.length > 0 ? (
        <label>
          Attribute
          <select value={choice.attributeId} onChange={(e) => onChange({ ...choice, attributeId: e.target.value, value: '' })}>
            <option value="">Any</option>
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {attribute ? (
        <label>
          {attribute.name} is
          {attribute.type === 'choice' || attribute.type === 'boolean' ? (
            <select value={choice.value} onChange={(e) => onChange({ ...choice, value: e.target.value })}>
              <option value="">any value</option>
              {(attribute.type === 'boolean' ? ['yes', 'no'] : attribute.options).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input type="search" value={choice.value} onChange={(e) => onChange({ ...choice, value: e.target.value })} />
          )}
        </label>
      ) : null}
    </>
  );
}
