/** An annotation's attribute values as one compact line in a list row (nothing when it has none). */
import type { AttributeValue, Tag } from '../../../shared/model/model';
import { attributeSummary } from '../../components/attributeSummary';
import { excerpt } from '../../components/excerpt';

export function AttributeLine({ tag, values }: { tag: Tag; values: Readonly<Record<string, AttributeValue>> }) {
  const summary = attributeSummary(tag, values);
  if (!summary) return null;
  return (
    <span className="annotation-item__attributes">
      <span className="visually-hidden">Attributes: </span>
      {excerpt(summary, 120)}
    </span>
  );
}
