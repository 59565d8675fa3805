/**
 * The open annotation: its tag (changeable), the quoted text, what links it
 * to other annotations (`connections`: groups, "Credited by", linking), its
 * attribute values (AttributeFields), the note, and "Delete annotation".
 * When several annotations overlap where the user clicked, a row of buttons lets them pick which one to show. Escape closes
 * the panel. A non-modal `<section>` named "Annotation".
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Annotation, AttributeValue, Tag } from '../../../shared/model/model';
import { excerpt } from '../../components/excerpt';
import { AttributeFields, type AttributeFieldsHandle } from './AttributeFields';
import { NoteField, type NoteFieldHandle } from './NoteField';
import { useDataGeneration } from '../../app/dataChanged';
import { TagChip } from '../../components/TagChip';
import { tagLookup } from '../../data/tagLookup';
import { formatCount } from '../../components/formatCount';

export interface AnnotationPanelProps {
  /** The annotations at the place the user opened, outermost first. */
  candidates: readonly Annotation[];
  selected: Annotation;
  codebook: readonly Tag[];
  /** Heading level of the panel title (the page's structure decides). */
  level: 2 | 3;
  /** Move keyboard focus into the panel when it opens (opened from the keyboard). */
  takeFocus: boolean;
  onSelect: (id: string) => void;
  onRetag: (id: string, tagId: string) => void;
  onSaveNote: (id: string, note: string) => Promise<void>;
  /** Saves the attribute values (all of them: they replace the stored ones). */
  onSaveAttributes: (id: string, values: Record<string, AttributeValue>) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onClose: () => void;
  /** Groups, credits and linking (AnnotationConnections), shown under the tag. */
  connections?: ReactNode;
  /** The people index's names, offered in the speaker / name field. */
  speakerNames?: readonly string[];
}

export function AnnotationPanel(props: AnnotationPanelProps) {
  const { candidates, selected, codebook, level, takeFocus, onSelect, onRetag, onSaveNote, onSaveAttributes, onDelete, onClose, connections, speakerNames } = props;
  const headingId = useId();
  const tagId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noteRef = useRef<NoteFieldHandle>(null);
  // After an undo or redo the note field starts again from the stored note.
  const dataGeneration = useDataGeneration();
  const attributesRef = useRef<AttributeFieldsHandle>(null);
  const tag = tagLookup(codebook, selected.tagId);
  const Heading = level === 2 ? 'h2' : 'h3';
  const tagOptions = codebook.some((t) => t.id === selected.tagId) ? codebook : [...codebook, tag];

  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus, selected.id]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      void noteRef.current?.flush();
      void attributesRef.current?.flush();
      onClose();
    }
  };

  const remove = async () => {
    await noteRef.current?.flush();
    await attributesRef.current?.flush();
    await onDelete(selected.id);
  };

  return (
    <section className="annotation-panel" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="annotation-panel__head">
        <Heading id={headingId} ref={headingRef} tabIndex={-1} className="annotation-panel__title">
          Annotation
        </Heading>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close annotation panel" title="Close (Esc)">
          <span aria-hidden="true">×</span>
        </button>
      </div>

      {candidates.length > 1 ? (
        <div className="annotation-panel__choices" role="group" aria-label="Annotations at this place">
          <p className="annotation-panel__hint">{formatCount(candidates.length)} annotations overlap here. Show:</p>
          {candidates.map((a) => {
            const t = tagLookup(codebook, a.tagId);
            return (
              <button
                key={a.id}
                type="button"
                className="choice"
                aria-pressed={a.id === selected.id}
                onClick={() => onSelect(a.id)}
              >
                <TagChip tag={t} />
                <span className="visually-hidden">: </span>
                <span className="choice__text">{excerpt(a.exact, 60)}</span>
              </button>
            );
          })}
        </div>
      ) : null}

      <figure className="annotation-panel__quote" style={{ borderColor: tag.color }}>
        <figcaption>
          <TagChip tag={tag} />
          <span className="annotation-creator">by {selected.creator || 'unknown'}</span>
        </figcaption>
        <blockquote>{selected.exact}</blockquote>
      </figure>

      <div className="field">
        <label htmlFor={tagId}>Tag</label>
        <select
          id={tagId}
          value={selected.tagId}
          aria-describedby={tag.description ? `${tagId}-description` : undefined}
          onChange={(e) => onRetag(selected.id, e.target.value)}
        >
          {tagOptions.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {tag.description ? (
          <p id={`${tagId}-description`} className="field__hint">
            {tag.description}
          </p>
        ) : null}
      </div>

      <AttributeFields
        key={`${selected.id}:${selected.tagId}:${dataGeneration}`}
        ref={attributesRef}
        tag={tag}
        values={selected.attributes}
        save={(values) => onSaveAttributes(selected.id, values)}
        speakerNames={speakerNames}
      />

      {connections}

      <NoteField key={`${selected.id}:${dataGeneration}`} ref={noteRef} initial={selected.note} save={(note) => onSaveNote(selected.id, note)} />

      <div className="annotation-panel__actions">
        <button type="button" className="danger-button" onClick={() => void remove()}>
          Delete annotation
        </button>
      </div>
    </section>
  );
}
