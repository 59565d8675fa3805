/**
 * Who copies whom: one row and one column per article, by date. A cell says
 * what share of the row article's words appear, nearly verbatim, in the
 * column article (shaded by that share, the figure written). Clusters —
 * articles linked by pairs sharing at least half of either one's words,
 * like wire copy and syndicated rewrites — are numbered, their cells
 * outlined, and labelled by kind (clusterKind: wire copy, verbatim copy,
 * syndicated rewrite). Arrow keys (and Home / End) move between cells; Enter
 * opens the two articles side by side, scrolled to their longest shared
 * passage, where all their shared passages are highlighted.
 * The header row and first column stay in view while the table scrolls.
 * Above the matrix, the library's shared passages (LibraryAlignmentPanel):
 * aligning the whole library, with progress and Cancel.
 */
import { useMemo, type KeyboardEvent } from 'react';
import './copies.css';
import { excerpt } from '../components/excerpt';
import { copyPercent, copyShade } from './copyShade';
import { useCopyMatrix, type CopyMatrixResult } from './useCopyMatrix';
import { clusterKinds } from './clusterKind';
import { LibraryAlignmentPanel } from './LibraryAlignmentPanel';
import { ScreenHead } from '../components/ScreenHead';
import { LoadFailed } from '../components/LoadFailed';
import { formatCount } from '../components/formatCount';

export interface CopiesViewProps {
  onOpenPair: (articleIds: [string, string]) => void;
}

type Article = CopyMatrixResult['articles'][number];

function articleName(a: Article): string {
  return a.outlet || excerpt(a.title || a.id, 32);
}

/** share[row][col]: the share of row's words found in col. */
function shareTable(matrix: CopyMatrixResult): Float64Array[] {
  const n = matrix.articles.length;
  const table = Array.from({ length: n }, () => new Float64Array(n));
  for (const p of matrix.pairs) {
    table[p.a]![p.b] = p.aShare;
    table[p.b]![p.a] = p.bShare;
  }
  return table;
}

function moveFocus(event: KeyboardEvent<HTMLTableElement>, size: number): void {
  const target = event.target as HTMLElement;
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  if (!Number.isInteger(row) || !Number.isInteger(col)) return;
  const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  let next: [number, number] | null = null;
  if (event.key in step) {
    const [dr, dc] = step[event.key]!;
    let [r, c] = [row + dr, col + dc];
    if (r === c) [r, c] = [r + dr, c + dc]; // the diagonal has no cell to open
    if (r >= 0 && c >= 0 && r < size && c < size) next = [r, c];
  } else if (event.key === 'Home') next = [row, row === 0 ? 1 : 0];
  else if (event.key === 'End') next = [row, row === size - 1 ? size - 2 : size - 1];
  if (!next) return;
  event.preventDefault();
  event.currentTarget.querySelector<HTMLElement>(`[data-row="${next[0]}"][data-col="${next[1]}"]`)?.focus();
}

export function CopiesView({ onOpenPair }: CopiesViewProps) {
  const { matrix, failed, reload } = useCopyMatrix();
  const shares = useMemo(() => (matrix ? shareTable(matrix) : []), [matrix]);
  const kinds = useMemo(() => (matrix ? clusterKinds(matrix) : []), [matrix]);

  let body;
  if (matrix === null) {
    body = failed ? (
      <LoadFailed message="Who copies whom could not be worked out." onRetry={reload} />
    ) : (
      <p className="loading" role="status">
        Comparing the articles…
      </p>
    );
  } else if (matrix.articles.length < 2) {
    body = <p className="library__empty">Add at least two articles to the library to see which ones share text.</p>;
  } else {
    const { articles, clusters } = matrix;
    const size = articles.length;
    body = (
      <>
        <p className="copies__note" role="status">
          {matrix.considered > size
            ? `Showing the ${formatCount(size)} most connected of ${formatCount(matrix.considered, 'article')}, by date.`
            : `${formatCount(size, 'article')}, by date.`}{' '}
          {matrix.pairs.length === 0
            ? 'No two of them share a passage.'
            : `${formatCount(matrix.pairs.length, 'pair shares', 'pairs share')} text; ${formatCount(clusters.length, 'cluster')}.`}
        </p>
        {clusters.length > 0 ? (
          <ul className="copies__clusters" aria-label="Clusters">
            {clusters.map((members, c) => (
              <li key={c}>
                <span className="copies__badge">C{c + 1}</span> <strong className="copies__kind">{kinds[c]}</strong>:{' '}
                {members.map((k) => articleName(articles[k]!)).join(', ')}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="copies__scroll">
          <table className="copies__table" onKeyDown={(e) => moveFocus(e, size)}>
            <caption>
              Share of each row article&apos;s words found nearly verbatim in the column article; outlined cells are within
              a cluster (at least {Math.round(matrix.clusterAt * 100)}% of either article shared). A cluster is wire copy when its
              pairs share 80% or more on average across three or more outlets, a verbatim copy at 80% between fewer outlets, and a
              syndicated rewrite below 80%.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="copies__corner">
                  Share of the row article’s words found in the column article
                </th>
                {articles.map((a) => (
                  <th key={a.id} scope="col" title={a.title}>
                    <span className="copies__name">{articleName(a)}</span>
                    {a.date ? <span className="copies__date">{a.date}</span> : null}
                    {a.cluster !== null ? <span className="copies__badge">C{a.cluster + 1}</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {articles.map((row, r) => (
                <tr key={row.id}>
                  <th scope="row" className="copies__row-head" title={row.title}>
                    <span className="copies__name">{articleName(row)}</span>
                    {row.date ? <span className="copies__date">{row.date}</span> : null}
                    {row.cluster !== null ? <span className="copies__badge">C{row.cluster + 1}</span> : null}
                  </th>
                  {articles.map((col, c) => {
                    if (r === c)
                      return (
                        <td key={col.id} className="copies__cell copies__cell--self">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">same article</span>
                        </td>
                      );
                    const share = shares[r]![c]!;
                    const clustered = row.cluster !== null && row.cluster === col.cluster;
                    return (
                      <td key={col.id} className={`copies__cell copies__cell--shade-${copyShade(share)}${clustered ? ' copies__cell--cluster' : ''}`}>
                        <button
                          type="button"
                          className="copies__cell-button"
                          data-row={r}
                          data-col={c}
                          aria-label={`${copyPercent(share)} of ${articleName(row)} (${row.date ?? 'undated'}) is found in ${articleName(col)} (${col.date ?? 'undated'})${clustered ? `, cluster C${row.cluster! + 1}` : ''}. Open both side by side.`}
                          title={`${copyPercent(share)} of “${row.title}” is in “${col.title}”`}
                          onClick={() => onOpenPair([row.id, col.id])}
                        >
                          {copyPercent(share)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <div className="copies">
      <ScreenHead title="Who copies whom">
        How much of each article appears, word for word or nearly, in each other one. Arrow keys move between cells;
        Enter opens the two articles side by side at their longest shared passage.
      </ScreenHead>
      <LibraryAlignmentPanel />
      {body}
    </div>
  );
}
