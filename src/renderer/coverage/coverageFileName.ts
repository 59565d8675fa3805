import { localDateStamp } from '../components/localDateStamp';

/** File name of a coverage CSV made on `date` (local calendar day). */
export function coverageFileName(date: Date): string {
  return `triangulate-coverage-${localDateStamp(date)}.csv`;
}
