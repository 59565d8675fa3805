/**
 * The Codebook screen: every tag in order, with its colour, key, description,
 * attributes and how many annotations use it. "New tag" and "Edit" open the
 * tag's form (TagEditor); "Up" / "Down" reorder (the focus stays on the moved
 * tag); "Delete" asks what becomes of its annotations (DeleteTagDialog).
 * "Export codebook" downloads the codebook file a team shares; "Import
 * codebook…" merges one in (see mergeCodebooks.ts): the file's tags come
 * first and replace yours with the same id, yours that it lacks are kept.
 * Every change goes through the API and is announced to the other screens.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../shared/contract/apiError';
import { toCodebookFile } from '../../shared/formats/codebookFile';
import type { Tag } from '../../shared/model/model';
import { announceCodebook } from '../data/announceCodebook';
import { getApi } from '../api/getApi';
import { DeleteTagDialog, type TagDeletion } from './DeleteTagDialog';
import { downloadJson } from '../components/downloadJson';
import { errorMessage } from '../app/errorMessage';
import { localDateStamp } from '../components/localDateStamp';
import { useReportError } from '../app/reportErrorContext';
import { TagEditor } from './TagEditor';
import { draftFromTag, newTagDraft, type tagFromDraft } from './tagDraft';
import { TagRow } from './TagRow';
import { useTagUsage } from '../data/useTagUsage';
import { formatCount } from '../components/formatCount';

export interface CodebookViewProps {
  codebook: readonly Tag[];
}

/** Focuses the first element matching `selector` once React has drawn the change. */
const focusSoon = (selector: string) =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());

