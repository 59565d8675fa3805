/**
 * "Export annotations": fetches every annotation as a W3C Web Annotation
 * collection and downloads it as triangulate-annotations-YYYY-MM-DD.json.
 */
import { useState } from 'react';
import { getApi } from './api/getApi';
import { downloadJson } from './downloadJson';
import { exportFileName } from './exportFileName';
import { useReportError } from './reportErrorContext';

export function ExportButton() {
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setDone('');
    try {
      const collection = await getApi().exportW3C({});
      const name = exportFileName(new Date());
      downloadJson(collection, name);
      setDone(`Exported ${collection.total} annotation${collection.total === 1 ? '' : 's'} to ${name}`);
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
      <button type="button" className="header-button" onClick={() => void run()} aria-busy={busy || undefined}>
        Export annotations
      </button>
    </div>
  );
}
