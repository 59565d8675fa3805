/**
 * One article, ready to annotate: title, the text with highlights and the
 * selection toolbar, the open annotation's panel and the annotation list.
 * The reader shows one (variant "reader", title as h1); side by side shows
 * one per column (variant "column": a region named after the title, title as
 * h2). Every change goes through the API and then into the shown list.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Annotation, Tag } from '../shared/model';
import { getApi } from './api/getApi';
import { AnnotationList } from './AnnotationList';
import { AnnotationPanel } from './AnnotationPanel';
import { ArticleText, type ArticleTextHandle } from './ArticleText';
import { useReportError } from './reportErrorContext';
import type { TextRange } from './selectionRange';
import { useArticleData } from './useArticleData';

export interface ArticleViewProps {
  articleId: string;
  codebook: readonly Tag[];
  variant: 'reader' | 'column';
  /** Shown (and used to name the column) until the article has loaded. */
  initialTitle?: string;
}

interface PanelState {
  ids: string[];
  selectedId: string;
  takeFocus: boolean;
}

export function ArticleView({ articleId, codebook, variant, initialTitle }: ArticleViewProps) {
  const reportError = useReportError();
  const { article, annotations, status, updateAnnotations, retry } = useArticleData(articleId);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const textRef = useRef<ArticleTextHandle>(null);

  const byId = new Map(annotations.map((a) => [a.id, a]));
  const candidates = panel ? panel.ids.map((id) => byId.get(id)).filter((a): a is Annotation => !!a) : [];
  const selected = panel ? (byId.get(panel.selectedId) ?? candidates[0] ?? null) : null;

  const replace = useCallback(
    (updated: Annotation) => updateAnnotations((list) => list.map((a) => (a.id === updated.id ? updated : a))),
    [updateAnnotations],
  );

  const onTag = useCallback(
    async (tagId: string, range: TextRange) => {
      try {
        const made = await getApi().createAnnotation({ articleId, tagId, start: range.start, end: range.end });
        updateAnnotations((list) => [...list.filter((a) => a.id !== made.id), made]);
        return true;
      } catch (err) {
        reportError('Could not create the annotation', err);
        return false;
      }
    },
    [articleId, updateAnnotations, reportError],
  );

  const onOpen = useCallback((ids: string[], preferredId: string, viaKeyboard: boolean) => {
    setPanel({ ids, selectedId: preferredId, takeFocus: viaKeyboard });
  }, []);

  const closePanel = useCallback(() => {
    setPanel(null);
    textRef.current?.focus();
  }, []);

  const onEscape = useCallback(() => {
    if (!panel) return false;
    setPanel(null);
    return true;
  }, [panel]);

  const onRetag = async (id: string, tagId: string) => {
    try {
      replace(await getApi().updateAnnotation({ articleId, id, tagId }));
    } catch (err) {
      reportError('Could not change the tag', err);
    }
  };

  const onSaveNote = async (id: string, note: string) => {
    try {
      replace(await getApi().updateAnnotation({ articleId, id, note }));
    } catch (err) {
      reportError('Could not save the note', err);
      throw err;
    }
  };

  const onDelete = async (id: string) => {
    try {
      await getApi().deleteAnnotation({ articleId, id });
    } catch (err) {
      reportError('Could not delete the annotation', err);
      return;
    }
    updateAnnotations((list) => list.filter((a) => a.id !== id));
    const rest = panel?.ids.filter((x) => x !== id) ?? [];
    if (rest.length > 0) setPanel({ ids: rest, selectedId: rest[rest.length - 1]!, takeFocus: true });
    else closePanel();
  };

  const onPick = (id: string) => {
    textRef.current?.reveal(id);
    setPanel({ ids: [id], selectedId: id, takeFocus: false });
  };

  const title = article?.title || initialTitle || articleId;
  const level = variant === 'reader' ? 1 : 2;
  const Title = variant === 'reader' ? 'h1' : 'h2';
  const meta = article ? [article.date, article.outlet].filter(Boolean).join(' · ') : '';

  const head = (
    <header className="article-head">
      <Title className="article-head__title">{title}</Title>
      {meta ? <p className="article-head__meta">{meta}</p> : null}
    </header>
  );

  let body: ReactNode;
  if (status === 'ready' && article) {
    body = (
      <ArticleText
        key={article.id}
        ref={textRef}
        text={article.text}
        codebook={codebook}
        annotations={annotations}
        activeId={selected?.id ?? null}
        onTag={onTag}
        onOpen={onOpen}
        onEscape={onEscape}
      />
    );
  } else if (status === 'failed') {
    body = (
      <div className="article-failed">
        <p>This article could not be opened.</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  } else {
    body = (
      <p className="loading" role="status">
        Loading the article…
      </p>
    );
  }

  const side = (
    <div className="article-side">
      {panel && selected ? (
        <AnnotationPanel
          candidates={candidates}
          selected={selected}
          codebook={codebook}
          level={level === 1 ? 2 : 3}
          takeFocus={panel.takeFocus}
          onSelect={(id) => setPanel({ ...panel, selectedId: id, takeFocus: false })}
          onRetag={(id, tagId) => void onRetag(id, tagId)}
          onSaveNote={onSaveNote}
          onDelete={onDelete}
          onClose={closePanel}
        />
      ) : null}
      {status === 'ready' ? (
        <AnnotationList
          annotations={annotations}
          codebook={codebook}
          activeId={selected?.id ?? null}
          level={level === 1 ? 2 : 3}
          context={variant === 'column' ? title : undefined}
          onPick={onPick}
        />
      ) : null}
    </div>
  );

  if (variant === 'reader') {
    return (
      <div className="article-view article-view--reader">
        <div className="article-scroll" data-scroll-container>
          <article className="article-body">
            {head}
            {body}
          </article>
        </div>
        {side}
      </div>
    );
  }
  return (
    <section className="article-view article-view--column" aria-label={title}>
      {head}
      <div className="article-scroll" data-scroll-container>
        <div className="article-body">{body}</div>
      </div>
      {side}
    </section>
  );
}
