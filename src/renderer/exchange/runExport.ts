/**
 * The three exports the header offers, each fetched through the API and
 * turned into a file to download:
 * - `w3c`: the W3C Web Annotation collection (exportW3C);
 * - `project`: Triangulate's complete project file (exportProject);
 * - `csv`: one row per annotation (exportCsv).
 */
import { getApi } from '../api/getApi';
import { exportFileName } from './exportFileName';
import { localDateStamp } from '../components/localDateStamp';

export type ExportFormat = 'w3c' | 'project' | 'csv';

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  w3c: 'W3C (JSON)',
  project: 'Project (JSON)',
  csv: 'Table (CSV)',
};

export interface ExportFile {
  content: string;
  fileName: string;
  type: string;
  /** What was exported, for the status line. */
  summary: string;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export async function runExport(format: ExportFormat, date: Date): Promise<ExportFile> {
  const stamp = localDateStamp(date);
  if (format === 'w3c') {
    const collection = await getApi().exportW3C({});
    const fileName = exportFileName(date);
    return { content: `${JSON.stringify(collection, null, 2)}\n`, fileName, type: 'application/json', summary: `Saved ${fileName}: ${plural(collection.total, 'item')}` };
  }
  if (format === 'csv') {
    const { csv, annotations } = await getApi().exportCsv({});
    const fileName = `triangulate-annotations-${stamp}.csv`;
    return { content: csv, fileName, type: 'text/csv;charset=utf-8', summary: `Saved ${fileName}: ${plural(annotations, 'row')}` };
  }
  const project = await getApi().exportProject({});
  const annotations = project.articles.reduce((n, a) => n + a.annotations.length, 0);
  const fileName = `triangulate-project-${stamp}.json`;
  return {
    content: `${JSON.stringify(project, null, 2)}\n`,
    fileName,
    type: 'application/json',
    summary: `Saved ${fileName}: ${plural(project.articles.length, 'article')}, ${plural(annotations, 'annotation')}`,
  };
}
