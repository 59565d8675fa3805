/**
 * The header's export: the user picks a format (W3C annotations, the
 * project file, the annotation table as CSV, or a REFI-QDA .qdpx), told in
 * one line which tools read it, and downloads it; a status
 * line (below the header, for a few seconds) says what was written (see runExport.ts).
 */
import { useEffect, useId, useState } from 'react';
import { downloadFile } from '../components/downloadFile';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMAT_READERS, runExport, type ExportFormat } from './runExport';
import { useReportError } from '../app/reportErrorContext';

const STATUS_MS = 8_000;

export function ExportButton() {
  const reportError = useReportError();
  const selectId = useId();
  const hintId = useId();
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  // The status line shows for a while, then makes room again.
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [done]);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setDone('');
    try {
      const file = await runExport(format, new Date());
      downloadFile(file.content, file.fileName, file.type);
      setDone(file.summary);
    } catch (err) {
      reportError('Could not export the annotations', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <span className="export__status" role="status">
        {done}
      </span>
      <label className="visually-hidden" htmlFor={selectId}>
        Export format
      </label>
      <select id={selectId} className="export__format" value={format} aria-describedby={hintId} title={EXPORT_FORMAT_READERS[format]} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {(Object.keys(EXPORT_FORMAT_LABELS) as ExportFormat[]).map((f) => (
          <option key={f} value={f}>
            {EXPORT_FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <span id={hintId} className="visually-hidden">
        {EXPORT_FORMAT_READERS[format]}
      </span>
      <button type="button" className="header-button" onClick={() => void run()} aria-busy={busy || undefined}>
        Export<span className="header-button__long"> annotations</span>
      </button>
    </div>
  );
}
