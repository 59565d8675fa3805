/** File name of a W3C export made on `date` (local calendar day). */
export function exportFileName(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `triangulate-annotations-${y}-${m}-${d}.json`;
}
