/**
 * "Article details": a collapsible form under the reader's title for the
 * article's title, outlet, author, date, URL, language and the researcher's
 * note on the whole article. "Save details" checks the fields first (the
 * same rules as the core: checkArticleDetails) and names what is wrong next
 * to the button; nothing is saved until every field is right.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/contract/apiError';
import { checkArticleDetails } from '../../shared/model/checkArticleDetails';
import type { ArticleMeta } from '../../shared/model/model';
import { getApi } from '../api/getApi';
import { errorMessage } from '../app/errorMessage';

export interface ArticleDetailsProps {
  article: ArticleMeta;
  onSaved: (meta: ArticleMeta) => void;
}

type Fields = Record<'title' | 'outlet' | 'author' | 'date' | 'url' | 'language' | 'note', string>;

const fieldsOf = (a: ArticleMeta): Fields => ({
  title: a.title,
  outlet: a.outlet ?? '',
  author: a.author ?? '',
  date: a.date ?? '',
  url: a.url ?? '',
  language: a.language ?? '',
  note: a.note,
});

const LINES: { key: Exclude<keyof Fields, 'note'>; label: string; type: string; placeholder?: string; hint?: string }[] = [
  { key: 'title', label: 'Title', type: 'text' },
  { key: 'outlet', label: 'Outlet', type: 'text', placeholder: 'e.g. Reuters' },
  { key: 'author', label: 'Author', type: 'text' },
  { key: 'date', label: 'Date', type: 'text', placeholder: 'YYYY-MM-DD', hint: 'YYYY-MM-DD' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' },
  { key: 'language', label: 'Language', type: 'text', placeholder: 'e.g. en, de-CH' },
];

export function ArticleDetails({ article, onSaved }: ArticleDetailsProps) {
  const id = useId();
  const [fields, setFields] = useState(() => fieldsOf(article));
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(fields) !== JSON.stringify(fieldsOf(article));

  const set = (key: keyof Fields, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setProblem(null);
    setStatus('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkArticleDetails(fields);
    if (!check.ok) {
      setProblem(check.message);
      return;
    }
    setBusy(true);
    try {
      const saved = await getApi().updateArticle({ id: article.id, ...check.change });
      onSaved(saved);
      setFields(fieldsOf(saved));
      setStatus('Saved');
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : errorMessage('Not saved', err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="article-details">
      <summary>Article details{article.note ? ' and note' : ''}</summary>
      <form className="article-details__form" onSubmit={(e) => void submit(e)} aria-label="Article details">
        <div className="article-details__grid">
          {LINES.map((line) => (
            <div key={line.key} className="field">
              <label htmlFor={`${id}-${line.key}`}>{line.label}</label>
              <input
                id={`${id}-${line.key}`}
                type={line.type}
                value={fields[line.key]}
                placeholder={line.placeholder}
                onChange={(e) => set(line.key, e.target.value)}
              />
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Article note</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={fields.note}
            placeholder="What matters about this article as a whole"
            onChange={(e) => set('note', e.target.value)}
          />
        </div>
        {problem ? (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="article-details__actions">
          <button type="submit" className="primary-button" disabled={!changed && !problem} aria-busy={busy || undefined}>
            Save details
          </button>
          <span role="status" className="note-field__status">
            {status}
          </span>
        </div>
      </form>
    </details>
  );
}
