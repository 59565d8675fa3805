/**
 * The coverage matrix: one row per group (a quote or claim followed across
 * articles) or, with Rows set to single annotations, per Quote or Claim
 * annotation; one column per article. A present cell shows the wording, the
 * credit and the drift from the row's reference, and opens the reader at
 * that annotation; an absent one says "not carried". Filters by tag, by
 * speaker and by outlet (coverageFilter). Sortable by label, by how many
 * articles carry the row, or by whether one article carries it (the header
 * buttons; `aria-sort` on the sorted one). The header row and the label
 * column stay in view while the table scrolls. "Export coverage CSV"
 * downloads the rows shown as triangulate-coverage-YYYY-MM-DD.csv. Each
 * grouped row's "Drift" opens the group's quote drift.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { coverageCsv } from '../../shared/formats/csv/coverageCsv';
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import type { Tag } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { CoverageCellButtons } from './CoverageCellButtons';
import { coverageFileName } from './coverageFileName';
import {
  ariaSort,
  articleCount,
  DEFAULT_COVERAGE_SORT,
  nextCoverageSort,
  sortCoverageRows,
  type CoverageSort,
  type CoverageSortKey,
} from './coverageSort';
import { downloadFile } from '../components/downloadFile';
import { excerpt } from '../components/excerpt';
import { useReportError } from '../app/reportErrorContext';
import { useCoverage, type CoverageRows } from './useCoverage';
import { coverageFilterChoices, filterCoverage, isFiltered, NO_COVERAGE_FILTER, type CoverageFilter } from './coverageFilter';
import { tagLookup } from '../data/tagLookup';
import { ExportStatus } from '../components/ExportStatus';
import { ScreenHead } from '../components/ScreenHead';
import { LoadFailed } from '../components/LoadFailed';
import { formatCount } from '../components/formatCount';

export interface CoverageViewProps {
  codebook: readonly Tag[];
  onOpenAnnotation: (articleId: string, annotationId: string) => void;
  /** Opens a group's quote drift. */
  onOpenDrift?: (groupId: string) => void;
  /** Opens the attribution ledger. */
  onOpenLedger?: () => void;
}

type Column = CoverageMatrix['articles'][number];

function columnName(a: Column): string {
  return a.outlet || excerpt(a.title || a.id, 40);
}

