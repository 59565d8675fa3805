/** Saves a value as a pretty-printed JSON file through the browser's download. */
import { downloadFile } from './downloadFile';

export function downloadJson(value: unknown, fileName: string): void {
  downloadFile(`${JSON.stringify(value, null, 2)}\n`, fileName, 'application/json');
}
