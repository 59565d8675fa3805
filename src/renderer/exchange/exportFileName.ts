import { localDateStamp } from '../components/localDateStamp';

/** File name of a W3C export made on `date` (local calendar day). */
export function exportFileName(date: Date): string {
  return `triangulate-annotations-${localDateStamp(date)}.json`;
}
