/**
 * "Import annotations…" in the header: takes a Triangulate project file (a
 * colleague's, say; merged by importProject) or a W3C annotation collection
 * (ours or another tool's; re-anchored by importW3C), then shows a report:
 * what was imported, the duplicates skipped, what could not be anchored and
 * why, and what was kept as the library had it (Escape closes it). A file that cannot be
 * imported changes nothing and the report says why.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ImportReport } from '../../shared/crossArticle/crossArticle';
import type { ProjectImportReport } from '../../shared/formats/project/projectFile';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';
import { getApi } from '../api/getApi';
import { announceDataChanged } from '../app/dataChanged';
import { errorMessage } from '../app/errorMessage';

type Outcome =
  | { file: string; kind: 'project'; report: ProjectImportReport }
  | { file: string; kind: 'w3c'; report: ImportReport }
  | { file: string; kind: 'failed'; reason: string };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function ImportAnnotationsButton() {
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    let next: Outcome;
    try {
      const read = readAnnotationFile(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) next = { file: file.name, kind: 'failed', reason: `${read.reason}; nothing was changed.` };
      else if (read.kind === 'project') {
        const report = await getApi().importProject({ project: read.value });
        const ids = (read.value as { articles?: { id?: unknown }[] }).articles?.map((a) => String(a.id)) ?? [];
        announceDataChanged({ articleIds: ids });
        next = { file: file.name, kind: 'project', report };
      } else {
        const report = await getApi().importW3C({ collection: read.value });
        announceDataChanged({ articleIds: [] });
        next = { file: file.name, kind: 'w3c', report };
      }
    } catch (err) {
      next = { file: file.name, kind: 'failed', reason: errorMessage('It could not be imported', err) };
    }
    setOutcome(next);
    setBusy(false);
  };

  /** Closes the report (Escape or its button) and gives the focus back to "Import annotations…". */
  const close = () => {
    setOutcome(null);
    opener.current?.focus();
  };

  // The report takes the focus when it opens, so a screen reader reads it and Tab reaches its button.
  useEffect(() => {
    if (outcome) heading.current?.focus();
  }, [outcome]);

  return (
    <div className="annotation-import">
      <button ref={opener} type="button" className="header-button" aria-busy={busy || undefined} onClick={() => input.current?.click()}>
        Import<span className="header-button__long"> annotations</span>…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json,application/ld+json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Annotation file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {outcome ? (
        <section
          className="annotation-import__report"
          role="dialog"
          aria-modal="false"
          aria-labelledby={headingId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <h2 id={headingId} ref={heading} tabIndex={-1} className="annotation-import__title">
            {outcome.kind === 'failed' ? `${outcome.file} was not imported` : `Imported from ${outcome.file}`}
          </h2>
          <OutcomeDetails outcome={outcome} />
          <button type="button" className="header-button" onClick={close}>
            Close report
          </button>
        </section>
      ) : null}
    </div>
  );
}

function OutcomeDetails({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'failed') return <p className="annotation-import__failure">{outcome.reason}</p>;
  const { report } = outcome;
  const lines: string[] = [];
  if (outcome.kind === 'project') lines.push(`${plural(outcome.report.articlesImported, 'new article')}, ${plural(outcome.report.tagsImported, 'new tag')}`);
  lines.push(`${plural(report.annotationsImported, 'annotation')} imported`);
  if (report.annotationsApproximate > 0) lines.push(`${report.annotationsApproximate} of them anchored where the text differs slightly from their quote`);
  lines.push(`${plural(report.annotationsSkipped, 'duplicate')} skipped (already in the library)`);
  lines.push(`${plural(report.groupsImported, 'group')} and ${plural(report.linksImported, 'source link')} imported`);
  const notes = outcome.kind === 'project' ? outcome.report.notes : [];
  const readNotes = outcome.kind === 'w3c' ? report.notes : [];
  const unknownTags = report.unknownTags;
  return (
    <>
      <div role="status">
        <ul className="annotation-import__counts">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      {report.problems.length > 0 ? (
        <>
          <h3 className="annotation-import__subtitle">Not imported ({report.problems.length})</h3>
          <ul className="annotation-import__problems">
            {report.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      {unknownTags.length > 0 ? (
        <>
          <h3 className="annotation-import__subtitle">Tags the codebook does not have ({unknownTags.length})</h3>
          <p>
            {unknownTags.map((t) => `“${t.name}” (${plural(t.items, 'item')})`).join(', ')}. Add them to the codebook, or name an existing tag
            for each with <code>npm run cli -- import-annotations --map-tag NAME=TAG</code>, and import the file again.
          </p>
        </>
      ) : null}
      {readNotes.length > 0 ? (
        <>
          <h3 className="annotation-import__subtitle">Notes ({readNotes.length})</h3>
          <ul className="annotation-import__problems">
            {readNotes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      {notes.length > 0 ? (
        <>
          <h3 className="annotation-import__subtitle">Kept as the library had it</h3>
          <ul className="annotation-import__problems">
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
