/**
 * What links the open annotation to others: the groups it belongs to
 * ("Group: <label>", each with "Remove from group"), for a Quote the
 * "Credited by" choice among the article's Source annotations, "Add to
 * group…" (link it into an existing group or a new one, from any view), and
 * in side by side the "Select for linking" checkbox.
 */
import { useId } from 'react';
import type { AnnotationRef } from '../../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../../shared/model/model';
import { useCrossLinksContext } from '../../data/crossLinksContext';
import { excerpt } from '../../components/excerpt';
import { sameRef } from '../../data/sameRef';
import { hashForRoute } from '../../app/hashRoute';
import { AddToGroupControl } from '../../components/AddToGroupControl';
import { formatCount } from '../../components/formatCount';

export const QUOTE_TAG = 'quote';
export const SOURCE_TAG = 'source';

export interface AnnotationConnectionsProps {
  annotation: Annotation;
  /** Every annotation of the same article (the Source choices). */
  annotations: readonly Annotation[];
  /** Side by side only: whether it is picked for linking, and how to change that. */
  linking?: { picked: boolean; onPick: (on: boolean) => void };
}

export function AnnotationConnections({ annotation, annotations, linking }: AnnotationConnectionsProps) {
  const links = useCrossLinksContext();
  const creditId = useId();
  const ref: AnnotationRef = { articleId: annotation.articleId, annotationId: annotation.id };
  const groups = links.groups.filter((g) => g.members.some((m) => sameRef(m, ref)));
  const sources = annotations.filter((a) => a.tagId === SOURCE_TAG);
  const credit = links.sourceLinks.find((l) => sameRef(l.quote, ref));

  return (
    <div className="connections">
      {groups.length > 0 ? (
        <ul className="connections__groups">
          {groups.map((g) => (
            <li key={g.id}>
              <span className="connections__group">
                Group: <strong>{g.label || 'Untitled group'}</strong>
                <span className="muted"> · {formatCount(g.members.length, 'annotation')}</span>
              </span>
              <a className="link-button" href={hashForRoute({ view: 'drift', groupId: g.id }, window.location.hash)} aria-label={`Quote drift of “${g.label || 'Untitled group'}”`}>
                Quote drift
              </a>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove from group “${g.label || 'Untitled group'}”`}
                onClick={() => void links.removeFromGroup(g.id, ref)}
              >
                Remove from group
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {annotation.tagId === QUOTE_TAG ? (
        <div className="field">
          <label htmlFor={creditId}>Credited by</label>
          <select
            id={creditId}
            value={credit?.source.articleId === annotation.articleId ? credit.source.annotationId : ''}
            onChange={(e) =>
              void links.setCredit(ref, e.target.value ? { articleId: annotation.articleId, annotationId: e.target.value } : null)
            }
          >
            <option value="">None</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {excerpt(s.exact, 60)}
              </option>
            ))}
          </select>
          {sources.length === 0 ? <p className="field__hint">Tag who said it as Source to credit this quote.</p> : null}
        </div>
      ) : null}

      <div className="connections__add">
        <AddToGroupControl
          exact={annotation.exact}
          groups={links.groups}
          memberOf={new Set(groups.map((g) => g.id))}
          onAdd={(groupId) => links.addToGroup(groupId, ref)}
          onCreate={async (label) => (await links.createGroup(label, [ref])) !== null}
        />
      </div>

      {linking ? (
        <label className="check">
          <input type="checkbox" checked={linking.picked} onChange={(e) => linking.onPick(e.target.checked)} />
          Select for linking
        </label>
      ) : null}
    </div>
  );
}
