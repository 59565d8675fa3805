/**
 * An article's pending suggestions (detected quotes and their sources), in
 * text order, and deciding on them. A decision hides its suggestions at once
 * and is sent in order behind any earlier one, so pressing `a` or `r` quickly
 * never loses a key; a failed decision is reported and the list reloaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../../shared/model/model';
import { getApi } from '../../api/getApi';
import { useDataChanged } from '../../app/dataChanged';
import { useReportError } from '../../app/reportErrorContext';
import { textOrder } from '../../data/textOrder';

export type Decision = 'accept' | 'reject';

export interface SuggestionsData {
  suggestions: Suggestion[];
  status: 'loading' | 'ready' | 'failed';
  /** Decides on these suggestions (or every pending one); resolves to the annotations accepting made, or null on failure. */
  /** `speaker`: accepting, the speaker the researcher chose instead of the detected one. */
  decide: (decision: Decision, ids: readonly string[] | 'all', speaker?: string) => Promise<Annotation[] | null>;
  /** Fetches the pending list again (annotations made elsewhere can hide suggestions). */
  reload: () => void;
}

export function useSuggestions(articleId: string): SuggestionsData {
  const reportError = useReportError();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [status, setStatus] = useState<SuggestionsData['status']>('loading');
  const [attempt, setAttempt] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Decided here (confirmed or still on its way): never shown again, whatever
  // order a reload and a decision reach the core in. A failure un-hides.
  const decided = useRef(new Set<string>());
  const current = useRef<Suggestion[]>([]);
  current.current = suggestions;

  useEffect(() => {
    let live = true;
    getApi()
      .listSuggestions({ articleId })
      .then(
        (list) => {
          if (!live) return;
          setSuggestions(textOrder(list.filter((s) => !decided.current.has(s.id))));
          setStatus('ready');
        },
        (err: unknown) => {
          if (!live) return;
          setStatus('failed');
          reportError('Could not load the suggestions', err);
        },
      );
    return () => {
      live = false;
    };
  }, [articleId, attempt, reportError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // An undo of an acceptance offers its suggestions again.
  useDataChanged((change) => {
    if (change.articleIds.length > 0 && !change.articleIds.includes(articleId)) return;
    decided.current.clear();
    reload();
  });

  const decide = useCallback(
    (decision: Decision, ids: readonly string[] | 'all', speaker?: string) => {
      const hidden = ids === 'all' ? current.current.map((s) => s.id) : [...ids];
      for (const id of hidden) decided.current.add(id);
      setSuggestions((list) => list.filter((s) => !hidden.includes(s.id)));
      const run = async (): Promise<Annotation[] | null> => {
        try {
          const input = ids === 'all' ? { articleId, decision } : { articleId, decision, ids: hidden, ...(speaker ? { speaker } : {}) };
          const result = await getApi().decideSuggestions(input);
          return result.created;
        } catch (err) {
          reportError(decision === 'accept' ? 'Could not accept the suggestion' : 'Could not reject the suggestion', err);
          for (const id of hidden) decided.current.delete(id);
          return null;
        }
      };
      const result = queue.current.then(run);
      queue.current = result;
      void result.then((created) => {
        if (created === null || decision === 'accept') reload();
      });
      return result;
    },
    [articleId, reportError, reload],
  );

  return { suggestions, status, decide, reload };
}
