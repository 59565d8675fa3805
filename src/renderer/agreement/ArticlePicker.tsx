/**
 * The Agreement screen's choice of articles: a scope (coded by every chosen
 * coder, the default; by any; none), a search by title or id, and a page of
 * the matching articles to tick or untick by hand, with "show more" and
 * "tick/untick all matching". At 100,000 articles it draws one page of
 * checkboxes, never the whole library (articleChoice.ts holds the logic).
 */
import { useId, useMemo, useState } from 'react';
import { formatCount } from '../components/formatCount';
import {
  chooseArticles,
  isChosen,
  matchingCandidates,
  findCandidates,
  scopeChoice,
  type ArticleChoice,
  type ArticleScope,
  type Candidates,
} from './articleChoice';

/** Checkboxes drawn at a time; "Show more" adds as many again. */
const PAGE = 100;

export interface ArticlePickerProps {
  candidates: Candidates;
  choice: ArticleChoice;
  onChoose: (choice: ArticleChoice) => void;
}

export function ArticlePicker({ candidates, choice, onChoose }: ArticlePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const found = useMemo(() => findCandidates(candidates.list, query, limit), [candidates, query, limit]);
  const scopes: [ArticleScope, string][] = [
    ['everyone', `Coded by every chosen coder (${formatCount(candidates.everyone)})`],
    ['any', `Coded by any chosen coder (${formatCount(candidates.list.length)})`],
    ['none', 'Only those ticked below'],
  ];
  const searching = query.trim() !== '';
  const byHand = [
    choice.added.size > 0 ? `${formatCount(choice.added.size)} ticked` : '',
    choice.removed.size > 0 ? `${formatCount(choice.removed.size)} unticked` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const tickAll = (on: boolean) => onChoose(chooseArticles(choice, matchingCandidates(candidates.list, query), on));

  return (
    <>
      <div role="radiogroup" aria-label="Which articles" className="agreement__scopes">
        {scopes.map(([scope, label]) => (
          <label key={scope} className="radio-line">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={choice.scope === scope}
              onChange={() => onChoose(scopeChoice(scope))}
            />
            {label}
          </label>
        ))}
      </div>
      {byHand ? (
        <p className="muted">
          By hand: {byHand}.{' '}
          <button type="button" className="link-button" onClick={() => onChoose(scopeChoice(choice.scope))}>
            Undo these
          </button>
        </p>
      ) : null}
      <input
        type="search"
        className="agreement__find"
        aria-label="Find articles by title"
        placeholder="Find by title…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setLimit(PAGE);
        }}
      />
      <p className="muted" aria-live="polite">
        {found.matching === 0
          ? 'No article matches.'
          : found.shown.length < found.matching
            ? `${formatCount(found.shown.length)} of ${formatCount(found.matching)} ${searching ? 'matching' : 'articles'} shown`
            : `${formatCount(found.matching, 'article')}${searching ? ' matching' : ''}`}
      </p>
      {searching && found.matching > 0 ? (
        <div className="agreement__tick-all">
          <button type="button" className="secondary-button" onClick={() => tickAll(true)}>
            Tick all {formatCount(found.matching)}
          </button>
          <button type="button" className="secondary-button" onClick={() => tickAll(false)}>
            Untick all {formatCount(found.matching)}
          </button>
        </div>
      ) : null}
      <div className="agreement__articles">
        {found.shown.map((a) => (
          <label key={a.id} className="check-line">
            <input type="checkbox" checked={isChosen(choice, a)} onChange={(e) => onChoose(chooseArticles(choice, [a], e.target.checked))} />
            <span className="agreement__article-title">{a.title}</span>
            {a.everyone ? null : <span className="muted agreement__not-all">(not every coder)</span>}
          </label>
        ))}
        {found.shown.length < found.matching ? (
          <button type="button" className="secondary-button agreement__more" onClick={() => setLimit((n) => n + PAGE)}>
            Show {formatCount(Math.min(PAGE, found.matching - found.shown.length))} more
          </button>
        ) : null}
      </div>
    </>
  );
}
