/**
 * The attribution ledger (issue 18): for every quote group, whom each
 * article credits — speaker, channel, the Source linked by hand — with
 * flags for no credit at all and for a secondary outlet credited (see
 * shared/crossArticle/attributionLedger). Sortable by any column head;
 * "Export ledger CSV". The articles' texts are read here (only those that
 * carry a group) and the quote detector runs over them in the window.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { attributionLedger, type LedgerRow } from '../../shared/crossArticle/attributionLedger';
import { attributionLedgerCsv } from '../../shared/formats/csv/attributionLedgerCsv';
import { getApi } from '../api/getApi';
import { useReportError } from '../app/reportErrorContext';
import { downloadFile } from '../components/downloadFile';
import { localDateStamp } from '../components/localDateStamp';
import { useCoverageMatrix } from './useCoverageMatrix';
import { ExportStatus } from '../components/ExportStatus';
import { ScreenHead } from '../components/ScreenHead';
import { formatCount } from '../components/formatCount';

type SortKey = 'label' | 'outlet' | 'date' | 'speaker' | 'channel' | 'flag';

export interface AttributionLedgerViewProps {
  onOpenAnnotation: (articleId: string, annotationId: string) => void;
  onBack: () => void;
}

function flagOf(r: LedgerRow): string {
  if (r.noCredit) return 'No credit';
  if (r.secondaryOutlet) return 'Credits another outlet';
  return '';
}

function valueOf(r: LedgerRow, key: SortKey): string {
  switch (key) {
    case 'label':
      return r.label;
    case 'outlet':
      return r.outlet ?? r.title;
    case 'date':
      return r.date ?? '';
    case 'speaker':
      return r.speaker ?? '';
    case 'channel':
      return r.channel ?? '';
    case 'flag':
      return flagOf(r);
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function AttributionLedgerView({ onOpenAnnotation, onBack }: AttributionLedgerViewProps) {
  const reportError = useReportError();
  const { matrix, failed } = useCoverageMatrix();
  const [rows, setRows] = useState<LedgerRow[] | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const [exported, setExported] = useState('');

  useEffect(() => {
    if (!matrix) return;
    let live = true;
    const ids = matrix.articles.filter((a) => matrix.rows.some((r) => (r.cells[a.id]?.length ?? 0) > 0)).map((a) => a.id);
    Promise.all(ids.map(async (id) => [id, (await getApi().getArticle({ id })).text] as const)).then(
      (texts) => live && setRows(attributionLedger(matrix, new Map(texts))),
      (err: unknown) => live && reportError('Could not read the articles for the attribution ledger', err),
    );
    return () => {
      live = false;
    };
  }, [matrix, reportError]);

  const sorted = useMemo(() => {
    if (!rows || !sort) return rows;
    return [...rows].sort((a, b) => {
      const va = valueOf(a, sort.key);
      const vb = valueOf(b, sort.key);
      if (!va || !vb) return va === vb ? 0 : va ? -1 : 1;
      const c = collator.compare(va, vb);
      return sort.descending ? -c : c;
    });
  }, [rows, sort]);

  const head = (key: SortKey, label: ReactNode) => {
    const state = sort?.key !== key ? 'none' : sort.descending ? 'descending' : 'ascending';
    return (
      <th scope="col" aria-sort={state}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort((s) => (s?.key !== key ? { key, descending: false } : s.descending ? null : { key, descending: true }))}
        >
          {label}
          <span className={`sort-button__arrow sort-button__arrow--${state}`} aria-hidden="true" />
        </button>
      </th>
    );
  };

  let body;
  if (failed) body = <p className="library__empty">The groups could not be read.</p>;
  else if (!sorted)
    body = (
      <p className="loading" role="status">
        Reading who credits whom…
      </p>
    );
  else if (sorted.length === 0) body = <p className="library__empty">No groups yet. Link quotes across articles (Accept as group, or Link in side by side) to see who credits whom.</p>;
  else {
    const noCredit = sorted.filter((r) => r.noCredit).length;
    const secondary = sorted.filter((r) => r.secondaryOutlet).length;
    body = (
      <>
        <p className="ledger__summary">
          {formatCount(sorted.length, 'wording')} · {formatCount(noCredit)} without any credit · {formatCount(secondary)} crediting another outlet
        </p>
        <div className="coverage__scroll">
          <table className="library__table ledger__table">
            <caption className="visually-hidden">Attribution ledger</caption>
            <thead>
              <tr>
                {head('label', 'Group')}
                {head('outlet', 'Outlet')}
                {head('date', 'Date')}
                {head('speaker', 'Speaker')}
                {head('channel', 'Channel')}
                <th scope="col">Linked source</th>
                {head('flag', 'Flag')}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={`${r.groupId}/${r.articleId}/${r.annotationId}`}>
                  <td>{r.label || 'Untitled group'}</td>
                  <td>
                    <button type="button" className="link-button" title={r.title} onClick={() => onOpenAnnotation(r.articleId, r.annotationId)}>
                      {r.outlet || r.title}
                    </button>
                  </td>
                  <td>{r.date ?? <span className="muted">—</span>}</td>
                  <td>{r.speaker ?? <span className="muted">—</span>}</td>
                  <td title={r.cue ?? undefined}>{r.channel ?? <span className="muted">—</span>}</td>
                  <td>{r.linkedSource ?? <span className="muted">—</span>}</td>
                  <td>{flagOf(r) ? <span className={`drift__badge${r.noCredit ? ' ledger__flag--none' : ''}`}>{flagOf(r)}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <div className="drift ledger">
      <ScreenHead
        title="Attribution ledger"
        actions={
          <div className="library__compare">
            <ExportStatus message={exported} />
            <button
              type="button"
              className="secondary-button"
              disabled={!rows || rows.length === 0}
              onClick={() => {
                if (!rows) return;
                const name = `triangulate-attribution-${localDateStamp(new Date())}.csv`;
                downloadFile(attributionLedgerCsv(sorted ?? rows), name, 'text/csv;charset=utf-8');
                setExported(`Exported ${formatCount(rows.length, 'row')} to ${name}`);
              }}
            >
              Export ledger CSV
            </button>
            <button type="button" className="secondary-button" onClick={onBack}>
              Back to coverage
            </button>
          </div>
        }
      >
        Whom each outlet credits for each quote: the speaker, the channel, the Source you linked.
      </ScreenHead>
      {body}
    </div>
  );
}