export function CoverageView({ codebook, onOpenAnnotation, onOpenDrift, onOpenLedger }: CoverageViewProps) {
  const reportError = useReportError();
  const [rowsOf, setRowsOf] = useState<CoverageRows>('groups');
  const [filter, setFilter] = useState<CoverageFilter>(NO_COVERAGE_FILTER);
  const { matrix: fullMatrix, failed, reload } = useCoverage(rowsOf);
  const matrix = useMemo(() => (fullMatrix ? filterCoverage(fullMatrix, filter) : null), [fullMatrix, filter]);
  const choices = useMemo(() => (fullMatrix ? coverageFilterChoices(fullMatrix) : { tagIds: [], speakers: [], outlets: [] }), [fullMatrix]);
  const filtersId = useId();
  const [sort, setSort] = useState<CoverageSort>(DEFAULT_COVERAGE_SORT);
  const [exported, setExported] = useState('');
  const [busy, setBusy] = useState(false);

  const exportCsv = async () => {
    if (busy) return;
    setBusy(true);
    setExported('');
    try {
      const fresh = filterCoverage(await getApi().getCoverage({ rows: rowsOf }), filter);
      const name = coverageFileName(new Date());
      downloadFile(coverageCsv(fresh), name, 'text/csv;charset=utf-8');
      const noun = rowsOf === 'groups' ? 'group' : 'annotation';
      setExported(`Exported ${formatCount(fresh.rows.length, noun)} to ${name}`);
    } catch (err) {
      reportError('Could not export the coverage', err);
    } finally {
      setBusy(false);
    }
  };

  // An empty matrix has nothing to export: the button says why instead of writing a CSV of no rows.
  const nothingToExport =
    matrix === null || matrix.rows.length > 0
      ? null
      : fullMatrix?.rows.length === 0
        ? `Nothing to export: no ${rowsOf === 'groups' ? 'groups' : 'Quote or Claim annotations'} yet.`
        : 'Nothing to export: no rows match the filters.';

  const header = (key: CoverageSortKey, content: ReactNode, title?: string) => {
    const state = ariaSort(sort, key);
    return (
      <button type="button" className="sort-button" title={title} onClick={() => setSort((s) => nextCoverageSort(s, key))}>
        {content}
        <span className={`sort-button__arrow sort-button__arrow--${state}`} aria-hidden="true" />
      </button>
    );
  };

  let body;
  if (matrix === null) {
    body = failed ? (
      <LoadFailed message="The coverage matrix could not be built." onRetry={reload} />
    ) : (
      <p className="loading" role="status">
        Building the coverage matrix…
      </p>
    );
  } else if (fullMatrix?.rows.length === 0) {
    body = (
      <p className="library__empty">
        {rowsOf === 'groups'
          ? 'No groups yet. In Side by side, accept a shared passage as a group, or select annotations in several columns and link them.'
          : 'No Quote or Claim annotations yet.'}
      </p>
    );
  } else if (matrix.rows.length === 0) {
    body = <p className="library__empty">No rows match the filters.</p>;
  } else {
    const rows = sortCoverageRows(matrix.rows, sort);
    const total = matrix.articles.length;
    body = (
      <div className="coverage__scroll">
        <table className="coverage__table report-table">
          <caption>Coverage matrix</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort(sort, { by: 'label' })} className="coverage__label-col">
                {header({ by: 'label' }, rowsOf === 'groups' ? 'Group' : 'Annotation')}
              </th>
              <th scope="col" aria-sort={ariaSort(sort, { by: 'count' })} className="coverage__count-col">
                {header({ by: 'count' }, 'Articles')}
              </th>
              {matrix.articles.map((a) => (
                <th key={a.id} scope="col" aria-sort={ariaSort(sort, { by: 'article', articleId: a.id })}>
                  {header(
                    { by: 'article', articleId: a.id },
                    <span className="coverage__article">
                      <span className="coverage__article-name">{columnName(a)}</span>
                      {a.date ? <span className="coverage__article-date">{a.date}</span> : null}
                    </span>,
                    a.title,
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.annotation ? `${row.annotation.articleId}/${row.annotation.annotationId}` : row.groupId}>
                <th scope="row" className="coverage__label">
                  {row.label || (row.annotation ? 'Untitled annotation' : 'Untitled group')}
                  {row.annotation ? <span className="coverage__label-tag">{tagLookup(codebook, row.annotation.tagId).name}</span> : null}
                </th>
                <td className="coverage__count">
                  {formatCount(articleCount(row))} of {formatCount(total)}
                  {onOpenDrift && row.groupId && articleCount(row) > 0 ? (
                    <button
                      type="button"
                      className="link-button coverage__drift"
                      aria-label={`Quote drift of “${row.label || 'Untitled group'}”`}
                      onClick={() => onOpenDrift(row.groupId)}
                    >
                      Drift
                    </button>
                  ) : null}
                </td>
                {matrix.articles.map((a) => {
                  const cells = row.cells[a.id] ?? [];
                  return (
                    <td key={a.id} className={cells.length > 0 ? 'coverage__cell coverage__cell--present' : 'coverage__cell'}>
                      {cells.length > 0 ? (
                        <CoverageCellButtons
                          cells={cells}
                          codebook={codebook}
                          onOpen={(id) => onOpenAnnotation(a.id, id)}
                          ownAnnotationId={row.annotation?.articleId === a.id ? row.annotation.annotationId : undefined}
                        />
                      ) : (
                        <span className="coverage__absent">not carried</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="coverage">
      <ScreenHead
        title="Coverage"
        actions={
          <div className="library__compare">
            <ExportStatus message={exported} />
            {onOpenLedger ? (
              <button type="button" className="secondary-button" onClick={onOpenLedger}>
                Attribution ledger
              </button>
            ) : null}
            <button
              type="button"
              className="primary-button"
              onClick={() => void exportCsv()}
              aria-busy={busy || undefined}
              disabled={nothingToExport !== null}
              title={nothingToExport ?? undefined}
              aria-describedby={nothingToExport ? `${filtersId}-nothing` : undefined}
            >
              Export coverage CSV
            </button>
            {nothingToExport ? (
              <span id={`${filtersId}-nothing`} className="visually-hidden">
                {nothingToExport}
              </span>
            ) : null}
          </div>
        }
      >
        Which article carries which quote or claim. Sort by a column header; open a cell to read it in place.
      </ScreenHead>
      {
        <search className="library-filters coverage__filters" aria-label="Filter the coverage matrix">
          <label className="library-filters__field">
            <span>Rows</span>
            <select
              value={rowsOf}
              onChange={(e) => {
                setRowsOf(e.target.value as CoverageRows);
                setFilter(NO_COVERAGE_FILTER);
                setSort(DEFAULT_COVERAGE_SORT);
              }}
            >
              <option value="groups">Groups</option>
              <option value="annotations">Single quotes and claims</option>
            </select>
          </label>
          <label className="library-filters__field">
            <span>Tag</span>
            <select value={filter.tagId ?? ''} onChange={(e) => setFilter({ ...filter, tagId: e.target.value || null })}>
              <option value="">All tags</option>
              {choices.tagIds.map((id) => (
                <option key={id} value={id}>
                  {tagLookup(codebook, id).name}
                </option>
              ))}
            </select>
          </label>
          <label className="library-filters__field">
            <span>Speaker</span>
            <select value={filter.speaker ?? ''} onChange={(e) => setFilter({ ...filter, speaker: e.target.value || null })}>
              <option value="">Anyone</option>
              {choices.speakers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="library-filters__field">
            <span>Outlet</span>
            <select value={filter.outlet ?? ''} onChange={(e) => setFilter({ ...filter, outlet: e.target.value || null })}>
              <option value="">All outlets</option>
              {choices.outlets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <p className="library-filters__count" id={`${filtersId}-count`} role="status">
            {matrix && fullMatrix && isFiltered(filter)
              ? `${formatCount(matrix.rows.length)} of ${formatCount(fullMatrix.rows.length)} rows, ${formatCount(matrix.articles.length)} of ${formatCount(fullMatrix.articles.length)} articles`
              : ''}
          </p>
          {isFiltered(filter) ? (
            <button type="button" className="secondary-button" onClick={() => setFilter(NO_COVERAGE_FILTER)}>
              Clear filters
            </button>
          ) : null}
        </search>
      }
      {body}
    </div>
  );
}