export function CodebookView({ codebook }: CodebookViewProps) {
  const reportError = useReportError();
  const { usage, reload: reloadUsage } = useTagUsage();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const [status, setStatus] = useState('');
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const save = async (tag: ReturnType<typeof tagFromDraft>): Promise<string | null> => {
    try {
      const result = await getApi().saveTag({ tag });
      announceCodebook(result.codebook);
      setEditing(null);
      setStatus(`Saved “${result.tag.name}”.`);
      focusSoon(`[data-edit="${CSS.escape(result.tag.id)}"]`);
      return null;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_input') return err.message;
      reportError('Could not save the tag', err);
      return errorMessage('Not saved', err);
    }
  };

  const move = async (tag: Tag, direction: -1 | 1) => {
    const ids = codebook.map((t) => t.id);
    const at = ids.indexOf(tag.id);
    const to = at + direction;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    try {
      const result = await getApi().reorderTags({ ids });
      announceCodebook(result.codebook);
      setStatus(`Moved “${tag.name}” ${direction < 0 ? 'up' : 'down'}: now ${to + 1} of ${ids.length}.`);
      // Keep the focus on the moved tag: the same button, or the other one at the top or bottom.
      const same = direction < 0 ? 'up' : 'down';
      const other = direction < 0 ? 'down' : 'up';
      const atEdge = direction < 0 ? to === 0 : to === ids.length - 1;
      focusSoon(`[data-tag="${CSS.escape(tag.id)}"][data-move="${atEdge ? other : same}"]`);
    } catch (err) {
      reportError('Could not reorder the tags', err);
    }
  };

  const remove = async (tag: Tag, annotations: TagDeletion) => {
    try {
      const result = await getApi().deleteTag({ id: tag.id, annotations });
      announceCodebook(result.codebook);
      setDeleting(null);
      reloadUsage();
      const target = typeof annotations === 'object' ? codebook.find((t) => t.id === annotations.moveTo)?.name : null;
      const what =
        result.moved > 0 ? `; ${result.moved} annotation${result.moved === 1 ? '' : 's'} moved to “${target}”` : result.deleted > 0 ? `; ${result.deleted} annotation${result.deleted === 1 ? '' : 's'} deleted` : '';
      setStatus(`Deleted “${tag.name}”${what}.`);
      focusSoon('.codebook__new');
    } catch (err) {
      reportError('Could not delete the tag', err);
    }
  };

  const exportCodebook = () => {
    const now = new Date();
    const name = `triangulate-codebook-${localDateStamp(now)}.json`;
    downloadJson(toCodebookFile(codebook, now.toISOString()), name);
    setStatus(`Exported ${formatCount(codebook.length, 'tag')} to ${name}.`);
  };

  const importCodebook = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportProblem(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setImportProblem(`${file.name} is not a JSON file; nothing was imported.`);
      return;
    }
    try {
      const result = await getApi().importCodebook({ file: parsed });
      announceCodebook(result.codebook);
      reloadUsage();
      setStatus(`Imported ${file.name}: ${formatCount(result.added, 'tag')} added, ${formatCount(result.updated)} updated, ${formatCount(result.kept)} of yours kept.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_input') setImportProblem(`${err.message} Nothing was imported.`);
      else reportError('Could not import the codebook', err);
    }
  };

  const usageOf = (tag: Tag) => (usage ? (usage.get(tag.id) ?? { annotations: 0, articles: 0 }) : null);

  return (
    <div className="codebook">
      <div className="codebook__head">
        <h1>Codebook</h1>
        <div className="codebook__actions">
          <button type="button" className="primary-button codebook__new" disabled={editing === 'new'} onClick={() => setEditing('new')}>
            New tag
          </button>
          <button type="button" className="secondary-button" onClick={exportCodebook} disabled={codebook.length === 0}>
            Export codebook
          </button>
          <button type="button" className="secondary-button" onClick={() => fileRef.current?.click()} aria-describedby="codebook-import-hint">
            Import codebook…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Codebook file to import"
            onChange={(e) => void importCodebook(e)}
          />
        </div>
      </div>
      <p className="codebook__intro">
        The tags annotators use, in the order the toolbar shows them. Keys 1–9 tag a selected passage in the reader. Changes
        apply to every article.
      </p>
      <p id="codebook-import-hint" className="field__hint">
        Importing merges a shared codebook into yours: its tags come first and replace yours with the same id; your tags it
        does not have are kept (giving up a key it uses), so no annotation loses its tag.
      </p>
      {importProblem ? (
        <p className="form-problem" role="alert">
          {importProblem}
        </p>
      ) : null}
      <p className="codebook__status" role="status">
        {status}
      </p>

      {editing === 'new' ? (
        <TagEditor
          initial={newTagDraft(codebook)}
          codebook={codebook}
          onSave={save}
          onCancel={() => {
            setEditing(null);
            focusSoon('.codebook__new');
          }}
        />
      ) : null}

      {codebook.length === 0 ? (
        <p className="loading" role="status">
          Loading the codebook…
        </p>
      ) : null}
      <ol className="codebook__tags" aria-label="Tags">
        {codebook.map((tag, i) => (
          <li key={tag.id}>
            {editing === tag.id ? (
              <TagEditor
                initial={draftFromTag(tag)}
                codebook={codebook}
                onSave={save}
                onCancel={() => {
                  setEditing(null);
                  focusSoon(`[data-edit="${CSS.escape(tag.id)}"]`);
                }}
              />
            ) : (
              <TagRow
                tag={tag}
                first={i === 0}
                last={i === codebook.length - 1}
                count={usageOf(tag)?.annotations ?? null}
                onMove={(direction) => void move(tag, direction)}
                onEdit={() => setEditing(tag.id)}
                onDelete={() => {
                  // Counted afresh: the dialog must not say "unused" of a tag annotated meanwhile.
                  reloadUsage();
                  setDeleting(tag);
                }}
              />
            )}
          </li>
        ))}
      </ol>

      {deleting ? (
        <DeleteTagDialog
          tag={deleting}
          codebook={codebook}
          usage={usageOf(deleting)}
          onConfirm={(annotations) => remove(deleting, annotations)}
          onClose={() => {
            const id = deleting.id;
            setDeleting(null);
            focusSoon(`[data-edit="${CSS.escape(id)}"]`);
          }}
        />
      ) : null}
    </div>
  );
}
