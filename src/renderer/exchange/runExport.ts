/**
 * The four exports the header offers, each fetched through the API and
 * turned into a file to download:
 * - `w3c`: the W3C Web Annotation collection (exportW3C);
 * - `project`: Triangulate's complete project file (exportProject);
 * - `csv`: one row per annotation (exportCsv);
 * - `qdpx`: the REFI-QDA project exchange file (exportQdpx).
 */
import { getApi } from '../api/getApi';
import { exportFileName } from './exportFileName';
import { localDateStamp } from '../components/localDateStamp';
import { formatCount } from '../components/formatCount';

export type ExportFormat = 'w3c' | 'project' | 'csv' | 'qdpx';

/** The formats in the order the menu lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['w3c', 'qdpx', 'csv', 'project'];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  w3c: 'W3C Web Annotation (JSON)',
  qdpx: 'REFI-QDA (.qdpx)',
  csv: 'Table (CSV)',
  project: 'Project (JSON)',
};

/** Which tools read each format: the line the menu shows beside its name. */
export const EXPORT_FORMAT_READERS: Record<ExportFormat, string> = {
  w3c: 'Hypothesis, Recogito, INCEpTION',
  qdpx: 'MAXQDA, ATLAS.ti, NVivo, QualCoder',
  csv: 'R, pandas, spreadsheets',
  project: 'Triangulate: a colleague, a backup, another computer',
};

export interface ExportFile {
  content: string | Uint8Array<ArrayBuffer>;
  fileName: string;
  type: string;
  /** What was exported, for the status line. */
  summary: string;
}


export async function runExport(format: ExportFormat, date: Date): Promise<ExportFile> {
  const stamp = localDateStamp(date);
  if (format === 'w3c') {
    const collection = await getApi().exportW3C({});
    const fileName = exportFileName(date);
    return { content: `${JSON.stringify(collection, null, 2)}\n`, fileName, type: 'application/json', summary: `Saved ${fileName}: ${formatCount(collection.total, 'item')}` };
  }
  if (format === 'qdpx') {
    const { base64, articles, annotations } = await getApi().exportQdpx({});
    const fileName = `triangulate-project-${stamp}.qdpx`;
    const binary = atob(base64);
    const content = new Uint8Array(new ArrayBuffer(binary.length));
    for (let i = 0; i < binary.length; i++) content[i] = binary.charCodeAt(i);
    return { content, fileName, type: 'application/zip', summary: `Saved ${fileName}: ${formatCount(articles, 'article')}, ${formatCount(annotations, 'annotation')}` };
  }
  if (format === 'csv') {
    const { csv, annotations } = await getApi().exportCsv({});
    const fileName = `triangulate-annotations-${stamp}.csv`;
    return { content: csv, fileName, type: 'text/csv;charset=utf-8', summary: `Saved ${fileName}: ${formatCount(annotations, 'row')}` };
  }
  const project = await getApi().exportProject({});
  const annotations = project.articles.reduce((n, a) => n + a.annotations.length, 0);
  const fileName = `triangulate-project-${stamp}.json`;
  return {
    content: `${JSON.stringify(project, null, 2)}\n`,
    fileName,
    type: 'application/json',
    summary: `Saved ${fileName}: ${formatCount(project.articles.length, 'article')}, ${formatCount(annotations, 'annotation')}`,
  };
}
