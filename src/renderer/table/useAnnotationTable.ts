/**
 * The annotation table's data: the query's total and its rows, fetched page
 * by page as the table scrolls to them (`want(from, to)`), so 100,000 rows
 * never load at once. A new query starts afresh; an undo or redo reloads.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationRow, AnnotationTableQuery } from '../../shared/search/annotationTable';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import { useReportError } from '../app/reportErrorContext';

export const TABLE_PAGE = 200;

export interface AnnotationTableData {
  /** Null until the first page arrived. */
  total: number | null;
  creators: string[];
  rowAt(index: number): AnnotationRow | undefined;
  /** Asks for the rows from..to (inclusive) to be loaded. */
  want(from: number, to: number): void;
}

export function useAnnotationTable(query: Omit<AnnotationTableQuery, 'offset' | 'limit'>): AnnotationTableData {
  const reportError = useReportError();
  const key = JSON.stringify(query);
  const [total, setTotal] = useState<number | null>(null);
  const [creators, setCreators] = useState<string[]>([]);
  const [pages, setPages] = useState<ReadonlyMap<number, AnnotationRow[]>>(new Map());
  const [generation, setGeneration] = useState(0);
  const asked = useRef(new Set<number>());
  const current = useRef({ key, generation });
  current.current = { key, generation };

  const load = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const stamp = { key, generation };
      getApi()
        .listAllAnnotations({ ...(JSON.parse(key) as AnnotationTableQuery), offset: page * TABLE_PAGE, limit: TABLE_PAGE })
        .then(
          (result) => {
            if (current.current.key !== stamp.key || current.current.generation !== stamp.generation) return;
            setTotal(result.total);
            setCreators(result.creators);
            setPages((map) => new Map(map).set(page, result.rows));
          },
          (err: unknown) => {
            asked.current.delete(page);
            reportError('Could not load the annotations', err);
          },
        );
    },
    [key, generation, reportError],
  );

  useEffect(() => {
    asked.current = new Set();
    setPages(new Map());
    load(0);
  }, [load]);

  useDataChanged(() => setGeneration((n) => n + 1));

  const want = useCallback(
    (from: number, to: number) => {
      for (let p = Math.floor(from / TABLE_PAGE); p <= Math.floor(Math.max(from, to) / TABLE_PAGE); p++) load(p);
    },
    [load],
  );
  const rowAt = (index: number) => pages.get(Math.floor(index / TABLE_PAGE))?.[index % TABLE_PAGE];
  return { total, creators, rowAt, want };
}
