/**
 * The header's export: "Export annotations…" opens the format menu, one
 * visible line per format saying which tools read it (W3C annotations, the
 * REFI-QDA .qdpx, the annotation table as CSV, the project file); choosing
 * one downloads it, and a status line (below the header, for a few seconds)
 * says what was written (see runExport.ts). Escape or a click elsewhere
 * closes the menu.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { downloadFile } from '../components/downloadFile';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMAT_READERS, EXPORT_FORMATS, runExport, type ExportFormat } from './runExport';
import { useReportError } from '../app/reportErrorContext';

const STATUS_MS = 8_000;

export function ExportButton() {
  const reportError = useReportError();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  // The status line shows for a while, then makes room again.
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [done]);

  // The menu takes the focus when it opens, and closes on a click outside it.
  useEffect(() => {
    if (!open) return;
    firstChoice.current?.focus();
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const run = async (format: ExportFormat) => {
    if (busy) return;
    close();
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
    <div className="export" ref={root}>
      <span className="export__status" role="status">
        {done}
      </span>
      <button
        ref={opener}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={() => setOpen(!open)}
      >
        Export<span className="header-button__long"> annotations</span>…
      </button>
      {open ? (
        <div
          id={menuId}
          className="export__menu"
          role="group"
          aria-label="Export format"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <ul className="export__choices">
            {EXPORT_FORMATS.map((format, i) => (
              <li key={format}>
                <button ref={i === 0 ? firstChoice : undefined} type="button" className="export__choice" onClick={() => void run(format)}>
                  <span className="export__choice-name">{EXPORT_FORMAT_LABELS[format]}</span>
                  <span className="export__choice-readers"> — {EXPORT_FORMAT_READERS[format]}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
