/**
 * "Import annotations…" in the header: takes a Triangulate project file (a
 * colleague's, say; merged by importProject), a REFI-QDA .qdpx (MAXQDA,
 * ATLAS.ti, NVivo, QualCoder; importQdpx) or a W3C annotation collection
 * (ours or another tool's; re-anchored by importW3C). A dry run first: when
 * the file names tags the codebook does not have, they are listed, each to
 * map onto a codebook tag, create, or leave out (ImportTagChoices), and
 * nothing is stored until the researcher confirms. Then a report: what was
 * imported, the duplicates skipped, what could not come in or was left out
 * and why, and what was kept as the library had it (Escape closes it). A
 * file that cannot be imported changes nothing and the report says why.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { announceDataChanged } from '../app/dataChanged';
import { errorMessage } from '../app/errorMessage';
import { announceCodebook } from '../data/announceCodebook';
import { readImportSource, runAnnotationImport, type ImportResult, type ImportSource } from './annotationImport';
import { ImportTagChoices } from './ImportTagChoices';
import { tagChoiceOptions, type TagChoice } from './tagChoiceOptions';
import { formatCount } from '../components/formatCount';

type Outcome = ({ file: string } & ImportResult) | { file: string; kind: 'failed'; reason: string };

/** The mapping step: what the dry run found, and the codebook to map onto. */
interface Pending {
  source: ImportSource;
  preview: ImportResult;
  codebook: readonly Tag[];
}


export function ImportAnnotationsButton() {
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const finish = async (source: ImportSource, choices: ReadonlyMap<string, TagChoice>) => {
    let next: Outcome;
    try {
      const result = await runAnnotationImport(source, tagChoiceOptions(choices), false);
      const ids = source.kind === 'project' ? ((source.value as { articles?: { id?: unknown }[] }).articles?.map((a) => String(a.id)) ?? []) : [];
      announceDataChanged({ articleIds: ids });
      if (result.report.tagsCreated.length > 0) announceCodebook(await getApi().getCodebook({}));
      next = { file: source.file, ...result };
    } catch (err) {
      next = { file: source.file, kind: 'failed', reason: errorMessage('It could not be imported', err) };
    }
    setPending(null);
    setOutcome(next);
  };

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    setPending(null);
    try {
      const source = await readImportSource(file);
      if ('failed' in source) {
        setOutcome({ file: file.name, kind: 'failed', reason: source.failed });
        return;
      }
      // A dry run: nothing is stored until the tags the codebook lacks are settled.
      const preview = await runAnnotationImport(source, {}, true);
      if (preview.report.unknownTags.length > 0) setPending({ source, preview, codebook: await getApi().getCodebook({}) });
      else await finish(source, new Map());
    } catch (err) {
      setOutcome({ file: file.name, kind: 'failed', reason: errorMessage('It could not be imported', err) });
    } finally {
      setBusy(false);
    }
  };

  /** Closes the report or the mapping step (Escape or its button) and gives the focus back to "Import annotations…". */
  const close = () => {
    setOutcome(null);
    setPending(null);
    opener.current?.focus();
  };

  // The report (or the mapping step) takes the focus when it opens, so a screen reader reads it and Tab reaches its buttons.
  useEffect(() => {
    if (outcome || pending) heading.current?.focus();
  }, [outcome, pending]);

  return (
    <div className="annotation-import">
      <button ref={opener} type="button" className="header-button" aria-busy={busy || undefined} onClick={() => input.current?.click()}>
        Import<span className="header-button__long"> annotations</span>…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,.qdpx,.csv,application/json,application/ld+json,application/zip,text/csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Annotation file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {pending ? (
        <ReportPanel headingId={headingId} headingRef={heading} title={`Tags in ${pending.source.file} that the codebook does not have`} onClose={close}>
          <ImportTagChoices
            unknownTags={pending.preview.report.unknownTags}
            codebook={pending.codebook}
            busy={busy}
            onCancel={close}
            onConfirm={(choices) => {
              setBusy(true);
              void finish(pending.source, choices).finally(() => setBusy(false));
            }}
          />
        </ReportPanel>
      ) : null}
      {outcome ? (
        <ReportPanel
          headingId={headingId}
          headingRef={heading}
          title={outcome.kind === 'failed' ? `${outcome.file} was not imported` : `Imported from ${outcome.file}`}
          onClose={close}
        >
          <OutcomeDetails outcome={outcome} />
          <button type="button" className="header-button" onClick={close}>
            Close report
          </button>
        </ReportPanel>
      ) : null}
    </div>
  );
}

interface ReportPanelProps {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** The report beside the header (not modal): its heading takes the focus; Escape closes it. */
function ReportPanel({ headingId, headingRef, title, onClose, children }: ReportPanelProps) {
  return (
    <section
      className="annotation-import__report"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="annotation-import__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A titled list of the import's notes; nothing when there are none. */
function NoteList({ title, notes }: { title: string; notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <>
      <h3 className="annotation-import__subtitle">{title}</h3>
      <ul className="annotation-import__problems">
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </>
  );
}

function OutcomeDetails({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'failed') return <p className="annotation-import__failure">{outcome.reason}</p>;
  const { report } = outcome;
  const lines: string[] = [];
  if (outcome.kind !== 'w3c') lines.push(`${formatCount(outcome.report.articlesImported, 'new article')}, ${formatCount(outcome.report.tagsImported, 'new tag')}`);
  else if (report.tagsCreated.length > 0) lines.push(`${formatCount(report.tagsCreated.length, 'new tag')}: ${report.tagsCreated.join(', ')}`);
  lines.push(`${formatCount(report.annotationsImported, 'annotation')} imported`);
  if (report.annotationsApproximate > 0) lines.push(`${report.annotationsApproximate} of them anchored where the text differs slightly from their quote`);
  lines.push(`${formatCount(report.annotationsSkipped, 'duplicate')} skipped (already in the library)`);
  lines.push(`${formatCount(report.groupsImported, 'group')} and ${formatCount(report.linksImported, 'source link')} imported`);
  const corrections = outcome.kind !== 'w3c' ? (outcome.report.entityCorrectionsImported ?? 0) : 0;
  if (corrections > 0) lines.push(`${formatCount(corrections, 'correction')} of the people index (merges, renames, kinds, splits) added`);
  const notes = outcome.kind !== 'w3c' ? outcome.report.notes : [];
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
          <h3 className="annotation-import__subtitle">Not imported or left out ({formatCount(report.problems.length)})</h3>
          <ul className="annotation-import__problems">
            {report.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      {unknownTags.length > 0 ? (
        <>
          <h3 className="annotation-import__subtitle">Tags left out ({formatCount(unknownTags.length)})</h3>
          <p>
            {unknownTags.map((t) => `“${t.name}” (${formatCount(t.items, 'item')})`).join(', ')}: neither mapped onto the codebook nor created, so their
            items were not imported. Import the file again to map or create them.
          </p>
        </>
      ) : null}
      <NoteList title={`Notes (${formatCount(readNotes.length)})`} notes={readNotes} />
      <NoteList title="Kept as the library had it" notes={notes} />
    </>
  );
}
