/**
 * What the screen's last export wrote ("Exported 12 rows to …"), said to
 * screen readers as it changes; empty until the first export.
 */
export function ExportStatus({ message }: { message: string }) {
  return (
    <span className="library__hint" role="status">
      {message}
    </span>
  );
}
