/**
 * Saves text (or bytes) as a file through the browser's download: a Blob URL on an
 * `<a download>`. Works in a browser tab and in Electron alike.
 */
export function downloadFile(content: string | Uint8Array<ArrayBuffer>, fileName: string, type: string): void {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
